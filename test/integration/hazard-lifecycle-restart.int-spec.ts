import { hazardWorkflowId } from '@zhiben/contracts';
import { randomUUID } from 'node:crypto';
import { expectProblem, withDb } from './support';
import {
  acceptAndClose,
  cancelRunning,
  closeTemporal,
  complete,
  completeOk,
  countByType,
  DEPARTMENT_OFFICIAL,
  duplicateNotifications,
  ENTERPRISE,
  eventRows,
  expectOneTaskPerVisit,
  HAZARDS,
  inbox,
  keysByStep,
  killWorker,
  post,
  registerScaled,
  shanghaiDate,
  statusTrail,
  submitPlan,
  takeWorkerTurn,
  taskRows,
  temporal,
  toRectifying,
  TOWN_OFFICIAL,
  waitEvent,
  waitStatus,
  waitTask,
  waitWorkerRestarted,
  waitWorkflowClosed,
  type Hazard,
} from './hazard-support';

/**
 * The workflow worker dies (SIGKILL: no graceful shutdown, in-flight workflow tasks are lost) at three
 * points of a hazard's life, and the orchestrator's supervisor starts a new one, which replays the
 * histories. Each case then runs to 销号, and the task engine, the notices and the ledger hold every
 * step once (one task per step visit, one notice per recipient, one timeline event per step).
 *
 * Needs the local stack of scripts/zhiben.mjs (supervised services, worker health on
 * WORKER_HEALTH_PORT) on this machine. It takes the worker away for ~15 s at a time: do not run other
 * specs against the same stack meanwhile (`npm test` runs in band; hazard-lifecycle.int-spec.ts waits
 * for its turn).
 */

jest.setTimeout(150_000);

const created: string[] = [];
let releaseTurn: () => void = () => undefined;

beforeAll(async () => {
  releaseTurn = await takeWorkerTurn();
}, 11 * 60_000);

afterAll(async () => {
  try {
    await cancelRunning(created);
    await closeTemporal();
  } finally {
    releaseTurn();
  }
});

async function register(msPerDay: number, label: string): Promise<Hazard> {
  const h = await registerScaled(msPerDay, label);
  created.push(h.id);
  return h;
}

/** Kills the worker and waits for the supervisor's replacement to poll again. */
async function restartWorker(): Promise<void> {
  const killed = await killWorker();
  await waitWorkerRestarted(killed);
}

/** No workflow task failed (a non-deterministic replay would fail its workflow tasks). */
async function expectCleanReplay(workflowId: string): Promise<void> {
  const history = await (await temporal()).workflow.getHandle(workflowId).fetchHistory();
  const failed = (history.events ?? []).filter((e) => e.workflowTaskFailedEventAttributes);
  expect(failed.map((e) => e.workflowTaskFailedEventAttributes?.failure?.message)).toEqual([]);
}

/** Everything stored for a closed case, written once. */
async function expectWrittenOnce(hazard: Hazard, expectedKeys: Record<string, unknown>) {
  const rows = await taskRows(hazard.id);
  expectOneTaskPerVisit(rows);
  expect(keysByStep(rows)).toEqual(expectedKeys);
  expect(rows.filter((r) => r.status !== 'closed')).toEqual([]);
  expect(await duplicateNotifications(hazard.id)).toEqual([]);
  const events = await eventRows(hazard.id);
  expect(new Set(events.map((e) => e.event_key)).size).toBe(events.length);
  expect(await waitWorkflowClosed(hazardWorkflowId(hazard.id))).toBe('COMPLETED');
  await expectCleanReplay(hazardWorkflowId(hazard.id));
  return { rows, events, counts: countByType(events) };
}

