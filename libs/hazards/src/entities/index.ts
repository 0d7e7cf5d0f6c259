import { AcceptanceApplicationEntity, AcceptanceReviewEntity } from './acceptance.entity';
import { CloseoutEntity } from './closeout.entity';
import { DualReportEntity } from './dual-report.entity';
import { ExtensionRequestEntity } from './extension-request.entity';
import { HazardEventEntity } from './hazard-event.entity';
import { HazardFileEntity } from './hazard-file.entity';
import { HazardRulesEntity, LedgerCounterEntity } from './hazard-rules.entity';
import { HazardEntity } from './hazard.entity';
import { ListingEntity } from './listing.entity';
import { ProgressReportEntity } from './progress-report.entity';
import { RectificationPlanEntity } from './rectification-plan.entity';

export * from './acceptance.entity';
export * from './closeout.entity';
export * from './dual-report.entity';
export * from './extension-request.entity';
export * from './hazard-event.entity';
export * from './hazard-file.entity';
export * from './hazard-rules.entity';
export * from './hazard.entity';
export * from './listing.entity';
export * from './progress-report.entity';
export * from './rectification-plan.entity';

export const HAZARDS_ENTITIES = [
  HazardEntity,
  HazardEventEntity,
  HazardFileEntity,
  DualReportEntity,
  RectificationPlanEntity,
  ProgressReportEntity,
  AcceptanceApplicationEntity,
  AcceptanceReviewEntity,
  CloseoutEntity,
  ExtensionRequestEntity,
  ListingEntity,
  HazardRulesEntity,
  LedgerCounterEntity,
];
