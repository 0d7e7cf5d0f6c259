import { CampaignEventEntity } from './campaign-event.entity';
import { CampaignReportEntity } from './campaign-report.entity';
import { CampaignEntity } from './campaign.entity';
import { DutyRecordEntity } from './duty-record.entity';
import { TaskItemEntity } from './task-item.entity';
import { TemplateVersionEntity } from './template-version.entity';

export * from './campaign-event.entity';
export * from './campaign-report.entity';
export * from './campaign.entity';
export * from './duty-record.entity';
export * from './task-item.entity';
export * from './template-version.entity';

export const CAMPAIGNS_ENTITIES = [
  TemplateVersionEntity,
  CampaignEntity,
  CampaignEventEntity,
  CampaignReportEntity,
  TaskItemEntity,
  DutyRecordEntity,
];
