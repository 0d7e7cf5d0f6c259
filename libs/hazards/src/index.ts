export * from './hazards.module';
