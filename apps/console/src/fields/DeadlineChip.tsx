import AlarmOutlinedIcon from '@mui/icons-material/AlarmOutlined';
import EventOutlinedIcon from '@mui/icons-material/EventOutlined';
import { Chip, Tooltip, type ChipProps } from '@mui/material';
import { useTranslate } from 'react-admin';
import { deadlineState, formatSpan, type DeadlineState } from './deadline';
import { useDateFormat } from './useDateFormat';
import { useNow } from './useNow';

const COLORS: Record<DeadlineState, ChipProps['color']> = {
  none: 'default',
  ok: 'default',
  soon: 'warning',
  overdue: 'error',
};

export interface DeadlineChipProps {
  dueAt: string | null | undefined;
  /** What the date is: 办理期限 (due), 跟进日期 (follow-up), 整改期限 (rectification deadline)… */
  label: string;
  /** Show the remaining time ("剩 2 天 3 小时") instead of the date; the date moves to the tooltip. */
  countdown?: boolean;
  /** Follow-up dates are reminders, not deadlines: never red. */
  soft?: boolean;
  /** In a column already headed by the label, the chip shows the date alone. */
  showLabel?: boolean;
  /**
   * The case's own word that it is overdue (a workflow on a scaled test clock can be past its deadline
   * before the wall clock is).
   */
  overdue?: boolean;
  size?: ChipProps['size'];
  'data-testid'?: string;
}

/** A date with its urgency: red when past, amber when close, with the exact date on hover. */
export const DeadlineChip = ({
  dueAt,
  label,
  countdown = false,
  soft = false,
  showLabel = true,
  overdue = false,
  size = 'small',
  'data-testid': testId,
}: DeadlineChipProps) => {
  const translate = useTranslate();
  const formatDate = useDateFormat();
  const now = useNow(countdown ? 15_000 : 60_000);
  if (!dueAt) return null;
  const raw = overdue ? 'overdue' : deadlineState(dueAt, now);
  const state: DeadlineState = soft && raw === 'overdue' ? 'soon' : raw;
  const remaining = Date.parse(dueAt) - now;
  const span = formatSpan(remaining, translate);
  const relative =
    raw === 'overdue'
      ? translate('zhiben.time.overdueBy', { span })
      : translate('zhiben.time.remaining', { span });
  const value = countdown ? relative : formatDate(dueAt);
  const text = showLabel ? `${label} ${value}` : value;
  return (
    <Tooltip title={translate('zhiben.time.tooltip', { label, date: formatDate(dueAt, true), relative })}>
      <Chip
        size={size}
        color={COLORS[state]}
        variant={state === 'overdue' ? 'filled' : 'outlined'}
        icon={state === 'overdue' || state === 'soon' ? <AlarmOutlinedIcon /> : <EventOutlinedIcon />}
        label={text}
        data-testid={testId}
        data-state={state}
      />
    </Tooltip>
  );
};
