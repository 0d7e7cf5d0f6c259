import { type DynamicModule, Module } from '@nestjs/common';
import { FILE_STORAGE, LocalDiskFileStorage } from '@zhiben/hazards';
import { ServiceTokenSource } from './activities/service-token';
import { TIPLINE_ENTITIES } from './entities';
import { TiplineInit1764000000107 } from './migrations/1764000000107-tipline-init';
import { PublicTipsController } from './public/public.controller';
import { PublicTipsService } from './public/public.service';
import { TIPLINE_SCHEMA } from './schema';
import { TIPLINE_OPTIONS, type TiplineOptions } from './tipline.options';
import { TipsController } from './tips/tips.controller';
import { TipsService } from './tips/tips.service';
import { VaultService } from './vault/vault.service';
import { TiplineWorkflowGateway } from './workflow/tipline-workflow.gateway';
import { TipWorkflowStarter } from './workflow/workflow-starter';

export { TIPLINE_ENTITIES, TIPLINE_SCHEMA };
export const TIPLINE_MIGRATIONS = [TiplineInit1764000000107];

/**
 * The tipline context (举报核查与奖励, P-06): public intake and status, the handlers' steps, the
 * reporter-identity vault. Needs the service's DataSource (DbModule) and Temporal client (TemporalModule).
 */
@Module({})
export class TiplineModule {
  static forRoot(options: TiplineOptions): DynamicModule {
    return {
      module: TiplineModule,
      controllers: [PublicTipsController, TipsController],
      providers: [
        { provide: TIPLINE_OPTIONS, useValue: options },
        { provide: FILE_STORAGE, useValue: new LocalDiskFileStorage(options.storageDir) },
        TiplineWorkflowGateway,
        TipWorkflowStarter,
        VaultService,
        PublicTipsService,
        TipsService,
        ServiceTokenSource,
      ],
      exports: [TipWorkflowStarter, ServiceTokenSource],
    };
  }
}
