export * from './temporal.module';
export * from './activity-worker';
