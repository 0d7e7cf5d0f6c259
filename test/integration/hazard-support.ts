import { Client, Connection } from '@temporalio/client';
import { hazardWorkflowId, listingWorkflowId } from '@zhiben/contracts';
import { api, testConfig, tokenFor, type ApiResponse } from '@zhiben/testing';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { JIASI_CREDIT_CODE, RUN_ID, withDb } from './support';

/**
 * Helpers for the hazard lifecycle specs (hazard-lifecycle*.int-spec.ts): register a major hazard on a
 * scaled clock, find the tasks its workflows open in the people's inboxes, act on them through the
 * gateway, and read what the ledger and the task engine stored (to prove nothing was written twice).
 */

export const HAZARDS = '/api/hazards/hazards';
export const LISTINGS = '/api/hazards/listings';

export const ENTERPRISE = 'enterprise.jiasi';
export const TOWN_OFFICIAL = 'official.jiasi';
/** 区应急管理局: supervises the 工贸 (IndustryTrade) sector the demo enterprise belongs to. */
export const DEPARTMENT_OFFICIAL = 'inspector.yingji';
/** 区安委办 (jiangjin.anweiban): the district office that lists, escalates and delists. */
export const DISTRICT_OFFICE = 'admin.jj';
export const DISTRICT_OFFICE_CODE = 'jiangjin.anweiban';
export const OTHER_TOWN_OFFICIAL = 'official.baisha';
export const OTHER_ENTERPRISE = 'enterprise.baisha';
export const SYS_ADMIN = 'sysadmin';

// ---------------------------------------------------------------------------------------------- time

/** Asia/Shanghai civil date `days` from today (YYYY-MM-DD). */
export function shanghaiDate(days = 0): string {
  return new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

/** An ISO instant `days` (calendar days) from now. */
export function isoInDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString();
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Polls `fn` every `intervalMs` until it returns a truthy value; errors count as "not yet" and the
 * last one is reported on timeout.
 */
export async function until<T>(
  what: string,
  fn: () => Promise<T | undefined | null | false>,
  { timeoutMs = 30_000, intervalMs = 200 }: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
      last = undefined;
    } catch (e) {
      last = e;
    }
    if (Date.now() >= deadline) break;
    await sleep(intervalMs);
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}

// ------------------------------------------------------------------------------------------ calls

const pendingTokens = new Map<string, Promise<string>>();

/**
 * A user's token, fetched once at a time: the realm's brute-force guard locks an account for a few
 * seconds when two logins arrive within 100 ms, so concurrent steps must not both log in.
 */
export function token(user: string): Promise<string> {
  let pending = pendingTokens.get(user);
  if (!pending) {
    pending = until(`a token for ${user}`, () => tokenFor(user), { timeoutMs: 15_000, intervalMs: 1_000 });
    pendingTokens.set(user, pending);
    void pending.finally(() => pendingTokens.delete(user)).catch(() => undefined);
  }
  return pending;
}

