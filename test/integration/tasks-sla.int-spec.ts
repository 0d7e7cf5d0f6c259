import { createContextDataSource } from '@zhiben/db';
import {
  NotificationChannelRegistry,
  TASKS_ENTITIES,
  TASKS_MIGRATIONS,
  TASKS_SCHEMA,
  TasksActivities,
} from '@zhiben/tasks';
import { testConfig } from '@zhiben/testing';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { countRows, expectProblem, RUN_ID } from './support';
import {
  call,
  eventually,
  historyOf,
  inboxIds,
  JIASI,
  OFFICIAL_JIASI,
  post,
  startProbe,
  step,
  stopProbes,
  taskIdOf,
  taskRow,
  type ProbeResult,
} from './tasks-support';

/**
 * Time limits on the working-day calendar, reminders (催办), breaches and escalation (督办), in
 * scaled time: a day lasts DAY ms, so a 24-hour limit passes in DAY ms.
 */

const DAY = 2000;
const OPS_OFFICE = { role: 'ops' as const, orgUnitCode: 'jiangjin.anweiban' };

afterAll(stopProbes);

const actionsOf = async (id: string) => (await historyOf(id)).map((r) => r.action as string);

describe('reminders, the overdue breach and escalation (scaled clock)', () => {
  let handle: Awaited<ReturnType<typeof startProbe>>;
  let id: string;

  beforeAll(async () => {
    handle = await startProbe(
      [
        step('sla', {
          due: { amount: 24, unit: 'hours' },
          remindAt: [0.5],
          overdue: {
            action: 'wait',
            remindEvery: { amount: 12, unit: 'hours' },
            maxReminders: 2,
            escalateTo: [OPS_OFFICE],
          },
        }),
      ],
      { msPerDay: DAY },
    );
    id = await taskIdOf(handle, 'sla#1');
  });

  it('stores the due date the workflow computed', async () => {
    const row = await taskRow(id);
    const span = new Date(row.due_at).getTime() - new Date(row.created_at).getTime();
    // Scaled: about one DAY after the workflow started (not 24 real hours); the row is written a moment later.
    expect(span).toBeGreaterThan(0);
    expect(span).toBeLessThan(DAY + 5000);
  });

  it('sends one reminder, records one breach, escalates once, then repeats the overdue notice', async () => {
    await eventually(
      async () => (await actionsOf(id)).filter((a) => a === 'reminded').length >= 3,
      'two overdue reminders after the breach',
      15_000,
    );
    // Nothing more after maxReminders.
    await new Promise((r) => setTimeout(r, DAY));
    expect(await actionsOf(id)).toEqual([
      'opened',
      'reminded',
      'breached',
      'escalated',
      'reminded',
      'reminded',
    ]);
    const history = await historyOf(id);
    expect(history.slice(1).map((h) => h.changes.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(await countRows('tasks.sla_breaches', 'task_id = $1', [id])).toBe(1);
    expect(await countRows('tasks.sla_breaches', `task_id = $1 AND kind = 'completion'`, [id])).toBe(1);
  });

  it('the escalation adds the supervising candidates: ops@区安委办 now has it in the groups view', async () => {
    const detail = await call('ops.jj', `/tasks/${id}`);
    expect(detail.body.candidates).toEqual(expect.arrayContaining([OFFICIAL_JIASI, OPS_OFFICE]));
    expect(detail.body.overdue).toBe(true);
    expect(detail.body.breaches).toEqual([expect.objectContaining({ kind: 'completion' })]);
    expect(await inboxIds('ops.jj', 'view=groups')).toContain(id);
    expect(await inboxIds('official.jiasi', 'view=groups&overdue=true')).toContain(id);
  });

  it('notifications: candidates get 催办, 逾期 and 督办 notices, unread first, and mark them read', async () => {
    const list = async (user: string) =>
      (await call(user, '/notifications?limit=200')).body as {
        data: Array<{ id: string; kind: string; taskId: string; messageZh: string; readAt: string | null }>;
        unreadCount: number;
      };
    const mine = (await list('official.jiasi')).data.filter((n) => n.taskId === id);
    expect(mine.map((n) => n.kind).sort()).toEqual([
      'escalation',
      'overdue',
      'overdue',
      'overdue',
      'reminder',
      'task',
    ]);
    expect(mine.find((n) => n.kind === 'reminder')!.messageZh).toMatch(
      /^【催办】.+将于 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 到期/,
    );
    const ops = (await list('ops.jj')).data.filter((n) => n.taskId === id);
    // Escalated candidates hear the escalation and the overdue notices after it.
    expect(ops.map((n) => n.kind).sort()).toEqual(['escalation', 'overdue', 'overdue']);
    expect((await list('official.baisha')).data.filter((n) => n.taskId === id)).toEqual([]);

    const before = await list('official.jiasi');
    const target = mine.find((n) => n.kind === 'reminder')!;
    const read = await post('official.jiasi', `/notifications/${target.id}/read`);
    expect(read.status).toBe(200);
    expect(read.body.readAt).toEqual(expect.any(String));
    const after = await list('official.jiasi');
    expect(after.unreadCount).toBe(before.unreadCount - 1);
    const firstRead = after.data.findIndex((n) => n.readAt !== null);
    if (firstRead >= 0) expect(after.data.slice(firstRead).every((n) => n.readAt !== null)).toBe(true);
    const unread = (await call('official.jiasi', '/notifications?unread=true&limit=200')).body.data as Array<{
      id: string;
      readAt: string | null;
    }>;
    expect(unread.every((n) => n.readAt === null)).toBe(true);
    expect(unread.map((n) => n.id)).not.toContain(target.id);
    // Read marks are per user: leader.jiasi (also an official of 贾嗣镇) still has it unread.
    expect((await list('leader.jiasi')).data.find((n) => n.id === target.id)?.readAt).toBeNull();
    expectProblem(await post('official.baisha', `/notifications/${target.id}/read`), 404, 'NOT_FOUND');
  });

  it('a decision after the deadline still completes the task', async () => {
    expect((await post('official.jiasi', `/tasks/${id}/complete`, { decision: 'approve' })).status).toBe(200);
    expect(((await handle.result()) as ProbeResult).outcome).toBe('approved');
    expect(await countRows('tasks.sla_breaches', 'task_id = $1', [id])).toBe(1);
  });
});

describe('overdue with action "return"', () => {
  it('closes the task as expired and the workflow reports overdue; late decisions get 409', async () => {
    const handle = await startProbe(
      [step('expire', { due: { amount: 24, unit: 'hours' }, overdue: { action: 'return' } })],
      {
        msPerDay: DAY,
      },
    );
    const id = await taskIdOf(handle, 'expire#1');
    const result = (await handle.result()) as ProbeResult;
    expect(result).toMatchObject({ outcome: 'overdue', log: [{ taskKey: 'expire#1', kind: 'overdue' }] });
    expect(await taskRow(id)).toMatchObject({ status: 'closed', outcome: 'expired' });
    expect(await actionsOf(id)).toEqual(['opened', 'breached', 'closed']);
    const p = expectProblem(
      await post('official.jiasi', `/tasks/${id}/complete`, { decision: 'approve' }),
      409,
      'CONFLICT',
    );
    expect(p.messageZh).toContain('超期关闭');
  });
});

describe('reaction limit (响应时限)', () => {
  it('a claim after the reaction deadline records one reaction breach', async () => {
    const handle = await startProbe(
      [
        step('react', {
          sla: { reaction: { amount: 12, unit: 'hours' }, completion: { amount: 10, unit: 'naturalDays' } },
        }),
      ],
      { msPerDay: DAY },
    );
    const id = await taskIdOf(handle, 'react#1');
    const row = await taskRow(id);
    expect(new Date(row.reaction_due_at).getTime() - new Date(row.created_at).getTime()).toBeLessThan(DAY);
    await eventually(
      async () => Date.now() > new Date(row.reaction_due_at).getTime() + 100,
      'reaction deadline',
    );
    expect((await post('official.jiasi', `/tasks/${id}/claim`)).status).toBe(200);
    expect((await post('official.jiasi', `/tasks/${id}/unclaim`)).status).toBe(200);
    expect((await post('official.jiasi', `/tasks/${id}/claim`)).status).toBe(200);
    expect(await countRows('tasks.sla_breaches', `task_id = $1 AND kind = 'reaction'`, [id])).toBe(1);
    expect((await actionsOf(id)).filter((a) => a === 'breached')).toHaveLength(1);
  });
});

describe('the activities are idempotent under retries (called directly, as Temporal would retry them)', () => {
  let ds: DataSource;
  let activities: TasksActivities;
  const workflowId = `it-direct-${RUN_ID}-${randomUUID()}`;
  const request = {
    workflowId,
    taskKey: 'direct#1',
    type: 'it.direct',
    titleZh: `直接调用 ${RUN_ID}`,
    titleEn: `Direct call ${RUN_ID}`,
    caseRef: 'IT',
    caseKind: 'probe',
    step: 'direct',
    candidates: [OFFICIAL_JIASI],
    priority: 'normal' as const,
    dueAt: new Date(Date.now() + 3_600_000).toISOString(),
    decisions: [{ code: 'approve', labelZh: '同意', labelEn: 'Approve' }],
    orgUnitCode: JIASI,
  };

  beforeAll(async () => {
    ds = await createContextDataSource({
      url: testConfig().DATABASE_URL,
      schema: TASKS_SCHEMA,
      entities: TASKS_ENTITIES,
      migrations: TASKS_MIGRATIONS,
    });
    activities = new TasksActivities(ds, new NotificationChannelRegistry());
  });

  afterAll(async () => {
    await ds?.destroy();
  });

  it('openTask twice (and concurrently) → one task, one history row, one notice per candidate', async () => {
    const [a, b] = await Promise.all([activities.openTask(request), activities.openTask(request)]);
    const c = await activities.openTask(request);
    expect(new Set([a.taskId, b.taskId, c.taskId]).size).toBe(1);
    expect([a.created, b.created, c.created].filter(Boolean)).toHaveLength(1);
    expect(await countRows('tasks.tasks', 'workflow_id = $1', [workflowId])).toBe(1);
    expect(await actionsOf(a.taskId)).toEqual(['opened']);
    expect(await countRows('tasks.notifications', 'task_id = $1', [a.taskId])).toBe(1);
  });

  it('remindTask with the same seq twice → one history row and one notification set; one breach ever', async () => {
    const reminder = { workflowId, taskKey: 'direct#1', messageZh: '催办', messageEn: 'Reminder' };
    await activities.remindTask({ ...reminder, seq: 1, kind: 'reminder' });
    await activities.remindTask({ ...reminder, seq: 1, kind: 'reminder' });
    await Promise.all([
      activities.remindTask({ ...reminder, seq: 2, kind: 'overdue' }),
      activities.remindTask({ ...reminder, seq: 2, kind: 'overdue' }),
    ]);
    await activities.remindTask({ ...reminder, seq: 3, kind: 'overdue' });
    await activities.remindTask({ ...reminder, seq: 4, kind: 'escalation', escalateTo: [OPS_OFFICE] });
    await activities.remindTask({ ...reminder, seq: 4, kind: 'escalation', escalateTo: [OPS_OFFICE] });
    const id = await taskIdOf({ workflowId } as never, 'direct#1');
    expect(await actionsOf(id)).toEqual(['opened', 'reminded', 'breached', 'reminded', 'escalated']);
    expect(await countRows('tasks.sla_breaches', 'task_id = $1', [id])).toBe(1);
    expect(await countRows('tasks.task_candidates', 'task_id = $1', [id])).toBe(2);
    // open: 1, reminder: 1, overdue: 2, escalation: 2 (the group and the ops office)
    expect(await countRows('tasks.notifications', 'task_id = $1', [id])).toBe(6);
  });

  it('closeTask twice → closed once; reminders after closing do nothing', async () => {
    await activities.closeTask({ workflowId, taskKey: 'direct#1', outcome: 'cancelled' });
    await activities.closeTask({ workflowId, taskKey: 'direct#1', outcome: 'cancelled' });
    await activities.remindTask({
      workflowId,
      taskKey: 'direct#1',
      seq: 9,
      kind: 'reminder',
      messageZh: 'x',
      messageEn: 'x',
    });
    const id = await taskIdOf({ workflowId } as never, 'direct#1');
    expect(await taskRow(id)).toMatchObject({ status: 'closed', outcome: 'cancelled' });
    expect((await actionsOf(id)).filter((a) => a === 'closed')).toHaveLength(1);
    expect((await actionsOf(id)).at(-1)).toBe('closed');
    expect(await countRows('tasks.task_candidates', 'task_id = $1 AND active', [id])).toBe(0);
    // Closing a task that was never opened is a no-op, not an error.
    await activities.closeTask({ workflowId, taskKey: 'never-opened', outcome: 'cancelled' });
  });

  it('a malformed request fails without retry', async () => {
    await expect(activities.openTask({ ...request, taskKey: '', candidates: [] })).rejects.toMatchObject({
      type: 'InvalidTaskRequest',
      nonRetryable: true,
    });
  });
});
