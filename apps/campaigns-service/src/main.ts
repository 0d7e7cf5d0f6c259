import 'reflect-metadata';
import { getConfig } from '@zhiben/config';
import { runService } from '@zhiben/platform';
import { CampaignsServiceModule } from './app.module';

const config = getConfig();
runService({
  name: 'campaigns-service',
  context: 'campaigns',
  module: CampaignsServiceModule.forRoot(config) as never,
  port: config.CAMPAIGNS_PORT,
  logLevel: config.LOG_LEVEL,
  bodyLimit: config.BODY_LIMIT,
});
