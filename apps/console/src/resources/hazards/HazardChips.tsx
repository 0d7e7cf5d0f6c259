import FlagIcon from '@mui/icons-material/Flag';
import { Chip } from '@mui/material';
import { useTranslate } from 'react-admin';
import { HAZARD_STATUS_COLORS, LISTING_STATUS_COLORS } from './hazardChoices';
import type { HazardGrade, HazardStatus, ListingStatus } from './types';

/** 重大 in solid red, 一般 outlined: the grade decides the whole procedure. */
export const HazardGradeChip = ({ grade }: { grade: HazardGrade }) => {
  const translate = useTranslate();
  return (
    <Chip
      size="small"
      color={grade === 'major' ? 'error' : 'default'}
      variant={grade === 'major' ? 'filled' : 'outlined'}
      label={translate(`zhiben.hazards.grades.${grade}`, { _: grade })}
      data-testid="hazard-grade"
    />
  );
};

export const HazardStatusChip = ({ status }: { status: HazardStatus }) => {
  const translate = useTranslate();
  return (
    <Chip
      size="small"
      color={HAZARD_STATUS_COLORS[status] ?? 'default'}
      variant={status === 'closed' ? 'outlined' : 'filled'}
      icon={status === 'listed' ? <FlagIcon /> : undefined}
      label={translate(`zhiben.hazards.statuses.${status}`, { _: status })}
      data-testid="hazard-status"
      data-status={status}
    />
  );
};

export const ListingStatusChip = ({ status }: { status: ListingStatus }) => {
  const translate = useTranslate();
  return (
    <Chip
      size="small"
      color={LISTING_STATUS_COLORS[status] ?? 'default'}
      label={translate(`zhiben.listings.statuses.${status}`, { _: status })}
      data-testid="listing-status"
      data-status={status}
    />
  );
};
