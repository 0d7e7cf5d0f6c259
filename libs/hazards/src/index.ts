export * from './activities/hazards.activities';
export * from './figures/hazard-figures';
export * from './entities';
export * from './files/file-storage';
export * from './hazards.module';
export * from './rules/hazard-rules.defaults';
export * from './standards/standards.registry';
