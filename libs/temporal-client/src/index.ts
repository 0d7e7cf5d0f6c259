export * from './temporal.module';
export * from './activity-worker';
export * from './workflow-calls';
export * from './outbox-starter';
