import 'reflect-metadata';
import { getConfig } from '@zhiben/config';
import { runService } from '@zhiben/platform';
import { DirectoryServiceModule } from './app.module';

const config = getConfig();
runService({
  name: 'directory-service',
  context: 'directory',
  module: DirectoryServiceModule.forRoot(config) as never,
  port: config.DIRECTORY_PORT,
  logLevel: config.LOG_LEVEL,
  bodyLimit: config.BODY_LIMIT,
});
