import {
  type DynamicModule,
  Inject,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { ZhibenConfig } from '@zhiben/config';
import { TASK_QUEUES } from '@zhiben/contracts';
import { serviceInfra, temporalOptions } from '@zhiben/runtime';
import { ActivityWorkerHost } from '@zhiben/temporal-client';
import {
  createTiplineActivities,
  ServiceTokenSource,
  TIPLINE_ENTITIES,
  TIPLINE_MIGRATIONS,
  TIPLINE_SCHEMA,
  TiplineModule,
  vaultKeysFrom,
  type TiplineOptions,
} from '@zhiben/tipline';
import { DataSource } from 'typeorm';

const CONFIG = Symbol('CONFIG');

/** Hosts the tipline activities (TiplinePort) on TASK_QUEUES.tipline for the tipVerification workflow. */
class TiplineRuntime implements OnApplicationBootstrap, OnApplicationShutdown {
  private worker?: ActivityWorkerHost;

  constructor(
    @Inject(CONFIG) private readonly config: ZhibenConfig,
    @Inject(DataSource) private readonly ds: DataSource,
    @Inject(ServiceTokenSource) private readonly serviceToken: ServiceTokenSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const activities = createTiplineActivities(this.ds, {
      hazardsUrl: this.config.hazardsUrl,
      serviceToken: this.serviceToken,
    });
    this.worker = new ActivityWorkerHost(
      temporalOptions(this.config),
      TASK_QUEUES.tipline,
      activities as unknown as Record<string, (...args: never[]) => Promise<unknown>>,
    );
    await this.worker.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.stop();
  }
}

export function tiplineOptions(config: ZhibenConfig): TiplineOptions {
  return {
    hazardsUrl: config.hazardsUrl,
    keycloakUrl: config.KEYCLOAK_URL,
    realm: config.KEYCLOAK_REALM,
    serviceClientId: config.KEYCLOAK_API_CLIENT_ID,
    serviceClientSecret: config.KEYCLOAK_API_CLIENT_SECRET,
    storageDir: config.storageDir,
    uploadMaxBytes: Math.min(config.UPLOAD_MAX_BYTES, 10 * 1024 * 1024),
    msPerDay: config.TIPLINE_CLOCK_MS_PER_DAY,
    allowTimeScale: config.ZHIBEN_ALLOW_TIME_SCALE,
    receivingUnit: { code: config.TIPLINE_RECEIVING_UNIT, name: config.TIPLINE_RECEIVING_UNIT_NAME },
    parentUnitCode: config.TIPLINE_PARENT_UNIT,
    intake: { perMinute: config.TIPLINE_INTAKE_PER_MINUTE, burst: config.TIPLINE_INTAKE_BURST },
    trustedProxies: config.TIPLINE_TRUSTED_PROXIES,
    vault: vaultKeysFrom(config),
  };
}

@Module({})
export class TiplineServiceModule {
  static forRoot(config: ZhibenConfig): DynamicModule {
    return {
      module: TiplineServiceModule,
      imports: [
        ...serviceInfra(config, {
          schema: TIPLINE_SCHEMA,
          entities: TIPLINE_ENTITIES,
          migrations: TIPLINE_MIGRATIONS,
          applicationName: 'tipline-service',
        }),
        TiplineModule.forRoot(tiplineOptions(config)),
      ],
      providers: [{ provide: CONFIG, useValue: config }, TiplineRuntime],
    };
  }
}
