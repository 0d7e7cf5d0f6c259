import AlarmOnOutlinedIcon from '@mui/icons-material/AlarmOnOutlined';
import AlarmOutlinedIcon from '@mui/icons-material/AlarmOutlined';
import CheckCircleOutlineIcon from '@mui/icons-material/CheckCircleOutline';
import ErrorOutlineIcon from '@mui/icons-material/ErrorOutline';
import HourglassTopOutlinedIcon from '@mui/icons-material/HourglassTopOutlined';
import { Box, Chip, LinearProgress, Stack, Tooltip, Typography, type ChipProps } from '@mui/material';
import type { ReactElement } from 'react';
import { useTranslate } from 'react-admin';
import { formatSpan } from '../../fields/deadline';
import { useDateFormat } from '../../fields/useDateFormat';
import { clockOf, type Clock, type ClockInput, type ClockState } from './deadlineClock';

const COLOR: Record<ClockState, ChipProps['color']> = {
  running: 'info',
  dueSoon: 'warning',
  breached: 'error',
  met: 'success',
  late: 'error',
  done: 'success',
};

const ICON: Record<ClockState, ReactElement> = {
  running: <HourglassTopOutlinedIcon />,
  dueSoon: <AlarmOutlinedIcon />,
  breached: <ErrorOutlineIcon />,
  met: <CheckCircleOutlineIcon />,
  late: <AlarmOnOutlinedIcon />,
  done: <CheckCircleOutlineIcon />,
};

/** The clock in words: time left, overdue by, on time, late by. */
export const useClockText = () => {
  const translate = useTranslate();
  return (clock: Clock): string => {
    switch (clock.state) {
      case 'running':
      case 'dueSoon':
        return clock.remainingMs === null
          ? translate(`zhiben.enforcement.clock.states.${clock.state}`)
          : translate('zhiben.enforcement.clock.remaining', {
              span: formatSpan(clock.remainingMs, translate),
            });
      case 'breached':
        return translate('zhiben.enforcement.clock.overdueBy', {
          span: formatSpan(clock.overdueMs ?? 0, translate),
        });
      case 'met':
        return translate('zhiben.enforcement.clock.onTime');
      case 'late':
        return clock.overdueMs
          ? translate('zhiben.enforcement.clock.lateBy', { span: formatSpan(clock.overdueMs, translate) })
          : translate('zhiben.enforcement.clock.states.late');
      case 'done':
        return translate('zhiben.enforcement.clock.states.done');
    }
  };
};

/** A clock as a chip: coloured by state (red when breached or met late), the dates on hover. */
export const ClockChip = ({
  clock,
  input,
  label,
  'data-testid': testId,
}: {
  clock: Clock;
  input: ClockInput;
  label?: string;
  'data-testid'?: string;
}) => {
  const translate = useTranslate();
  const formatDate = useDateFormat();
  const text = useClockText();
  const tooltip = [
    input.startedAt
      ? translate('zhiben.enforcement.clock.startedAt', { date: formatDate(input.startedAt, true) })
      : null,
    input.dueAt ? translate('zhiben.enforcement.clock.dueAt', { date: formatDate(input.dueAt, true) }) : null,
    input.metAt ? translate('zhiben.enforcement.clock.metAt', { date: formatDate(input.metAt, true) }) : null,
    input.breachedAt
      ? translate('zhiben.enforcement.clock.breachedAt', { date: formatDate(input.breachedAt, true) })
      : null,
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <Tooltip title={tooltip}>
      <Chip
        size="small"
        color={COLOR[clock.state]}
        variant={clock.state === 'breached' || clock.state === 'late' ? 'filled' : 'outlined'}
        icon={ICON[clock.state]}
        label={label ? `${label} · ${text(clock)}` : text(clock)}
        data-testid={testId}
        data-state={clock.state}
      />
    </Tooltip>
  );
};

/**
 * One legal step's clock as a row: what the law asks, the state in words, due and done dates, and a bar
 * of the time used (red once past due).
 */
export const ClockRow = ({
  label,
  input,
  now,
  kind,
}: {
  label: string;
  input: ClockInput;
  now: number;
  kind: string;
}) => {
  const translate = useTranslate();
  const formatDate = useDateFormat();
  const clock = clockOf(input, now);
  const red = clock.state === 'breached' || clock.state === 'late';
  return (
    <Box
      sx={{
        py: 1,
        px: 1.5,
        borderRadius: 1,
        border: 1,
        borderColor: red ? 'error.main' : 'divider',
        bgcolor: red ? 'rgba(211, 47, 47, 0.06)' : undefined,
      }}
      data-testid="deadline-clock"
      data-kind={kind}
      data-state={clock.state}
    >
      <Stack
        direction="row"
        spacing={1}
        alignItems="center"
        justifyContent="space-between"
        flexWrap="wrap"
        useFlexGap
      >
        <Typography variant="body2" sx={{ fontWeight: 500 }}>
          {label}
        </Typography>
        <ClockChip clock={clock} input={input} data-testid="deadline-clock-state" />
      </Stack>
      <Typography variant="caption" color="text.secondary" component="div">
        {[
          input.dueAt
            ? translate('zhiben.enforcement.clock.dueAt', { date: formatDate(input.dueAt, true) })
            : null,
          input.metAt
            ? translate('zhiben.enforcement.clock.metAt', { date: formatDate(input.metAt, true) })
            : null,
          input.breachedAt
            ? translate('zhiben.enforcement.clock.breachedAt', { date: formatDate(input.breachedAt, true) })
            : null,
        ]
          .filter(Boolean)
          .join(' · ')}
      </Typography>
      {clock.elapsed !== null && (clock.state === 'running' || clock.state === 'dueSoon') ? (
        <LinearProgress
          variant="determinate"
          value={Math.min(100, Math.round(clock.elapsed * 100))}
          color={clock.state === 'dueSoon' ? 'warning' : 'primary'}
          sx={{ mt: 0.75, height: 4, borderRadius: 2 }}
        />
      ) : null}
    </Box>
  );
};
