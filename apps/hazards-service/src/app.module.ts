import { type DynamicModule, Module } from '@nestjs/common';
import type { ZhibenConfig } from '@zhiben/config';
import { serviceInfra } from '@zhiben/runtime';
import { HAZARDS_ENTITIES, HAZARDS_MIGRATIONS, HAZARDS_SCHEMA, HazardsModule } from '@zhiben/hazards';

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
        HazardsModule,
      ],
    };
  }
}
