export * from './activities/service-token';
export * from './activities/tipline.activities';
export * from './entities';
export * from './schema';
export * from './tipline.module';
export * from './tipline.options';
export * from './vault/crypto';