/** Calls the gateway as a demo user. */
export async function as<T = any>(
  user: string,
  path: string,
  opts: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<ApiResponse<T>> {
  return api<T>(path, { ...opts, token: await token(user) });
}

// ----------------------------------------------------------------------------------------- hazards

export interface Hazard {
  id: string;
  caseRef: string;
  title: string;
  status: string;
  rectificationDeadline: string | null;
  overdue: boolean;
  closedAt: string | null;
  workflow: { id: string; started: boolean };
  [key: string]: unknown;
}

/**
 * Registers a major hazard of the demo enterprise (重庆贾嗣精工机械有限公司, 贾嗣镇) as the sys-admin,
 * the only caller allowed to scale the workflow clock: one day lasts `msPerDay` ms.
 */
export async function registerScaled(msPerDay: number, label: string): Promise<Hazard> {
  const res = await api<Hazard>(HAZARDS, {
    method: 'POST',
    token: await token(SYS_ADMIN),
    headers: { 'idempotency-key': `it-life-${RUN_ID}-${randomUUID()}` },
    body: {
      enterpriseCreditCode: JIASI_CREDIT_CODE,
      source: 'SelfInspection',
      grade: 'major',
      title: `${label} ${RUN_ID} ${randomUUID().slice(0, 6)}`,
      category: '粉尘防爆',
      description: '抛光车间干式除尘器未采取泄爆、惰化、抑爆等任一种爆炸防控措施',
      location: '二号厂房抛光车间',
      standard: { catalogueId: 'gongmao-2023', clauseId: '11.3' },
      foundOn: shanghaiDate(0),
      rectificationOwner: { name: '李安全', phone: '13800000000' },
      interimMeasures: '停用抛光线，清理积尘',
      clockMsPerDay: msPerDay,
    },
  });
  if (res.status !== 201) throw new Error(`register: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** A complete 整改方案 (six elements + acceptor) finishing on `deadline` (YYYY-MM-DD). */
export function planBody(deadline: string, overrides: Record<string, unknown> = {}) {
  return {
    targets: '为除尘系统加装泄爆装置并消除粉尘积聚',
    measures: '1. 加装泄爆片及隔爆阀；2. 管道增设清灰口；3. 修订清扫制度，每班清扫',
    fundsAndMaterials: '泄爆片 4 套、隔爆阀 2 台，经费已列入年度安全生产费用',
    fundsAmountYuan: 36000,
    organisationAndPeople: '设备部实施，安全科监督',
    responsiblePerson: { name: '李安全', phone: '13800000000' },
    deadline,
    safetyMeasures: '整改期间停止抛光作业，除尘系统停机上锁挂牌',
    emergencyPlan: '执行公司《粉尘爆炸专项应急预案》',
    acceptor: { name: '王验收', title: '安全科长' },
    ...overrides,
  };
}

export async function hazardAs(user: string, id: string): Promise<ApiResponse<Hazard & Record<string, any>>> {
  return as(user, `${HAZARDS}/${id}`);
}

/** The hazard as the district office (区安委办) sees it: the whole district. */
export async function hazardDetail(id: string): Promise<Hazard & Record<string, any>> {
  const res = await hazardAs(DISTRICT_OFFICE, id);
  if (res.status !== 200) throw new Error(`hazard ${id}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function waitStatus(id: string, status: string, timeoutMs = 30_000): Promise<Hazard> {
  let seen = '';
  try {
    return await until(
      `hazard status ${status}`,
      async () => {
        const h = await hazardDetail(id);
        seen = h.status;
        return h.status === status ? h : undefined;
      },
      { timeoutMs, intervalMs: 250 },
    );
  } catch (e) {
    throw new Error(`${(e as Error).message} (last seen: ${seen})`);
  }
}

export interface TimelineEvent {
  seq: number;
  type: string;
  summaryZh: string;
  summaryEn: string;
  actor: { username: string; name: string } | null;
  data: Record<string, unknown>;
  occurredAt: string;
}

/** The readable timeline through the API (`all` adds the ledger's bookkeeping events). */
export async function timeline(id: string, user = DISTRICT_OFFICE, all = false): Promise<TimelineEvent[]> {
  const res = await as<{ data: TimelineEvent[] }>(user, `${HAZARDS}/${id}/timeline${all ? '?all=true' : ''}`);
  if (res.status !== 200) throw new Error(`timeline ${id}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data;
}

export async function waitEvent(id: string, type: string, timeoutMs = 30_000): Promise<TimelineEvent> {
  return until(
    `timeline event ${type}`,
    async () => (await timeline(id, DISTRICT_OFFICE, true)).find((e) => e.type === type),
    { timeoutMs, intervalMs: 250 },
  );
}

export async function post<T = any>(user: string, path: string, body: unknown = {}): Promise<ApiResponse<T>> {
  return as<T>(user, path, { method: 'POST', body });
}

// ------------------------------------------------------------------------------------------- tasks

export interface InboxTask {
  id: string;
  type: string;
  title: string;
  caseRef: string | null;
  step: string | null;
  status: string;
  dueAt: string | null;
  overdue: boolean;
  assignee: string | null;
}

/** A user's inbox view, narrowed to one case (task titles and `q` carry the ledger number). */
export async function inbox(
  user: string,
  caseRef: string,
  { view = 'groups', status = 'active', type }: { view?: string; status?: string; type?: string } = {},
): Promise<InboxTask[]> {
  const params = new URLSearchParams({ view, status, q: caseRef, limit: '200' });
  if (type) params.set('type', type);
  const res = await as<{ data: InboxTask[] }>(user, `/api/tasks/inbox?${params.toString()}`);
  if (res.status !== 200) throw new Error(`inbox ${user}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data.filter((t) => t.caseRef === caseRef);
}

/** Waits until `type` (e.g. `hazard.reviewPlan`) is open in the user's groups view; exactly one. */
export async function waitTask(
  user: string,
  caseRef: string,
  type: string,
  timeoutMs = 30_000,
): Promise<InboxTask> {
  const found = await until(
    `${type} of ${caseRef} in ${user}'s inbox`,
    async () => {
      const tasks = await inbox(user, caseRef, { type });
      return tasks.length > 0 ? tasks : undefined;
    },
    { timeoutMs, intervalMs: 200 },
  );
  if (found.length !== 1) throw new Error(`${found.length} open ${type} tasks of ${caseRef} for ${user}`);
  return found[0];
}

export async function complete(
  user: string,
  taskId: string,
  decision: string,
  comment = '',
  data: Record<string, unknown> = {},
  idempotencyKey?: string,
): Promise<ApiResponse> {
  return post(user, `/api/tasks/tasks/${taskId}/complete`, {
    decision,
    comment,
    data,
    ...(idempotencyKey ? { idempotencyKey } : {}),
  });
}

/** Completes a task and insists on 200. */
export async function completeOk(
  user: string,
  taskId: string,
  decision: string,
  comment = '',
  data: Record<string, unknown> = {},
): Promise<void> {
  const res = await complete(user, taskId, decision, comment, data);
  if (res.status !== 200)
    throw new Error(`complete ${taskId} (${decision}) as ${user}: ${res.status} ${JSON.stringify(res.body)}`);
}

/** The enterprise submits a plan once its submitPlan task is open. */
export async function submitPlan(hazard: Hazard, deadline: string): Promise<ApiResponse> {
  await waitTask(ENTERPRISE, hazard.caseRef, 'hazard.submitPlan');
  return post(ENTERPRISE, `${HAZARDS}/${hazard.id}/plan`, planBody(deadline));
}

/** Acceptance → pass by the town → 销号 by the department leading the sector: the hazard is closed. */
export async function acceptAndClose(hazard: Hazard): Promise<Hazard> {
  await waitTask(ENTERPRISE, hazard.caseRef, 'hazard.applyAcceptance');
  const applied = await post(ENTERPRISE, `${HAZARDS}/${hazard.id}/acceptance-application`, {
    summary: '泄爆装置及隔爆阀已安装调试完毕，积尘已清理',
    completedOn: shanghaiDate(0),
  });
  if (applied.status !== 201)
    throw new Error(`acceptance: ${applied.status} ${JSON.stringify(applied.body)}`);
  const review = await waitTask(TOWN_OFFICIAL, hazard.caseRef, 'hazard.reviewAcceptance');
  await completeOk(TOWN_OFFICIAL, review.id, 'pass', '现场核验，整改到位');
  const closeOut = await waitTask(DEPARTMENT_OFFICIAL, hazard.caseRef, 'hazard.approveCloseOut');
  await completeOk(DEPARTMENT_OFFICIAL, closeOut.id, 'approve', '资料齐全，同意销号');
  return waitStatus(hazard.id, 'closed');
}

/** Registration → plan → approval by the town: the hazard is rectifying with a deadline `deadline`. */
export async function toRectifying(hazard: Hazard, deadline: string): Promise<void> {
  const plan = await submitPlan(hazard, deadline);
  if (plan.status !== 201) throw new Error(`plan: ${plan.status} ${JSON.stringify(plan.body)}`);
  const review = await waitTask(TOWN_OFFICIAL, hazard.caseRef, 'hazard.reviewPlan');
  await completeOk(TOWN_OFFICIAL, review.id, 'approve', '方案可行，同意实施');
  await waitStatus(hazard.id, 'rectifying');
}

// --------------------------------------------------------------------------------- stored records

export interface TaskRow {
  id: string;
  workflow_id: string;
  task_key: string;
  step: string;
  type: string;
  status: string;
  outcome: string | null;
  decision: string | null;
  completed_by: string | null;
}

/** Every task the hazard's workflows opened (its own and its listings'), oldest first. */
export async function taskRows(hazardId: string): Promise<TaskRow[]> {
  return withDb(async (db) => {
    const { rows } = await db.query<TaskRow>(
      `SELECT t.id, t.workflow_id, t.task_key, t.step, t.type, t.status, t.outcome, t.decision, t.completed_by
         FROM tasks.tasks t
        WHERE t.workflow_id = $1
           OR t.workflow_id IN (SELECT 'listing-' || l.id FROM hazards.listings l WHERE l.hazard_id = $2)
        ORDER BY t.created_at, t.id`,
      [hazardWorkflowId(hazardId), hazardId],
    );
    return rows;
  });
}

/** Task keys per workflow step, e.g. `{ submitPlan: ['submitPlan#1', 'submitPlan#2'] }`. */
export function keysByStep(rows: TaskRow[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const r of rows) (out[r.step] ??= []).push(r.task_key);
  for (const keys of Object.values(out)) keys.sort();
  return out;
}

/**
 * Proves the task engine holds one row per step visit: keys are unique per workflow and numbered
 * `<step>#1..n` without gaps, and at most one task of a step is open at a time.
 */
export function expectOneTaskPerVisit(rows: TaskRow[]): void {
  const byWorkflow = new Map<string, TaskRow[]>();
  for (const r of rows) byWorkflow.set(r.workflow_id, [...(byWorkflow.get(r.workflow_id) ?? []), r]);
  for (const [workflowId, list] of byWorkflow) {
    const keys = list.map((r) => r.task_key);
    expect({ workflowId, duplicates: keys.filter((k, i) => keys.indexOf(k) !== i) }).toEqual({
      workflowId,
      duplicates: [],
    });
    for (const [step, stepKeys] of Object.entries(keysByStep(list))) {
      const visits = stepKeys.map((k) => Number(k.split('#')[1])).sort((a, b) => a - b);
      expect({ workflowId, step, visits }).toEqual({
        workflowId,
        step,
        visits: visits.map((_, i) => i + 1),
      });
      const open = list.filter((r) => r.step === step && r.status !== 'closed');
      expect({ workflowId, step, open: open.length <= 1 }).toEqual({ workflowId, step, open: true });
    }
  }
}

/** Notices about the case's tasks sent more than once to the same recipient (should be none). */
export async function duplicateNotifications(hazardId: string): Promise<unknown[]> {
  return withDb(async (db) => {
    const { rows } = await db.query(
      `SELECT n.task_id, n.kind, n.recipient, n.recipient_role, n.recipient_unit, count(*)::int AS n
         FROM tasks.notifications n
         JOIN tasks.tasks t ON t.id = n.task_id
        WHERE (t.workflow_id = $1
               OR t.workflow_id IN (SELECT 'listing-' || l.id FROM hazards.listings l WHERE l.hazard_id = $2))
          AND n.kind IN ('task', 'closed')
        GROUP BY 1, 2, 3, 4, 5
       HAVING count(*) > 1`,
      [hazardWorkflowId(hazardId), hazardId],
    );
    return rows;
  });
}

/** Every ledger event of the hazard (timeline and bookkeeping), in order. */
export async function eventRows(
  hazardId: string,
): Promise<Array<{ event_key: string; type: string; summary_zh: string; data: Record<string, any> }>> {
  return withDb(
    async (db) =>
      (
        await db.query(
          'SELECT event_key, type, summary_zh, data FROM hazards.hazard_events WHERE hazard_id = $1 ORDER BY occurred_at, id',
          [hazardId],
        )
      ).rows,
  );
}

/** Event counts by type. */
export function countByType(events: Array<{ type: string }>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const e of events) out[e.type] = (out[e.type] ?? 0) + 1;
  return out;
}

/** The statuses the ledger went through (`status.changed` events), in order. */
export function statusTrail(events: Array<{ type: string; data: Record<string, any> }>): string[] {
  return events.filter((e) => e.type === 'status.changed').map((e) => String(e.data['to']));
}

/** The types of `events` that are in `types`, in order (a subsequence check for the timeline). */
export function onlyTypes(events: Array<{ type: string }>, types: readonly string[]): string[] {
  return events.map((e) => e.type).filter((t) => types.includes(t));
}

export { listingWorkflowId };

// ------------------------------------------------------------------------------------------ Temporal

let connection: Connection | undefined;
let client: Client | undefined;

export async function temporal(): Promise<Client> {
  if (!client) {
    const c = testConfig();
    connection = await Connection.connect({ address: c.TEMPORAL_ADDRESS });
    client = new Client({ connection, namespace: c.TEMPORAL_NAMESPACE });
  }
  return client;
}

export async function closeTemporal(): Promise<void> {
  await connection?.close();
  connection = undefined;
  client = undefined;
}

/** Waits until a workflow has completed (its status, not its result). */
export async function waitWorkflowClosed(workflowId: string, timeoutMs = 30_000): Promise<string> {
  const t = await temporal();
  return until(
    `workflow ${workflowId} to close`,
    async () => {
      const d = await t.workflow.getHandle(workflowId).describe();
      return d.status.name === 'RUNNING' ? undefined : d.status.name;
    },
    { timeoutMs, intervalMs: 250 },
  );
}

/** Cancels the hazards' workflows that are still running (their open tasks close as cancelled). */
export async function cancelRunning(hazardIds: string[]): Promise<void> {
  const t = await temporal();
  await Promise.all(
    hazardIds.map(async (id) => {
      const handle = t.workflow.getHandle(hazardWorkflowId(id));
      const d = await handle.describe().catch(() => null);
      if (d?.status.name === 'RUNNING') await handle.cancel().catch(() => undefined);
    }),
  );
}

// ------------------------------------------------------------------------------ the workflow worker

function workerUrl(path: '/health' | '/ready'): string {
  return `http://127.0.0.1:${testConfig().WORKER_HEALTH_PORT}${path}`;
}

/** The pid of the running workflow worker (from its health endpoint), or null while it is down. */
export async function workerPid(): Promise<number | null> {
  try {
    const res = await fetch(workerUrl('/health'), { signal: AbortSignal.timeout(2_000) });
    const body = (await res.json()) as { pid?: number };
    return typeof body.pid === 'number' ? body.pid : null;
  } catch {
    return null;
  }
}

/** True once the worker polls Temporal (`/ready` answers 200). */
export async function workerReady(): Promise<boolean> {
  try {
    return (await fetch(workerUrl('/ready'), { signal: AbortSignal.timeout(2_000) })).ok;
  } catch {
    return false;
  }
}

/**
 * SIGKILLs the workflow worker (no graceful shutdown: in-flight workflow tasks are lost) and returns
 * its pid. The orchestrator's supervisor starts a new one about a second later.
 */
export async function killWorker(): Promise<number> {
  const pid = await until('the workflow worker’s pid', workerPid, { timeoutMs: 60_000, intervalMs: 250 });
  process.kill(pid, 'SIGKILL');
  await until(
    `worker ${pid} to die`,
    async () => {
      try {
        process.kill(pid, 0);
        return false;
      } catch {
        return true;
      }
    },
    { timeoutMs: 10_000, intervalMs: 50 },
  );
  return pid;
}

/** Waits for the supervisor's replacement worker (another pid) to be ready. */
export async function waitWorkerRestarted(killedPid: number, timeoutMs = 90_000): Promise<number> {
  return until(
    'a new, ready workflow worker',
    async () => {
      const pid = await workerPid();
      return pid !== null && pid !== killedPid && (await workerReady()) ? pid : undefined;
    },
    { timeoutMs, intervalMs: 250 },
  );
}

// ------------------------------------------------------------------------------- taking turns

/**
 * The lifecycle specs share the stack's single workflow worker, and the restart spec kills it. When
 * Jest runs both files at once (separate workers), they take turns on a lock per stack, so the other
 * spec never sees the worker down. A lock left by a dead process is taken over.
 */
export async function takeWorkerTurn(timeoutMs = 10 * 60_000): Promise<() => void> {
  const dir = path.join(os.tmpdir(), `zhiben-hazard-lifecycle-${testConfig().WORKER_HEALTH_PORT}.lock`);
  const owner = path.join(dir, 'pid');
  const alive = (pid: number) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  await until(
    'the other hazard lifecycle spec to finish',
    async () => {
      try {
        fs.mkdirSync(dir);
        fs.writeFileSync(owner, String(process.pid));
        return true;
      } catch {
        const pid = Number(fs.existsSync(owner) ? fs.readFileSync(owner, 'utf8') : NaN);
        if (Number.isInteger(pid) && pid > 0 && !alive(pid)) fs.rmSync(dir, { recursive: true, force: true });
        return false;
      }
    },
    { timeoutMs, intervalMs: 500 },
  );
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
