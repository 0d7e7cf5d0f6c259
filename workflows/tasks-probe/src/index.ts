export * from './task-probe.workflow';
