import { type DynamicModule, Module } from '@nestjs/common';
import type { ZhibenConfig } from '@zhiben/config';
import { serviceInfra } from '@zhiben/runtime';
import { TASKS_ENTITIES, TASKS_MIGRATIONS, TASKS_SCHEMA, TasksModule } from '@zhiben/tasks';

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
        TasksModule,
      ],
    };
  }
}
