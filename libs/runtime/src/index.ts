export * from './service-infra';
