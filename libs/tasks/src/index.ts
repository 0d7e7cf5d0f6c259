export * from './inbox/inbox.cursor';
export * from './inbox/inbox.service';
export * from './task.entity';
export * from './tasks.module';
