import 'reflect-metadata';
import { getConfig } from '@zhiben/config';
import { createServiceApp } from '@zhiben/platform';
import { HazardsServiceModule } from './app.module';

async function main(): Promise<void> {
  const config = getConfig();
  const app = await createServiceApp({
    name: 'hazards-service',
    context: 'hazards',
    module: HazardsServiceModule.forRoot(config) as never,
    logLevel: config.LOG_LEVEL,
    bodyLimit: config.BODY_LIMIT,
  });
  await app.listen(config.HAZARDS_PORT);
}

main().catch((e: unknown) => {
  process.stderr.write(`hazards-service failed to start: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
