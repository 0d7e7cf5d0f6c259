import { EnforcementActionEntity } from './enforcement-action.entity';
import { EnforcementEventEntity } from './enforcement-event.entity';
import { EnforcementFileEntity } from './enforcement-file.entity';
import { EnforcementCounterEntity, EnforcementRulesEntity } from './enforcement-rules.entity';
import { FindingEntity } from './finding.entity';
import { InspectionPlanEntity } from './inspection-plan.entity';
import { InspectionEntity } from './inspection.entity';
import { PenaltyCaseEntity } from './penalty-case.entity';
import { ReferralDeadlineEntity } from './referral-deadline.entity';
import { ReferralEntity } from './referral.entity';
import { ReinspectionApplicationEntity } from './reinspection-application.entity';
import { StepSubmissionEntity } from './step-submission.entity';

export * from './enforcement-action.entity';
export * from './enforcement-event.entity';
export * from './enforcement-file.entity';
export * from './enforcement-rules.entity';
export * from './finding.entity';
export * from './inspection-plan.entity';
export * from './inspection.entity';
export * from './penalty-case.entity';
export * from './referral-deadline.entity';
export * from './referral.entity';
export * from './reinspection-application.entity';
export * from './step-submission.entity';

export const ENFORCEMENT_ENTITIES = [
  InspectionPlanEntity,
  InspectionEntity,
  FindingEntity,
  PenaltyCaseEntity,
  EnforcementActionEntity,
  ReinspectionApplicationEntity,
  ReferralEntity,
  ReferralDeadlineEntity,
  EnforcementEventEntity,
  EnforcementFileEntity,
  EnforcementRulesEntity,
  EnforcementCounterEntity,
  StepSubmissionEntity,
];
