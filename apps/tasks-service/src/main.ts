import 'reflect-metadata';
import { getConfig } from '@zhiben/config';
import { runService } from '@zhiben/platform';
import { TasksServiceModule } from './app.module';

const config = getConfig();
runService({
  name: 'tasks-service',
  context: 'tasks',
  module: TasksServiceModule.forRoot(config) as never,
  port: config.TASKS_PORT,
  logLevel: config.LOG_LEVEL,
  bodyLimit: config.BODY_LIMIT,
});
