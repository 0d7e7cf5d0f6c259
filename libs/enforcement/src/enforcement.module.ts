import { type DynamicModule, Module } from '@nestjs/common';
import { FILE_STORAGE, LocalDiskFileStorage } from '@zhiben/hazards';
import { RecordsService } from './access/records.service';
import { CasesController } from './cases/cases.controller';
import { CasesService } from './cases/cases.service';
import { DirectoryClient } from './directory/directory.client';
import { ENFORCEMENT_OPTIONS, type EnforcementOptions } from './enforcement.options';
import { ENFORCEMENT_ENTITIES } from './entities';
import { FilesController } from './files/files.controller';
import { FilesService } from './files/files.service';
import { HazardsClient } from './hazards/hazards.client';
import { InspectionsController } from './inspections/inspections.controller';
import { InspectionsService } from './inspections/inspections.service';
import { PlacesService } from './jurisdiction/places.service';
import { EnforcementInit1764000000106 } from './migrations/1764000000106-enforcement-init';
import { PlansController } from './plans/plans.controller';
import { PlansService } from './plans/plans.service';
import { ReferralsController } from './referrals/referrals.controller';
import { ReferralsService } from './referrals/referrals.service';
import { RulesController } from './rules/rules.controller';
import { RulesService } from './rules/rules.service';
import { ENFORCEMENT_SCHEMA } from './schema';
import { ScopeResolver } from './scope/scope.resolver';
import { StepsService } from './steps/steps.service';
import { EnforcementWorkflowGateway } from './workflow/enforcement-workflow.gateway';
import { WorkflowStarter } from './workflow/workflow-starter';

export { ENFORCEMENT_ENTITIES, ENFORCEMENT_SCHEMA };
export const ENFORCEMENT_MIGRATIONS = [EnforcementInit1764000000106];

/**
 * The enforcement context (检查 → 处罚 → 整改复查, 行刑衔接). Needs the service's DataSource (DbModule) and
 * Temporal client (TemporalModule), both global.
 */
@Module({})
export class EnforcementModule {
  static forRoot(options: Omit<EnforcementOptions, 'msPerDay'> & { msPerDay?: number }): DynamicModule {
    const resolved: EnforcementOptions = { msPerDay: 86_400_000, ...options };
    return {
      module: EnforcementModule,
      controllers: [
        PlansController,
        InspectionsController,
        CasesController,
        ReferralsController,
        RulesController,
        FilesController,
      ],
      providers: [
        { provide: ENFORCEMENT_OPTIONS, useValue: resolved },
        { provide: FILE_STORAGE, useValue: new LocalDiskFileStorage(resolved.storageDir) },
        DirectoryClient,
        HazardsClient,
        ScopeResolver,
        PlacesService,
        RecordsService,
        RulesService,
        EnforcementWorkflowGateway,
        WorkflowStarter,
        StepsService,
        FilesService,
        PlansService,
        InspectionsService,
        CasesService,
        ReferralsService,
      ],
      exports: [WorkflowStarter],
    };
  }
}
