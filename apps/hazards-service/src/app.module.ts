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
  createHazardFiguresActivity,
  createHazardsActivities,
  HAZARDS_ENTITIES,
  HAZARDS_MIGRATIONS,
  HAZARDS_SCHEMA,
  HazardsModule,
} from '@zhiben/hazards';
import { serviceInfra, temporalOptions } from '@zhiben/runtime';
import { ActivityWorkerHost } from '@zhiben/temporal-client';
import { DataSource } from 'typeorm';

const CONFIG = Symbol('CONFIG');

/**
 * Hosts the ledger's activities on TASK_QUEUES.hazards: HazardsPort (the rectification workflows) and
 * HazardFiguresPort (the dispatch form's pre-fill for the campaign report workflows).
 */
class HazardsRuntime implements OnApplicationBootstrap, OnApplicationShutdown {
  private worker?: ActivityWorkerHost;

  constructor(
    @Inject(CONFIG) private readonly config: ZhibenConfig,
    @Inject(DataSource) private readonly ds: DataSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.worker = new ActivityWorkerHost(temporalOptions(this.config), TASK_QUEUES.hazards, {
      ...createHazardsActivities(this.ds),
      ...createHazardFiguresActivity(this.ds),
    } as unknown as Record<string, (...args: never[]) => Promise<unknown>>);
    await this.worker.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.stop();
  }
}

@Module({})
export class HazardsServiceModule {
  static forRoot(config: ZhibenConfig): DynamicModule {
    return {
      module: HazardsServiceModule,
      imports: [
        ...serviceInfra(config, {
          schema: HAZARDS_SCHEMA,
          entities: HAZARDS_ENTITIES,
          migrations: HAZARDS_MIGRATIONS,
          applicationName: 'hazards-service',
        }),
        HazardsModule.forRoot({
          directoryUrl: config.directoryUrl,
          storageDir: config.storageDir,
          uploadMaxBytes: config.UPLOAD_MAX_BYTES,
          msPerDay: config.HAZARD_CLOCK_MS_PER_DAY,
          allowTimeScale: config.ZHIBEN_ALLOW_TIME_SCALE,
        }),
      ],
      providers: [{ provide: CONFIG, useValue: config }, HazardsRuntime],
    };
  }
}
