import {
  type DynamicModule,
  Inject,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import {
  CAMPAIGNS_ENTITIES,
  CAMPAIGNS_MIGRATIONS,
  CAMPAIGNS_SCHEMA,
  CampaignsModule,
  createCampaignsActivities,
} from '@zhiben/campaigns';
import type { ZhibenConfig } from '@zhiben/config';
import { TASK_QUEUES } from '@zhiben/contracts';
import { serviceInfra, temporalOptions } from '@zhiben/runtime';
import { ActivityWorkerHost } from '@zhiben/temporal-client';
import { DataSource } from 'typeorm';

const CONFIG = Symbol('CONFIG');

/** Hosts the campaigns' activities (CampaignsPort) on TASK_QUEUES.campaigns. */
class CampaignsRuntime implements OnApplicationBootstrap, OnApplicationShutdown {
  private worker?: ActivityWorkerHost;

  constructor(
    @Inject(CONFIG) private readonly config: ZhibenConfig,
    @Inject(DataSource) private readonly ds: DataSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.worker = new ActivityWorkerHost(
      temporalOptions(this.config),
      TASK_QUEUES.campaigns,
      createCampaignsActivities(this.ds) as unknown as Record<string, (...args: never[]) => Promise<unknown>>,
    );
    await this.worker.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.stop();
  }
}

@Module({})
export class CampaignsServiceModule {
  static forRoot(config: ZhibenConfig): DynamicModule {
    return {
      module: CampaignsServiceModule,
      imports: [
        ...serviceInfra(config, {
          schema: CAMPAIGNS_SCHEMA,
          entities: CAMPAIGNS_ENTITIES,
          migrations: CAMPAIGNS_MIGRATIONS,
          applicationName: 'campaigns-service',
        }),
        CampaignsModule.forRoot({
          directoryUrl: config.directoryUrl,
          msPerDay: config.CAMPAIGN_CLOCK_MS_PER_DAY,
          allowTimeScale: config.ZHIBEN_ALLOW_TIME_SCALE,
          ...(config.PDF_FONT ? { pdfFont: config.PDF_FONT } : {}),
        }),
      ],
      providers: [{ provide: CONFIG, useValue: config }, CampaignsRuntime],
    };
  }
}
