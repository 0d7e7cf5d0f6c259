export * from './templates';
export * from './dispatch-form';
export * from './schedule';
export * from './stages';
export * from './aggregate';
export * from './duties';
export * from './instantiate';
