import { Client, Connection, type WorkflowHandle } from '@temporalio/client';
import { TASK_QUEUES, type CandidateRule, type DecisionOption } from '@zhiben/contracts';
import { api, asUser, testConfig, tokenFor, type ApiResponse } from '@zhiben/testing';
import { randomUUID } from 'node:crypto';
import { RUN_ID, withDb } from './support';

/**
 * Helpers for the human-task engine specs (tasks-*.int-spec.ts): start the test-only `taskProbe`
 * workflow on the real worker, find the tasks it opens, and call the task API as demo users.
 * Types mirror workflows/tasks-probe (specs do not import workflow code).
 */

export const JIASI = 'jiangjin.jiasi';
export const BAISHA = 'jiangjin.baisha';
export const OFFICIAL_JIASI: CandidateRule = { role: 'official', orgUnitCode: JIASI };
export const LEADER_JIASI: CandidateRule = { role: 'leader', orgUnitCode: JIASI };

export interface ProbeStep {
  key: string;
  titleZh: string;
  titleEn: string;
  candidates: CandidateRule[];
  orgUnitCode: string;
  assignee?: string | null;
  decisions?: DecisionOption[];
  due?: { amount: number; unit: 'workingDays' | 'naturalDays' | 'hours' } | { atMs: number } | null;
  remindAt?: number[];
  overdue?: {
    remindEvery?: { amount: number; unit: 'workingDays' | 'naturalDays' | 'hours' };
    escalateTo?: CandidateRule[];
    maxReminders?: number;
    action: 'wait' | 'return';
  };
  sla?: Record<string, unknown>;
  priority?: 'low' | 'normal' | 'high' | 'urgent';
  campaignId?: string | null;
}

export interface ProbeResult {
  outcome: 'approved' | 'rejected' | 'overdue';
  log: Array<{
    step: string;
    taskKey: string;
    taskId: string;
    kind: string;
    decision?: string;
    comment?: string;
  }>;
}

export function step(key: string, overrides: Partial<ProbeStep> = {}): ProbeStep {
  return {
    key,
    titleZh: `集成测试「${key}」${RUN_ID}`,
    titleEn: `Integration test "${key}" ${RUN_ID}`,
    candidates: [OFFICIAL_JIASI],
    orgUnitCode: JIASI,
    ...overrides,
  };
}

let connection: Connection | undefined;
let client: Client | undefined;
const started: WorkflowHandle[] = [];

export async function temporal(): Promise<Client> {
  if (!client) {
    const c = testConfig();
    connection = await Connection.connect({ address: c.TEMPORAL_ADDRESS });
    client = new Client({ connection, namespace: c.TEMPORAL_NAMESPACE });
  }
  return client;
}

/** Starts a taskProbe workflow; a day lasts `msPerDay` ms (default: real days). */
export async function startProbe(
  steps: ProbeStep[],
  opts: { msPerDay?: number; type?: string; caseRef?: string } = {},
): Promise<WorkflowHandle> {
  const handle = await (
    await temporal()
  ).workflow.start('taskProbe', {
    taskQueue: TASK_QUEUES.workflows,
    workflowId: `it-probe-${RUN_ID}-${randomUUID()}`,
    workflowRunTimeout: '15 minutes',
    args: [
      {
        steps,
        clock: { msPerDay: opts.msPerDay ?? 86_400_000 },
        caseRef: opts.caseRef ?? `IT-${RUN_ID}`,
        type: opts.type ?? 'it.probe',
      },
    ],
  });
  started.push(handle);
  return handle;
}

/** Cancels what the spec left running (their tasks close as cancelled) and disconnects. */
export async function stopProbes(): Promise<void> {
  await Promise.all(started.splice(0).map((h) => h.cancel().catch(() => undefined)));
  await connection?.close();
  connection = undefined;
  client = undefined;
}

export async function eventually<T>(
  fn: () => Promise<T | undefined | null | false>,
  what: string,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}

/** The id of the task the workflow opened under `taskKey`, once it exists. */
export async function taskIdOf(handle: WorkflowHandle, taskKey: string, timeoutMs = 20_000): Promise<string> {
  return eventually(
    () =>
      withDb(async (db) => {
        const { rows } = await db.query<{ id: string }>(
          'SELECT id FROM tasks.tasks WHERE workflow_id = $1 AND task_key = $2',
          [handle.workflowId, taskKey],
        );
        return rows[0]?.id;
      }),
    `task ${taskKey} of ${handle.workflowId}`,
    timeoutMs,
  );
}

export async function taskRow(id: string): Promise<Record<string, any>> {
  return withDb(async (db) => (await db.query('SELECT * FROM tasks.tasks WHERE id = $1', [id])).rows[0]);
}

export async function historyOf(id: string): Promise<Array<Record<string, any>>> {
  return withDb(
    async (db) =>
      (await db.query('SELECT * FROM tasks.task_history WHERE task_id = $1 ORDER BY id', [id])).rows,
  );
}

export async function call<T = any>(
  user: string,
  path: string,
  opts: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<ApiResponse<T>> {
  if (!opts.headers) return asUser<T>(user, `/api/tasks${path}`, opts);
  return api<T>(`/api/tasks${path}`, { ...opts, token: await tokenFor(user) });
}

export const post = <T = any>(user: string, path: string, body?: unknown, headers?: Record<string, string>) =>
  call<T>(user, path, { method: 'POST', body: body ?? {}, headers });

/** Ids in a user's inbox view, among this run's tasks (their titles carry RUN_ID). */
export async function inboxIds(user: string, query: string): Promise<string[]> {
  const scoped = /(^|&)q=/.test(query) ? query : `q=${RUN_ID}&${query}`;
  const res = await call<{ data: Array<{ id: string }> }>(user, `/inbox?limit=200&${scoped}`);
  if (res.status !== 200)
    throw new Error(`inbox ${user} ${query}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data.map((t) => t.id);
}
