import { useTranslate } from 'react-admin';
import { useDateFormat } from '../../fields/useDateFormat';
import type { CandidateRule, TaskDetail } from '../../types';

/**
 * How the task page reads recorded values (history changes, the workflow's task data): one reading
 * for both, so a date or a candidate rule looks the same everywhere.
 */

export type Translate = (key: string, options?: Record<string, unknown>) => string;

/** Bookkeeping recorded for the machine (sequence numbers, row ids, case ids), not for people. */
export const HIDDEN_KEYS = new Set([
  'seq',
  'commentId',
  'recordedBy',
  'dedupeKey',
  'hazardId',
  'listingId',
  'attachmentId',
  'contentType',
  'size',
]);

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

const isCandidate = (value: unknown): value is CandidateRule =>
  typeof value === 'object' && value !== null && 'role' in value && 'orgUnitCode' in value;

export /** People (`{ username, name }`) and units (`{ code, name }`) read as their name. */
const isNamed = (value: unknown): value is { name: string } =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as { name?: unknown }).name === 'string' &&
  ('username' in value || 'code' in value);

export const isEmpty = (value: unknown): boolean =>
  value === undefined ||
  value === null ||
  value === '' ||
  (Array.isArray(value) && value.length === 0) ||
  (typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0);

/**
 * Reads one recorded value for people: instants on Beijing time, candidate rules as "role · unit",
 * outcome and notice codes in words, nested decision data as "field: value" pairs.
 */
export const useShowValue = (task: TaskDetail) => {
  const translate = useTranslate();
  const formatDate = useDateFormat();
  const show = (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === '') return '—';
    if (field === 'attachments' && Array.isArray(value)) {
      // Attachments are recorded by id; people know them by file name.
      return value
        .map((id) => task.attachments.find((attachment) => attachment.id === id)?.name ?? String(id))
        .join('、');
    }
    if (Array.isArray(value)) return value.map((item) => show(field, item)).join('、') || '—';
    if (isNamed(value)) return value.name;
    if (isCandidate(value)) {
      return `${translate(`zhiben.roles.${value.role}`, { _: value.role })} · ${value.orgUnitCode}`;
    }
    if (typeof value === 'object') {
      return Object.entries(value as Record<string, unknown>)
        .filter(([key, item]) => !HIDDEN_KEYS.has(key) && !isEmpty(item))
        .map(([key, item]) => `${fieldLabel(translate, key)} ${show(key, item)}`)
        .join('；');
    }
    if (typeof value === 'string' && ISO_INSTANT.test(value)) return formatDate(value, true);
    if (field === 'outcome') return translate(`zhiben.task.outcomes.${String(value)}`, { _: String(value) });
    if (field === 'rung') return translate(`zhiben.hazards.rungs.${String(value)}`, { _: String(value) });
    if (field === 'kind')
      return translate(`zhiben.notifications.kinds.${String(value)}`, { _: String(value) });
    if (field === 'step' && task.caseKind) {
      return translate(`zhiben.tasks.types.${task.caseKind}.${String(value)}`, { _: String(value) });
    }
    return String(value);
  };
  return show;
};

export const fieldLabel = (translate: Translate, field: string): string =>
  translate(`zhiben.task.fields.${field}`, { _: field });
