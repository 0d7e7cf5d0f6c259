import 'reflect-metadata';
import { getConfig } from '@zhiben/config';
import { createServiceApp } from '@zhiben/platform';
import { TasksServiceModule } from './app.module';

async function main(): Promise<void> {
  const config = getConfig();
  const app = await createServiceApp({
    name: 'tasks-service',
    context: 'tasks',
    module: TasksServiceModule.forRoot(config) as never,
    logLevel: config.LOG_LEVEL,
    bodyLimit: config.BODY_LIMIT,
  });
  await app.listen(config.TASKS_PORT);
}

main().catch((e: unknown) => {
  process.stderr.write(`tasks-service failed to start: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
