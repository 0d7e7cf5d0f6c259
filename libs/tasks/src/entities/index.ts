export * from './notification.entity';
export * from './sla-breach.entity';
export * from './task-attachment.entity';
export * from './task-comment.entity';
export * from './task-completion.entity';
export * from './task-history.entity';
export * from './task.entity';
