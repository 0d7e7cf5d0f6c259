export * from './activities/hazards.activities';
export * from './figures/hazard-figures';
export * from './entities';
export * from './files/file-storage';
export * from './hazards.module';
export * from './rules/hazard-rules.defaults';
export * from './standards/standards.registry';
// Pure helpers other contexts reuse (enforcement scopes its records and stores its files the same way).
export * from './scope/hazard-scope';
export * from './files/file-sniff';
export * from './files/upload-reader';