describe('(a) killed while activities are scheduled: just after the registration and just after a decision', () => {
  let hazard: Hazard;

  it('killed right after the registration: the plan is requested once', async () => {
    hazard = await register(3000, '重启·登记后');
    await restartWorker();
    await waitTask(ENTERPRISE, hazard.caseRef, 'hazard.submitPlan', 60_000);
    await waitStatus(hazard.id, 'planning', 60_000);
  });

  it('killed right after the plan’s approval: approved once, rectifying with its deadline', async () => {
    expect((await submitPlan(hazard, shanghaiDate(30))).status).toBe(201);
    const review = await waitTask(TOWN_OFFICIAL, hazard.caseRef, 'hazard.reviewPlan');
    await completeOk(TOWN_OFFICIAL, review.id, 'approve', '方案可行，同意实施');
    await restartWorker();
    const h = await waitStatus(hazard.id, 'rectifying', 60_000);
    expect(h.rectificationDeadline).toEqual(expect.any(String));
  });

  it('completes; every task, notice and event exists once', async () => {
    await acceptAndClose(hazard);
    const { events, counts } = await expectWrittenOnce(hazard, {
      submitPlan: ['submitPlan#1'],
      reviewPlan: ['reviewPlan#1'],
      progressReport: ['progressReport#1'],
      applyAcceptance: ['applyAcceptance#1'],
      reviewAcceptance: ['reviewAcceptance#1'],
      approveCloseOut: ['approveCloseOut#1'],
    });
    expect(counts).toMatchObject({
      'hazard.registered': 1,
      'plan.requested': 1,
      'plan.submitted': 1,
      'plan.approved': 1,
      'ledger.planApproved': 1,
      'acceptance.applied': 1,
      'acceptance.passed': 1,
      'closeout.approved': 1,
    });
    expect(statusTrail(events)).toEqual([
      'planning',
      'plan_review',
      'rectifying',
      'acceptance_review',
      'closeout_review',
      'closed',
    ]);
  });
});

describe('(b) killed while the deadline timer is pending', () => {
  let hazard: Hazard;

  it('rectifying with the deadline ~12 scaled days ahead; the worker dies and comes back', async () => {
    hazard = await register(2000, '重启·期限计时');
    // 12 days at 2 s a day: the deadline fires ~25 s after approval, after the new worker is up.
    await toRectifying(hazard, shanghaiDate(12));
    expect((await eventRows(hazard.id)).map((e) => e.type)).not.toContain('rectification.overdue');
    await restartWorker();
  });

  it('the timer still fires once: overdue, then the first rung (函告) opens once', async () => {
    await waitEvent(hazard.id, 'rectification.overdue', 90_000);
    await waitStatus(hazard.id, 'overdue');
    const letter = await waitTask(TOWN_OFFICIAL, hazard.caseRef, 'hazard.issueLetter', 60_000);
    await completeOk(TOWN_OFFICIAL, letter.id, 'done', '已向企业发出督促整改函');
    await waitEvent(hazard.id, 'escalation.letter.done');
  });

  it('completes; every task, notice and event exists once', async () => {
    await acceptAndClose(hazard);
    const { events, counts, rows } = await expectWrittenOnce(hazard, {
      submitPlan: ['submitPlan#1'],
      reviewPlan: ['reviewPlan#1'],
      progressReport: expect.any(Array),
      applyAcceptance: ['applyAcceptance#1'],
      issueLetter: ['issueLetter#1'],
      reviewAcceptance: ['reviewAcceptance#1'],
      approveCloseOut: ['approveCloseOut#1'],
    });
    // Progress reports fall due every 30 scaled days (60 s); at most the first one came up.
    expect(rows.filter((r) => r.step === 'progressReport').length).toBeLessThanOrEqual(2);
    expect(counts).toMatchObject({
      'plan.approved': 1,
      'rectification.overdue': 1,
      'escalation.letter': 1,
      'escalation.letter.done': 1,
      'acceptance.applied': 1,
      'closeout.approved': 1,
    });
    expect(counts['escalation.circular']).toBeUndefined();
    expect(statusTrail(events)).toEqual([
      'planning',
      'plan_review',
      'rectifying',
      'overdue',
      'acceptance_review',
      'closeout_review',
      'closed',
    ]);
  });
});

