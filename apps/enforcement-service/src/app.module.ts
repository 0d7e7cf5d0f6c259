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
  createEnforcementActivities,
  createEnforcementFiguresActivity,
  ENFORCEMENT_ENTITIES,
  ENFORCEMENT_MIGRATIONS,
  ENFORCEMENT_SCHEMA,
  EnforcementModule,
} from '@zhiben/enforcement';
import { serviceInfra, temporalOptions } from '@zhiben/runtime';
import { ActivityWorkerHost } from '@zhiben/temporal-client';
import { DataSource } from 'typeorm';

const CONFIG = Symbol('CONFIG');

/**
 * Hosts the enforcement activities (EnforcementPort) on TASK_QUEUES.enforcement for the enforcementCase
 * and criminalReferral workflows (a referral the case workflow proposes is started by that workflow as
 * its child), and the dispatch form's enforcement pre-fill (EnforcementFiguresPort).
 */
class EnforcementRuntime implements OnApplicationBootstrap, OnApplicationShutdown {
  private worker?: ActivityWorkerHost;

  constructor(
    @Inject(CONFIG) private readonly config: ZhibenConfig,
    @Inject(DataSource) private readonly ds: DataSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const activities = {
      ...createEnforcementActivities(this.ds),
      ...createEnforcementFiguresActivity(this.ds),
    };
    this.worker = new ActivityWorkerHost(
      temporalOptions(this.config),
      TASK_QUEUES.enforcement,
      activities as unknown as Record<string, (...args: never[]) => Promise<unknown>>,
    );
    await this.worker.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.stop();
  }
}

@Module({})
export class EnforcementServiceModule {
  static forRoot(config: ZhibenConfig): DynamicModule {
    const enforcement = EnforcementModule.forRoot({
      directoryUrl: config.directoryUrl,
      hazardsUrl: config.hazardsUrl,
      storageDir: config.storageDir,
      uploadMaxBytes: config.UPLOAD_MAX_BYTES,
      msPerDay: config.ENFORCEMENT_CLOCK_MS_PER_DAY,
      allowTimeScale: config.ZHIBEN_ALLOW_TIME_SCALE,
    });
    return {
      module: EnforcementServiceModule,
      imports: [
        ...serviceInfra(config, {
          schema: ENFORCEMENT_SCHEMA,
          entities: ENFORCEMENT_ENTITIES,
          migrations: ENFORCEMENT_MIGRATIONS,
          applicationName: 'enforcement-service',
        }),
        enforcement,
      ],
      providers: [{ provide: CONFIG, useValue: config }, EnforcementRuntime],
    };
  }
}
