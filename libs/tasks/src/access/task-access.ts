import type { Principal } from '@zhiben/auth';
import { enterpriseScope, type CandidateRule, type TaskStatus } from '@zhiben/contracts';

/** What the permission rules need to know about a task. */
export interface TaskAccessFacts {
  status: TaskStatus;
  orgUnitCode: string | null;
  assignee: string | null;
  owner: string | null;
  delegatedFrom: string | null;
  candidates: readonly CandidateRule[];
  watchers?: readonly string[];
}

/** Roles that supervise the tasks of their jurisdiction (督办): see, assign, transfer. */
export const SUPERVISOR_ROLES = ['leader', 'ops', 'admin'] as const;

/**
 * Org units whose members act for the level above them. Unit kinds live in the directory; the tasks
 * service reads them from the code, whose last segment names an office (区安委办 = `<district>.anweiban`).
 */
const OFFICE_SEGMENTS = new Set(['anweiban']);

export type Jurisdiction =
  | { kind: 'territorial'; root: string }
  | { kind: 'office'; root: string }
  /** A district department governs its district, but only for tasks addressed to the department. */
  | { kind: 'department'; root: string; unit: string };

/** Dot-path codes: `jiangjin.jiasi.xinqiao` lies within `jiangjin.jiasi` and `jiangjin`. */
export function isWithin(code: string | null, root: string): boolean {
  return code !== null && (code === root || code.startsWith(`${root}.`));
}

export function jurisdictionOf(orgUnitCode: string | null): Jurisdiction | null {
  if (!orgUnitCode || orgUnitCode.startsWith('ent:')) return null;
  const segments = orgUnitCode.split('.');
  if (segments.length >= 3 && segments[segments.length - 2] === 'dept') {
    return { kind: 'department', root: segments.slice(0, -2).join('.'), unit: orgUnitCode };
  }
  if (segments.length >= 2 && OFFICE_SEGMENTS.has(segments[segments.length - 1])) {
    return { kind: 'office', root: segments.slice(0, -1).join('.') };
  }
  return { kind: 'territorial', root: orgUnitCode };
}

/** The org-unit scopes a user is addressed by in candidate rules: their unit, and their enterprise. */
export function principalUnits(p: Pick<Principal, 'orgUnitCode' | 'enterpriseCreditCode'>): string[] {
  const units: string[] = [];
  if (p.orgUnitCode) units.push(p.orgUnitCode);
  if (p.enterpriseCreditCode) units.push(enterpriseScope(p.enterpriseCreditCode));
  return units;
}

export function isCandidate(p: Principal, candidates: readonly CandidateRule[]): boolean {
  const units = principalUnits(p);
  return candidates.some((c) => (p.roles as string[]).includes(c.role) && units.includes(c.orgUnitCode));
}

/** A leader/ops/admin whose jurisdiction contains the task. */
export function supervises(p: Principal, task: TaskAccessFacts): boolean {
  if (!SUPERVISOR_ROLES.some((r) => (p.roles as string[]).includes(r))) return false;
  const j = jurisdictionOf(p.orgUnitCode);
  if (!j || !isWithin(task.orgUnitCode, j.root)) return false;
  return j.kind !== 'department' || task.candidates.some((c) => c.orgUnitCode === j.unit);
}

export function isActive(task: Pick<TaskAccessFacts, 'status'>): boolean {
  return task.status === 'open' || task.status === 'claimed';
}

/** May see the task: its assignee, owner, candidates, watchers, or a supervisor of its jurisdiction. */
export function canView(p: Principal, task: TaskAccessFacts): boolean {
  return (
    task.assignee === p.username ||
    task.owner === p.username ||
    task.delegatedFrom === p.username ||
    (task.watchers ?? []).includes(p.username) ||
    isCandidate(p, task.candidates) ||
    supervises(p, task)
  );
}

export interface TaskActions {
  claim: boolean;
  unclaim: boolean;
  assign: boolean;
  transfer: boolean;
  delegate: boolean;
  resolve: boolean;
  complete: boolean;
  comment: boolean;
  watch: boolean;
}

/**
 * Every operation a user may perform on a task now. The console shows these buttons; the service
 * checks the same answers before acting, so hidden and forbidden never disagree.
 */
export function allowedActions(p: Principal, task: TaskAccessFacts): TaskActions {
  const visible = canView(p, task);
  const active = isActive(task);
  const mine = task.assignee === p.username;
  const delegated = task.delegatedFrom !== null;
  const supervisor = supervises(p, task);
  return {
    claim: active && task.assignee === null && isCandidate(p, task.candidates),
    unclaim: active && mine && !delegated,
    assign: active && (supervisor || (task.owner === p.username && !delegated)),
    transfer: active && !delegated && (mine || supervisor),
    delegate: active && mine && !delegated,
    resolve: active && mine && delegated,
    complete: active && !delegated && (mine || (task.assignee === null && isCandidate(p, task.candidates))),
    comment: visible,
    watch: visible,
  };
}
