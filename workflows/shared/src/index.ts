export * from './decision-validator';
export * from './human-task';
export * from './task.messages';
export * from './timeline';
export * from './bookkeeping';
