import {
  type DynamicModule,
  Inject,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { ZhibenConfig } from '@zhiben/config';
import { TASK_QUEUES } from '@zhiben/contracts';
import {
  createDirectoryActivities,
  DIRECTORY_ENTITIES,
  DIRECTORY_MIGRATIONS,
  DIRECTORY_SCHEMA,
  DirectoryModule,
  seedDemoDistrict,
} from '@zhiben/directory';
import { serviceInfra, temporalOptions } from '@zhiben/runtime';
import { ActivityWorkerHost } from '@zhiben/temporal-client';
import { DataSource } from 'typeorm';

const CONFIG = Symbol('CONFIG');

/** Seeds the demo district (when enabled) and hosts the directory's activities. */
class DirectoryRuntime implements OnApplicationBootstrap, OnApplicationShutdown {
  private worker?: ActivityWorkerHost;

  constructor(
    @Inject(CONFIG) private readonly config: ZhibenConfig,
    @Inject(DataSource) private readonly ds: DataSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.DEMO_SEED) await seedDemoDistrict(this.ds);
    this.worker = new ActivityWorkerHost(
      temporalOptions(this.config),
      TASK_QUEUES.directory,
      createDirectoryActivities(this.ds),
    );
    await this.worker.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.stop();
  }
}

@Module({})
export class DirectoryServiceModule {
  static forRoot(config: ZhibenConfig): DynamicModule {
    return {
      module: DirectoryServiceModule,
      imports: [
        ...serviceInfra(config, {
          schema: DIRECTORY_SCHEMA,
          entities: DIRECTORY_ENTITIES,
          migrations: DIRECTORY_MIGRATIONS,
          applicationName: 'directory-service',
        }),
        DirectoryModule,
      ],
      providers: [{ provide: CONFIG, useValue: config }, DirectoryRuntime],
    };
  }
}
