import type { DynamicModule } from '@nestjs/common';
import { AuthModule } from '@zhiben/auth';
import type { ZhibenConfig } from '@zhiben/config';
import { DbModule, type ContextDbOptions } from '@zhiben/db';
import { HealthModule } from '@zhiben/platform';
import { TemporalClientHolder, TemporalModule, type TemporalOptions } from '@zhiben/temporal-client';
import { DataSource } from 'typeorm';

export function temporalOptions(c: ZhibenConfig): TemporalOptions {
  return {
    address: c.TEMPORAL_ADDRESS,
    namespace: c.TEMPORAL_NAMESPACE,
    tls: c.TEMPORAL_TLS,
    tlsCertPath: c.TEMPORAL_TLS_CERT_PATH,
    tlsKeyPath: c.TEMPORAL_TLS_KEY_PATH,
    apiKey: c.TEMPORAL_API_KEY,
  };
}

/**
 * The infrastructure every context service imports: its own schema (migrated on boot), the
 * Temporal client, the enforcing auth guard and /health + /ready.
 */
export function serviceInfra(
  config: ZhibenConfig,
  db: Pick<ContextDbOptions, 'schema' | 'entities' | 'migrations'> & { applicationName: string },
): DynamicModule[] {
  return [
    DbModule.forRoot({ url: config.DATABASE_URL, poolSize: config.DATABASE_POOL_SIZE, ...db }),
    TemporalModule.forRoot(temporalOptions(config)),
    AuthModule.forRoot({
      keycloakUrl: config.KEYCLOAK_URL,
      realm: config.KEYCLOAK_REALM,
      audience: config.KEYCLOAK_API_CLIENT_ID,
    }),
    HealthModule.forRoot({
      inject: [DataSource, TemporalClientHolder],
      useFactory: (ds: DataSource, temporal: TemporalClientHolder) => [
        { name: 'database', check: async () => void (await ds.query('SELECT 1')) },
        { name: 'temporal', check: () => temporal.ping() },
      ],
    }),
  ];
}
