import { Box } from '@mui/material';
import { useTranslate } from 'react-admin';
import { Timeline, type TimelineItem } from '../../fields/Timeline';
import { useBilingual, useDateFormat } from '../../fields/useDateFormat';
import type { TaskDetail, TaskHistoryEntry } from '../../types';
import { HIDDEN_KEYS, fieldLabel, isEmpty, useShowValue, type Translate } from './taskValues';

/** Actions whose text is the system's notice (催办, 逾期, 督办), not someone's opinion. */
const NOTICE_ACTIONS = new Set(['reminded', 'breached', 'escalated']);

const ACTION_COLORS: Record<string, TimelineItem['color']> = {
  opened: 'info',
  claimed: 'primary',
  assigned: 'primary',
  transferred: 'primary',
  delegated: 'primary',
  resolved: 'success',
  completed: 'success',
  returned: 'warning',
  reminded: 'warning',
  escalated: 'error',
  breached: 'error',
  closed: 'grey',
};

/** `{ assignee: { from: 'a', to: 'b' } }` → "办理人：a → b"; other values as they were recorded. */
const describeChanges = (
  changes: Record<string, unknown>,
  translate: Translate,
  show: (field: string, value: unknown) => string,
): string[] =>
  Object.entries(changes)
    .filter(([field, change]) => !HIDDEN_KEYS.has(field) && !isEmpty(change))
    .map(([field, change]) => {
      const label = fieldLabel(translate, field);
      if (typeof change === 'object' && change !== null && ('from' in change || 'to' in change)) {
        const { from, to } = change as { from?: unknown; to?: unknown };
        return translate('zhiben.task.history.changed', {
          field: label,
          from: show(field, from),
          to: show(field, to),
        });
      }
      return translate('zhiben.task.history.value', { field: label, value: show(field, change) });
    });

/**
 * 办理记录: the task's permanent audit trail — who, which action, which decision, when, and what
 * changed (APPROVALS.md §9).
 */
export const TaskHistory = ({ task }: { task: TaskDetail }) => {
  const translate = useTranslate();
  const bilingual = useBilingual();
  const formatDate = useDateFormat();
  const show = useShowValue(task);
  const decisionLabel = (code: string) => {
    const option = task.decisions.find((candidate) => candidate.code === code);
    return option ? bilingual(option.labelZh, option.labelEn) : code;
  };
  const items: TimelineItem[] = [...task.history]
    .sort((a, b) => Date.parse(b.at) - Date.parse(a.at))
    .map((entry: TaskHistoryEntry) => {
      const who =
        entry.actorName ??
        (entry.actor && entry.actor !== 'system' ? entry.actor : translate('zhiben.task.history.system'));
      const details = [
        entry.decision
          ? translate('zhiben.task.history.decision', { decision: decisionLabel(entry.decision) })
          : null,
        ...describeChanges(entry.changes ?? {}, translate, show),
        entry.comment
          ? translate(
              NOTICE_ACTIONS.has(entry.action) ? 'zhiben.task.history.notice' : 'zhiben.task.history.comment',
              {
                comment: entry.comment,
              },
            )
          : null,
      ].filter((line): line is string => line !== null);
      return {
        id: entry.id,
        kind: entry.action,
        at: entry.at,
        color: ACTION_COLORS[entry.action] ?? 'grey',
        title: `${who} · ${translate(`zhiben.task.history.actions.${entry.action}`, { _: entry.action })}`,
        body:
          details.length > 0 ? (
            <Box component="span" sx={{ whiteSpace: 'pre-line' }}>
              {details.join('\n')}
            </Box>
          ) : undefined,
      };
    });
  return <Timeline items={items} formatTime={(iso) => formatDate(iso, true)} data-testid="task-history" />;
};
