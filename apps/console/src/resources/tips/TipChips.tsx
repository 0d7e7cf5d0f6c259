import { Chip, type ChipProps } from '@mui/material';
import type { TipStatus } from '@zhiben/contracts';
import { useTranslate } from 'react-admin';
import { TIP_KINDS, TIP_STATUSES, type TipKind } from './types';

const choices = (codes: readonly string[], prefix: string) =>
  codes.map((code) => ({ id: code, name: `${prefix}.${code}` }));
export const tipStatusChoices = choices(TIP_STATUSES, 'zhiben.tipline.statuses');
export const tipKindChoices = choices(TIP_KINDS, 'zhiben.tipline.kinds');

const STATUS_COLORS: Partial<Record<TipStatus, ChipProps['color']>> = {
  received: 'warning',
  verifying: 'info',
  verified: 'success',
  rechecking: 'warning',
  rewardAssessment: 'warning',
  rewardApproved: 'success',
  rewardClaimed: 'info',
  rewardPaid: 'success',
  rewardLapsed: 'default',
  rewardRejected: 'default',
};

export const TipStatusChip = ({ status }: { status: TipStatus }) => {
  const translate = useTranslate();
  return (
    <Chip
      size="small"
      color={STATUS_COLORS[status] ?? 'default'}
      label={translate(`zhiben.tipline.statuses.${status}`, { _: status })}
      data-testid="tip-status"
      data-status={status}
    />
  );
};

export const TipKindChip = ({ kind }: { kind: TipKind }) => {
  const translate = useTranslate();
  return (
    <Chip
      size="small"
      variant="outlined"
      label={translate(`zhiben.tipline.kinds.${kind}`, { _: kind })}
      data-testid="tip-kind"
      data-kind={kind}
    />
  );
};
