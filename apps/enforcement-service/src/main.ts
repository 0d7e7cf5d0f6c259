import 'reflect-metadata';
import { getConfig } from '@zhiben/config';
import { runService } from '@zhiben/platform';
import { EnforcementServiceModule } from './app.module';

const config = getConfig();
runService({
  name: 'enforcement-service',
  context: 'enforcement',
  module: EnforcementServiceModule.forRoot(config) as never,
  port: config.ENFORCEMENT_PORT,
  logLevel: config.LOG_LEVEL,
  bodyLimit: config.BODY_LIMIT,
});
