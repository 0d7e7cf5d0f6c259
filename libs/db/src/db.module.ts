import { type DynamicModule, Global, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createContextDataSource, migrate, type ContextDbOptions } from './data-source';

/**
 * One DataSource per service, migrated on startup (never `synchronize`). Repositories are
 * obtained from the DataSource by the context's own providers.
 */
@Global()
@Module({})
export class DbModule implements OnApplicationShutdown {
  constructor(private readonly ds: DataSource) {}

  static forRoot(options: ContextDbOptions & { runMigrations?: boolean }): DynamicModule {
    return {
      module: DbModule,
      providers: [
        {
          provide: DataSource,
          useFactory: async () => {
            const ds = await createContextDataSource(options);
            if (options.runMigrations !== false) {
              const applied = await migrate(ds, options.schema);
              if (applied.length) new Logger('DbModule').log({ msg: 'migrations applied', applied });
            }
            return ds;
          },
        },
      ],
      exports: [DataSource],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.ds.isInitialized) await this.ds.destroy();
  }
}