describe('(c) killed while an approval task is waiting', () => {
  let hazard: Hazard;
  let reviewId: string;

  it('the acceptance review waits in the town’s inbox; the worker dies and comes back', async () => {
    hazard = await register(3000, '重启·待审批');
    await toRectifying(hazard, shanghaiDate(30));
    await waitTask(ENTERPRISE, hazard.caseRef, 'hazard.applyAcceptance');
    const applied = await post(ENTERPRISE, `${HAZARDS}/${hazard.id}/acceptance-application`, {
      summary: '泄爆装置已安装调试完毕',
      completedOn: shanghaiDate(0),
    });
    expect(applied.status).toBe(201);
    reviewId = (await waitTask(TOWN_OFFICIAL, hazard.caseRef, 'hazard.reviewAcceptance')).id;
    await waitStatus(hazard.id, 'acceptance_review');
    await restartWorker();
  });

  it('the same task is still open and takes the decision; 销号 follows', async () => {
    expect((await inbox(TOWN_OFFICIAL, hazard.caseRef)).map((t) => t.id)).toEqual([reviewId]);
    await completeOk(TOWN_OFFICIAL, reviewId, 'pass', '现场核验，整改到位');
    await waitStatus(hazard.id, 'closeout_review');
  });

  it('a 销号 decision sent while the worker is down is applied once, retried with the same key', async () => {
    const closeOut = await waitTask(DEPARTMENT_OFFICIAL, hazard.caseRef, 'hazard.approveCloseOut');
    const key = `it-${randomUUID()}`;
    const decide = () => complete(DEPARTMENT_OFFICIAL, closeOut.id, 'approve', '资料齐全，同意销号', {}, key);
    const killed = await killWorker();
    // Either the new worker takes the Update in time (200) or the service gives up (503, "retry").
    const first = await decide();
    expect([200, 503]).toContain(first.status);
    if (first.status === 503) {
      const p = expectProblem(first, 503, 'UNAVAILABLE');
      expect(p.messageZh).toContain('重试不会重复办理');
    }
    await waitWorkerRestarted(killed);
    const retried = await decide();
    expect(retried.status).toBe(200);
    if (first.status === 200) expect(retried.headers.get('idempotent-replayed')).toBe('true');
    expect(retried.body).toMatchObject({ taskId: closeOut.id, decision: 'approve', status: 'closed' });
    await waitStatus(hazard.id, 'closed', 60_000);
    const completions = await withDb(
      async (db) =>
        (
          await db.query(
            `SELECT (SELECT count(*)::int FROM tasks.task_completions WHERE task_id = $1) AS completions,
                    (SELECT count(*)::int FROM tasks.task_history WHERE task_id = $1 AND action = 'completed') AS history`,
            [closeOut.id],
          )
        ).rows[0],
    );
    expect(completions).toEqual({ completions: 1, history: 1 });
  });

  it('completes; every task, notice and event exists once', async () => {
    const { counts, events } = await expectWrittenOnce(hazard, {
      submitPlan: ['submitPlan#1'],
      reviewPlan: ['reviewPlan#1'],
      progressReport: ['progressReport#1'],
      applyAcceptance: ['applyAcceptance#1'],
      reviewAcceptance: ['reviewAcceptance#1'],
      approveCloseOut: ['approveCloseOut#1'],
    });
    expect(counts).toMatchObject({
      'acceptance.applied': 1,
      'dualReport.rectification': 1,
      'acceptance.passed': 1,
      'closeout.approved': 1,
    });
    expect(statusTrail(events)).toEqual([
      'planning',
      'plan_review',
      'rectifying',
      'acceptance_review',
      'closeout_review',
      'closed',
    ]);
  });
});
