import { type DynamicModule, Module } from '@nestjs/common';
import { CampaignsController } from './campaigns/campaigns.controller';
import { CampaignsService } from './campaigns/campaigns.service';
import { CAMPAIGNS_OPTIONS, type CampaignsOptions } from './campaigns.options';
import { DirectoryClient } from './directory/directory.client';
import { CAMPAIGNS_ENTITIES } from './entities';
import { CampaignsInit1764000000104 } from './migrations/1764000000104-campaigns-init';
import { ReportsController } from './reports/reports.controller';
import { ReportsService } from './reports/reports.service';
import { CAMPAIGNS_SCHEMA } from './schema';
import { CallerResolver } from './scope/caller.resolver';
import { TaskListsService } from './tasks/task-lists.service';
import { TemplatesController } from './templates/templates.controller';
import { TemplatesService } from './templates/templates.service';
import { CampaignWorkflowGateway } from './workflow/campaign-workflow.gateway';
import { CampaignWorkflowStarter } from './workflow/workflow-starter';

export { CAMPAIGNS_SCHEMA, CAMPAIGNS_ENTITIES };
export const CAMPAIGNS_MIGRATIONS = [CampaignsInit1764000000104];

/**
 * The campaigns context (专项行动, 任务清单, 月度调度表). Needs the service's DataSource (DbModule) and
 * Temporal client (TemporalModule), both global.
 */
@Module({})
export class CampaignsModule {
  static forRoot(options: Omit<CampaignsOptions, 'msPerDay'> & { msPerDay?: number }): DynamicModule {
    const resolved: CampaignsOptions = { msPerDay: 86_400_000, ...options };
    return {
      module: CampaignsModule,
      controllers: [TemplatesController, CampaignsController, ReportsController],
      providers: [
        { provide: CAMPAIGNS_OPTIONS, useValue: resolved },
        DirectoryClient,
        CallerResolver,
        TemplatesService,
        CampaignWorkflowGateway,
        CampaignWorkflowStarter,
        CampaignsService,
        TaskListsService,
        ReportsService,
      ],
    };
  }
}
