import { fromShanghaiLocalInput } from '../../fields/shanghaiTime';
import type { FormIssue } from './formIssues';
import type { CaseActionInput, EnforcementActionKind } from './types';

export interface CaseActionValues {
  kind?: EnforcementActionKind | '';
  detail?: string;
  /** `datetime-local`, Beijing. */
  deadlineAt?: string;
  amountYuan?: number | string | null;
}

/** Orders that must carry a deadline (an order without one is refused, issue 5 bad input). */
export const DEADLINE_ACTIONS: readonly EnforcementActionKind[] = ['rectificationOrder', 'suspensionOrder'];
/** Measures that carry an amount in yuan. */
export const AMOUNT_ACTIONS: readonly EnforcementActionKind[] = ['dailyFine'];

const amountOf = (value: CaseActionValues['amountYuan']): number | null => {
  if (value === null || value === undefined || value === '') return null;
  const amount = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(amount) ? amount : NaN;
};

export const checkCaseAction = (values: CaseActionValues, now = Date.now()): FormIssue[] => {
  const issues: FormIssue[] = [];
  if (!values.kind) issues.push({ path: 'kind', key: 'ra.validation.required' });
  if (!values.detail?.trim()) issues.push({ path: 'detail', key: 'ra.validation.required' });
  if (values.kind && DEADLINE_ACTIONS.includes(values.kind)) {
    const deadline = values.deadlineAt ? fromShanghaiLocalInput(values.deadlineAt) : null;
    if (!deadline) issues.push({ path: 'deadlineAt', key: 'zhiben.enforcement.validation.deadlineRequired' });
    else if (Date.parse(deadline) <= now)
      issues.push({ path: 'deadlineAt', key: 'zhiben.enforcement.validation.deadlineFuture' });
  }
  if (values.kind && AMOUNT_ACTIONS.includes(values.kind)) {
    const amount = amountOf(values.amountYuan);
    if (amount === null) issues.push({ path: 'amountYuan', key: 'ra.validation.required' });
    else if (!Number.isInteger(amount) || amount <= 0)
      issues.push({ path: 'amountYuan', key: 'zhiben.enforcement.validation.positiveYuan' });
  }
  return issues;
};

export const toCaseAction = (values: CaseActionValues): CaseActionInput => {
  const kind = values.kind as EnforcementActionKind;
  const deadlineAt = values.deadlineAt ? fromShanghaiLocalInput(values.deadlineAt) : null;
  const amount = amountOf(values.amountYuan);
  return {
    kind,
    detail: values.detail?.trim() ?? '',
    ...(deadlineAt && DEADLINE_ACTIONS.includes(kind) ? { deadlineAt } : {}),
    ...(amount !== null && !Number.isNaN(amount) && AMOUNT_ACTIONS.includes(kind)
      ? { amountYuan: amount }
      : {}),
  };
};

/** 一案双罚: the case's total fine over its parties. */
export const totalFine = (parties: readonly { fineYuan: number }[]): number =>
  parties.reduce((sum, party) => sum + (Number.isFinite(party.fineYuan) ? party.fineYuan : 0), 0);
