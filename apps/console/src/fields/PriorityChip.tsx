import { Chip, type ChipProps } from '@mui/material';
import type { TaskPriority } from '../types';
import { useCodeLabel } from './useDateFormat';

const PRIORITY_COLORS: Record<TaskPriority, ChipProps['color']> = {
  low: 'default',
  normal: 'info',
  high: 'warning',
  urgent: 'error',
};

export const PriorityChip = ({ priority }: { priority: TaskPriority }) => {
  const codeLabel = useCodeLabel();
  return (
    <Chip
      size="small"
      color={PRIORITY_COLORS[priority] ?? 'default'}
      variant={priority === 'urgent' ? 'filled' : 'outlined'}
      label={codeLabel('zhiben.tasks.priorities', priority)}
      data-testid="priority-chip"
    />
  );
};
