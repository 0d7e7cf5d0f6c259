export * from './platform-ping.workflow';
