import { Chip } from '@mui/material';
import { useTranslate } from 'react-admin';
import { INSPECTION_STATUS_COLORS, caseStageColor, referralStageColor } from './choices';
import type { EnforcementCaseStage, InspectionKind, InspectionStatus, ReferralStage } from './types';

export const InspectionKindChip = ({ kind }: { kind: InspectionKind }) => {
  const translate = useTranslate();
  return (
    <Chip
      size="small"
      variant="outlined"
      label={translate(`zhiben.enforcement.inspectionKinds.${kind}`, { _: kind })}
      data-testid="inspection-kind"
      data-kind={kind}
    />
  );
};

export const InspectionStatusChip = ({ status }: { status: InspectionStatus }) => {
  const translate = useTranslate();
  return (
    <Chip
      size="small"
      color={INSPECTION_STATUS_COLORS[status] ?? 'default'}
      label={translate(`zhiben.enforcement.inspectionStatuses.${status}`, { _: status })}
      data-testid="inspection-status"
      data-status={status}
    />
  );
};

export const CaseStageChip = ({ stage }: { stage: EnforcementCaseStage }) => {
  const translate = useTranslate();
  return (
    <Chip
      size="small"
      color={caseStageColor(stage)}
      label={translate(`zhiben.enforcement.caseStages.${stage}`, { _: stage })}
      data-testid="case-stage"
      data-stage={stage}
    />
  );
};

export const ReferralStageChip = ({ stage }: { stage: ReferralStage }) => {
  const translate = useTranslate();
  return (
    <Chip
      size="small"
      color={referralStageColor(stage)}
      label={translate(`zhiben.enforcement.referralStages.${stage}`, { _: stage })}
      data-testid="referral-stage"
      data-stage={stage}
    />
  );
};
