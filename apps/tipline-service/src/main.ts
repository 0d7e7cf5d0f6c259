import 'reflect-metadata';
import { getConfig } from '@zhiben/config';
import { runService } from '@zhiben/platform';
import { TiplineServiceModule } from './app.module';

const config = getConfig();
runService({
  name: 'tipline-service',
  context: 'tipline',
  module: TiplineServiceModule.forRoot(config) as never,
  port: config.TIPLINE_PORT,
  logLevel: config.LOG_LEVEL,
  bodyLimit: config.BODY_LIMIT,
});
