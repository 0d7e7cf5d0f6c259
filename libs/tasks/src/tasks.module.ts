import {
  type DynamicModule,
  type MiddlewareConsumer,
  Module,
  type NestModule,
  RequestMethod,
} from '@nestjs/common';
import { raw } from 'express';
import { TasksActivities } from './activities/tasks.activities';
import { MAX_ATTACHMENT_BYTES } from './attachments/attachment.rules';
import {
  ATTACHMENT_STORAGE,
  type AttachmentStorage,
  LocalDiskAttachmentStorage,
} from './attachments/attachment.storage';
import { TaskAttachmentsService } from './attachments/task-attachments.service';
import {
  NotificationEntity,
  NotificationReadEntity,
  SlaBreachEntity,
  TaskAttachmentEntity,
  TaskCandidateEntity,
  TaskCommentEntity,
  TaskCompletionEntity,
  TaskEntity,
  TaskHistoryEntity,
  TaskWatcherEntity,
} from './entities';
import { InboxController } from './inbox/inbox.controller';
import { InboxService } from './inbox/inbox.service';
import { TasksInit1764000000001 } from './migrations/1764000000001-tasks-init';
import { TaskEngine1764000000002 } from './migrations/1764000000002-task-engine';
import { InboxProjection1764000000003 } from './migrations/1764000000003-inbox-projection';
import { InboxProjectionTriggers1764000000004 } from './migrations/1764000000004-inbox-projection-triggers';
import { NotificationChannelRegistry } from './notifications/notification-channel';
import { NotificationsController } from './notifications/notifications.controller';
import { NotificationsService } from './notifications/notifications.service';
import { TaskActionsService } from './tasks/task-actions.service';
import { TaskDecider } from './tasks/task-decider';
import { TaskQueryService } from './tasks/task-query.service';
import { TasksController } from './tasks/tasks.controller';

export const TASKS_SCHEMA = 'tasks';
export const TASKS_ENTITIES = [
  TaskEntity,
  TaskCandidateEntity,
  TaskWatcherEntity,
  TaskHistoryEntity,
  TaskCommentEntity,
  TaskAttachmentEntity,
  NotificationEntity,
  NotificationReadEntity,
  SlaBreachEntity,
  TaskCompletionEntity,
];
export const TASKS_MIGRATIONS = [
  TasksInit1764000000001,
  TaskEngine1764000000002,
  InboxProjection1764000000003,
  InboxProjectionTriggers1764000000004,
];

export interface TasksModuleOptions {
  /** Local directory for attachment bytes (the default storage). */
  attachmentsDir: string;
  /** Replaces local disk storage (e.g. an S3-compatible store). */
  storage?: AttachmentStorage;
}

/**
 * The tasks context: inbox, task API, notifications and the TasksPort activities (TasksActivities,
 * which the service's runtime hosts on TASK_QUEUES.tasks).
 */
@Module({
  controllers: [InboxController, TasksController, NotificationsController],
  providers: [
    InboxService,
    TaskQueryService,
    TaskActionsService,
    TaskDecider,
    TaskAttachmentsService,
    TasksActivities,
    NotificationChannelRegistry,
    NotificationsService,
  ],
  exports: [TasksActivities, NotificationChannelRegistry],
})
export class TasksModule implements NestModule {
  static forRoot(options: TasksModuleOptions): DynamicModule {
    return {
      module: TasksModule,
      providers: [
        {
          provide: ATTACHMENT_STORAGE,
          useValue: options.storage ?? new LocalDiskAttachmentStorage(options.attachmentsDir),
        },
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    // Uploads are raw bodies (the service's JSON parser leaves other types alone).
    consumer
      .apply(raw({ type: () => true, limit: MAX_ATTACHMENT_BYTES + 1 }))
      .forRoutes({ path: 'tasks/:id/attachments', method: RequestMethod.POST });
  }
}
