import type { FormIssue } from '../enforcement/formIssues';
import type { UnmaskRequest } from './types';

/**
 * Unmasking a reporter (查阅举报人身份): a reason is required (it goes to the audit log), a leader other
 * than the requester approves, and only then may the identity be read — each read audited by the service.
 */
export const UNMASK_REASON_MIN = 10;

export const checkUnmaskReason = (reason: string): FormIssue[] => {
  const text = reason.trim();
  if (text === '') return [{ path: 'reason', key: 'zhiben.tipline.validation.reasonRequired' }];
  if ([...text].length < UNMASK_REASON_MIN)
    return [{ path: 'reason', key: 'zhiben.tipline.validation.reasonTooShort' }];
  return [];
};

/** Whether `username` may decide the request: a pending one, not their own. */
export const canDecideUnmask = (request: UnmaskRequest, username: string, approver: boolean): boolean =>
  approver && request.status === 'pending' && request.requestedBy.username !== username;

/** The state of a tip's requests: whether one waits, whether one was approved (the identity may be read). */
export const unmaskState = (requests: readonly UnmaskRequest[]) => ({
  pending: requests.some((request) => request.status === 'pending'),
  approved: requests.some((request) => request.status === 'approved'),
});
