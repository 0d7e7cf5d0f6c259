import 'reflect-metadata';
import { getConfig } from '@zhiben/config';
import { runService } from '@zhiben/platform';
import { HazardsServiceModule } from './app.module';

const config = getConfig();
runService({
  name: 'hazards-service',
  context: 'hazards',
  module: HazardsServiceModule.forRoot(config) as never,
  port: config.HAZARDS_PORT,
  logLevel: config.LOG_LEVEL,
  bodyLimit: config.BODY_LIMIT,
});
