export * from './bootstrap';
export * from './correlation';
export * from './domain.exception';
export * from './health';
export * from './json.logger';
export * from './problem.filter';
export * from './zod.pipe';
