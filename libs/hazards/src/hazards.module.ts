import { type DynamicModule, Module } from '@nestjs/common';
import { DirectoryClient } from './directory/directory.client';
import { HAZARDS_ENTITIES } from './entities';
import { FILE_STORAGE, LocalDiskFileStorage } from './files/file-storage';
import { FilesController } from './files/files.controller';
import { FilesService } from './files/files.service';
import { HAZARDS_OPTIONS, type HazardsOptions } from './hazards.options';
import { HazardsController } from './hazards/hazards.controller';
import { HazardsQueryService } from './hazards/hazards-query.service';
import { RegistrationService } from './hazards/registration.service';
import { SubmissionsService } from './hazards/submissions.service';
import { ListingsController } from './listings/listings.controller';
import { ListingsService } from './listings/listings.service';
import { HazardsInit1764000000103 } from './migrations/1764000000103-hazards-init';
import { HazardsFiguresIndexes1764000000105 } from './migrations/1764000000105-hazards-figures-indexes';
import { RulesController } from './rules/rules.controller';
import { RulesService } from './rules/rules.service';
import { HAZARDS_SCHEMA } from './schema';
import { ScopeResolver } from './scope/scope.resolver';
import { StandardsController } from './standards/standards.controller';
import { HazardWorkflowGateway } from './workflow/hazard-workflow.gateway';
import { WorkflowStarter } from './workflow/workflow-starter';

export { HAZARDS_SCHEMA, HAZARDS_ENTITIES };
export const HAZARDS_MIGRATIONS = [HazardsInit1764000000103, HazardsFiguresIndexes1764000000105];

/**
 * The hazard ledger context (台账, 双报告, 整改方案, 验收, 销号, 挂牌督办). Needs the service's DataSource
 * (DbModule) and Temporal client (TemporalModule), both global.
 */
@Module({})
export class HazardsModule {
  static forRoot(options: Omit<HazardsOptions, 'msPerDay'> & { msPerDay?: number }): DynamicModule {
    const resolved: HazardsOptions = { msPerDay: 86_400_000, ...options };
    return {
      module: HazardsModule,
      controllers: [
        HazardsController,
        ListingsController,
        FilesController,
        StandardsController,
        RulesController,
      ],
      providers: [
        { provide: HAZARDS_OPTIONS, useValue: resolved },
        { provide: FILE_STORAGE, useValue: new LocalDiskFileStorage(resolved.storageDir) },
        DirectoryClient,
        ScopeResolver,
        RulesService,
        HazardWorkflowGateway,
        WorkflowStarter,
        HazardsQueryService,
        RegistrationService,
        SubmissionsService,
        FilesService,
        ListingsService,
      ],
    };
  }
}
