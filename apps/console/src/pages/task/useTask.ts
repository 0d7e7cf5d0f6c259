import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useDataProvider, useGetIdentity } from 'react-admin';
import type { ConsoleIdentity } from '../../providers/authProvider';
import type { ConsoleDataProvider } from '../../providers/dataProvider';
import type { TaskActions, TaskDetail } from '../../types';
import { INBOX_QUERY_KEY } from '../inbox/useInbox';

export const taskQueryKey = (id: string) => ['tasks', 'task', id] as const;

export const useTask = (id: string) => {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  return useQuery({
    queryKey: taskQueryKey(id),
    queryFn: ({ signal }) => dataProvider.getTask(id, signal),
    retry: (failures, error) => (error as { status?: number }).status === undefined && failures < 2,
  });
};

/** After any action on a task: reload it, the inbox lists, the notifications and the case. */
export const useRefreshTask = (id: string) => {
  const queryClient = useQueryClient();
  return useCallback(
    () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: taskQueryKey(id) }),
        queryClient.invalidateQueries({ queryKey: INBOX_QUERY_KEY }),
        queryClient.invalidateQueries({ queryKey: ['tasks', 'notifications'] }),
        // The decision moves the case on: its ledger row, plan and timeline change too.
        queryClient.invalidateQueries({ queryKey: ['hazards'] }),
        queryClient.invalidateQueries({ queryKey: ['listings'] }),
        queryClient.invalidateQueries({ queryKey: ['referrals'] }),
        queryClient.invalidateQueries({ queryKey: ['penalty-cases'] }),
      ]),
    [queryClient, id],
  );
};

/**
 * What the current user may do with the task now. The server decides and sends the answers with the
 * task (`actions`), and checks the same rules when the action arrives: hidden and forbidden agree.
 */
export const useTaskAbilities = (task: TaskDetail | undefined) => {
  const { identity } = useGetIdentity();
  const me = (identity as ConsoleIdentity | undefined)?.username;
  const can = (action: keyof TaskActions): boolean => task?.actions?.[action] === true;
  return { me, can };
};

/**
 * The case a task belongs to, for the link in its header. Hazard workflows are `hazard-<id>`
 * (hazardWorkflowId) and listings `listing-<id>`, so the id can be read off the workflow id when the
 * task does not carry it.
 */
export const caseOf = (task: TaskDetail): { kind: 'hazard' | 'listing'; id: string } | null => {
  const fromData = (key: string): string | null => {
    const value = task.formData?.[key];
    return typeof value === 'string' && value !== '' ? value : null;
  };
  const workflow = task.workflowId ?? '';
  if (task.caseKind === 'listing' || workflow.startsWith('listing-')) {
    const hazardId = fromData('hazardId');
    if (hazardId) return { kind: 'hazard', id: hazardId };
    const id = fromData('listingId') ?? workflow.replace(/^listing-/, '');
    return id ? { kind: 'listing', id } : null;
  }
  if (task.caseKind === 'hazard' || workflow.startsWith('hazard-')) {
    const id = fromData('hazardId') ?? workflow.replace(/^hazard-/, '');
    return id ? { kind: 'hazard', id } : null;
  }
  return null;
};

/**
 * The campaign a task belongs to: a report task (`campaignReport.fillReport` / `signReport`, caseRef =
 * the report id, formData.reportId) or a campaign plan task (caseKind `campaign`, caseRef = campaign id).
 */
export const campaignCaseOf = (
  task: TaskDetail,
): { kind: 'report'; id: string; campaignId: string | null } | { kind: 'campaign'; id: string } | null => {
  const data = task.formData ?? {};
  const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
  if (task.caseKind === 'campaignReport') {
    const id = str(data.reportId) ?? str(task.caseRef);
    return id ? { kind: 'report', id, campaignId: str(data.campaignId) } : null;
  }
  if (task.caseKind === 'campaign') {
    const id = str(data.campaignId) ?? str(task.caseRef);
    return id ? { kind: 'campaign', id } : null;
  }
  return null;
};

/**
 * The enforcement case a task belongs to: a referral (`criminalReferral`, workflow `referral-<id>`) or a
 * penalty case (`enforcementCase`, workflow `enforcement-case-<id>`), from the task's data or its
 * workflow id.
 */
export const enforcementCaseOf = (
  task: TaskDetail,
): { kind: 'referral' | 'penaltyCase'; id: string } | null => {
  const data = task.formData ?? {};
  const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
  const workflow = task.workflowId ?? '';
  if (
    task.caseKind === 'referral' ||
    task.caseKind === 'criminalReferral' ||
    workflow.startsWith('referral-')
  ) {
    const id = str(data.referralId) ?? workflow.replace(/^referral-/, '');
    return id ? { kind: 'referral', id } : null;
  }
  if (
    task.caseKind === 'enforcementCase' ||
    task.caseKind === 'penaltyCase' ||
    workflow.startsWith('enforcement-case-')
  ) {
    const id = str(data.caseId) ?? workflow.replace(/^enforcement-case-/, '');
    return id ? { kind: 'penaltyCase', id } : null;
  }
  return null;
};
