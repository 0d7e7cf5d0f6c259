import type { HttpError } from 'react-admin';
import type { FormIssue } from '../resources/enforcement/formIssues';
import type { PublicTipStatusDto } from '../resources/tips/types';
import type { ProblemErrorBody } from '../providers/problem';

/**
 * The status page's rules: how an answer from the public endpoints reads to the reporter. A wrong code
 * and a wrong password read the same ("查询码或密码错误"), so no answer tells whether a given code exists;
 * after repeated failures the service locks the code for a while and the page says until when.
 */
export type PublicFailure =
  | { kind: 'credentials' }
  | { kind: 'locked'; until: string | null; message: string }
  | { kind: 'claimClosed' }
  | { kind: 'rateLimited' }
  | { kind: 'network' }
  | { kind: 'other'; message: string };

const problemOf = (error: unknown) =>
  (error as HttpError & { body?: ProblemErrorBody })?.body?.problem as
    (Record<string, unknown> & { type?: string; code?: string }) | null | undefined;

const lockedUntilOf = (problem: Record<string, unknown> | null | undefined): string | null => {
  for (const key of ['lockedUntil', 'retryAt', 'until']) {
    const value = problem?.[key];
    if (typeof value === 'string' && !Number.isNaN(Date.parse(value))) return value;
  }
  return null;
};

export const classifyPublicFailure = (error: unknown): PublicFailure => {
  const status = typeof (error as HttpError)?.status === 'number' ? (error as HttpError).status : -1;
  const problem = problemOf(error);
  const code = `${problem?.code ?? ''} ${problem?.type ?? ''} ${problem?.detail ?? ''}`;
  const message = error instanceof Error ? error.message : String(error);
  if (status === 0) return { kind: 'network' };
  // tipline-service: 429 TOO_MANY_REQUESTS "claim code locked after repeated failures" (its message says
  // for how many minutes); a plain 429 is the per-address throttle.
  if (status === 423 || /lock/i.test(code)) return { kind: 'locked', until: lockedUntilOf(problem), message };
  if (/ClaimWindowClosed|windowClosed|lapsed/i.test(code)) return { kind: 'claimClosed' };
  if (status === 401 || status === 403 || status === 404) return { kind: 'credentials' };
  if (status === 429) return { kind: 'rateLimited' };
  return { kind: 'other', message };
};

/** Whether the claim form may be shown: approved, inside the window, and the service says so. */
export const canClaim = (status: PublicTipStatusDto, now: number): boolean => {
  const reward = status.reward;
  if (!reward?.canClaim) return false;
  const ends = reward.claimWindowEndsAt ? Date.parse(reward.claimWindowEndsAt) : Number.NaN;
  return Number.isNaN(ends) || now < ends;
};

export const canDispute = (status: PublicTipStatusDto, now: number): boolean => {
  if (!status.dispute.canDispute) return false;
  const until = status.dispute.until ? Date.parse(status.dispute.until) : Number.NaN;
  return Number.isNaN(until) || now < until;
};

export interface ClaimValues {
  payeeName: string;
  bankName: string;
  accountNo: string;
}

export interface DisputeValues {
  reason: string;
}

const PREFIX = 'zhiben.tipline.public.validation';

/** Bank card / account numbers: 10 to 30 digits (as the service takes them), spaces allowed while typing. */
export const normalizeAccountNo = (input: string): string => input.replace(/[\s-]/g, '');

export const checkClaim = (values: ClaimValues): FormIssue[] => {
  const issues: FormIssue[] = [];
  if (values.payeeName.trim() === '') issues.push({ path: 'payeeName', key: `${PREFIX}.required` });
  if (values.bankName.trim() === '') issues.push({ path: 'bankName', key: `${PREFIX}.required` });
  const account = normalizeAccountNo(values.accountNo);
  if (account === '') issues.push({ path: 'accountNo', key: `${PREFIX}.required` });
  else if (!/^\d{10,30}$/.test(account)) issues.push({ path: 'accountNo', key: `${PREFIX}.accountNo` });
  return issues;
};

export const checkDispute = (values: DisputeValues): FormIssue[] => {
  const reason = values.reason.trim();
  if (reason === '') return [{ path: 'reason', key: `${PREFIX}.required` }];
  if ([...reason].length < 10) return [{ path: 'reason', key: `${PREFIX}.tooShort`, args: { min: 10 } }];
  if ([...reason].length > 2000) return [{ path: 'reason', key: `${PREFIX}.tooLong`, args: { max: 2000 } }];
  return [];
};

/** The public pages live under `#/public/…`; these never start Keycloak. */
export const PUBLIC_ROUTE_PREFIX = '#/public/';
export const isPublicHash = (hash: string): boolean =>
  hash === '#/public' || hash.startsWith(PUBLIC_ROUTE_PREFIX);
export type PublicPage = 'tip' | 'status';
export const publicPageOf = (hash: string): PublicPage =>
  hash.startsWith(`${PUBLIC_ROUTE_PREFIX}status`) ? 'status' : 'tip';
