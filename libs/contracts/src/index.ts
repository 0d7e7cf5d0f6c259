export * from './errors';
export * from './queues';
export * from './roles';
export * from './directory';
export * from './org';
export * from './sectors';
export * from './uscc';
export * from './tasks';
