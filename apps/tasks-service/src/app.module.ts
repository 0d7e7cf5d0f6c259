import {
  type DynamicModule,
  Inject,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { ZhibenConfig } from '@zhiben/config';
import { TASK_QUEUES } from '@zhiben/contracts';
import { serviceInfra, temporalOptions } from '@zhiben/runtime';
import { TASKS_ENTITIES, TASKS_MIGRATIONS, TASKS_SCHEMA, TasksActivities, TasksModule } from '@zhiben/tasks';
import { ActivityWorkerHost } from '@zhiben/temporal-client';
import { join } from 'node:path';

const CONFIG = Symbol('CONFIG');

/** Hosts the TasksPort activities (openTask, closeTask, remindTask) on TASK_QUEUES.tasks. */
class TasksRuntime implements OnApplicationBootstrap, OnApplicationShutdown {
  private worker?: ActivityWorkerHost;

  constructor(
    @Inject(CONFIG) private readonly config: ZhibenConfig,
    @Inject(TasksActivities) private readonly activities: TasksActivities,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.worker = new ActivityWorkerHost(
      temporalOptions(this.config),
      TASK_QUEUES.tasks,
      this.activities.asActivities(),
    );
    await this.worker.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.stop();
  }
}

@Module({})
export class TasksServiceModule {
  static forRoot(config: ZhibenConfig): DynamicModule {
    return {
      module: TasksServiceModule,
      imports: [
        ...serviceInfra(config, {
          schema: TASKS_SCHEMA,
          entities: TASKS_ENTITIES,
          migrations: TASKS_MIGRATIONS,
          applicationName: 'tasks-service',
        }),
        TasksModule.forRoot({ attachmentsDir: join(config.ZHIBEN_DATA_DIR, 'attachments') }),
      ],
      providers: [{ provide: CONFIG, useValue: config }, TasksRuntime],
    };
  }
}
