import { Module } from '@nestjs/common';
import { InboxController } from './inbox/inbox.controller';
import { InboxService } from './inbox/inbox.service';
import { TasksInit1764000000001 } from './migrations/1764000000001-tasks-init';
import { TaskCandidateEntity, TaskEntity, TaskWatcherEntity } from './task.entity';

export const TASKS_SCHEMA = 'tasks';
export const TASKS_ENTITIES = [TaskEntity, TaskCandidateEntity, TaskWatcherEntity];
export const TASKS_MIGRATIONS = [TasksInit1764000000001];

@Module({ controllers: [InboxController], providers: [InboxService] })
export class TasksModule {}
