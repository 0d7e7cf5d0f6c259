/**
 * The enforcement workflows on the real worker machinery and a real Temporal dev server, with in-memory
 * activities (testing/fakes.ts) and one day scaled to a second. The scenarios run side by side; the last
 * test replays every scenario's history through the history file format (non-determinism fails it), and
 * with `ZHIBEN_RECORD_HISTORIES=1` writes them to test/histories for enforcement-replay.workflow.spec.ts.
 */
import { TestWorkflowEnvironment } from '@temporalio/testing';
import type { WorkflowHandle } from '@temporalio/client';
import {
  DefaultLogger,
  Runtime,
  Worker,
  bundleWorkflowCode,
  type WorkflowBundleWithSourceMap,
} from '@temporalio/worker';
import {
  REFERRAL_DOCUMENT_KINDS,
  TASK_DECIDE_UPDATE,
  TASK_QUEUES,
  criminalReferralWorkflowId,
  enforcementCaseWorkflowId,
  type CriminalReferralInput,
  type EnforcementCaseInput,
  type EnforcementCaseStateView,
  type ReferralDeadlineKind,
  type ReferralStateView,
  type SubmitReferralInput,
  type TaskDecisionPayload,
  type TaskDecisionResult,
} from '@zhiben/contracts/workflow';
import { deadlineAfter } from '@zhiben/workflows-shared';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import type { CriminalReferralResult, criminalReferral } from './criminal-referral.workflow';
import type { EnforcementCaseResult, enforcementCase } from './enforcement-case.workflow';
import {
  applyReinspectionUpdate,
  enforcementCaseStateQuery,
  referralStateQuery,
  submitReferralUpdate,
} from './enforcement.messages';
import { FakeEnforcementService, FakeTasksService, type FakeTask } from './testing/fakes';
import { ACTORS, OFFICERS, TEST_RULES, caseInput, referralInput } from './testing/fixtures';
import { historyFromJson, historyToJson, type History } from './testing/history-json';
import {
  ENFORCEMENT_WORKFLOWS_PATH,
  HISTORIES_DIR,
  REPO_ROOT,
  withZhibenAliases,
} from './testing/workflow-bundle';

jest.setTimeout(180_000); // scaled days: generous under a loaded machine

const TEMPORAL_CLI = process.env.TEMPORAL_CLI_PATH ?? `${homedir()}/.cache/zhiben/bin/temporal`;
const RECORD = process.env.ZHIBEN_RECORD_HISTORIES === '1';
const DAY = 86_400_000;
/** A task queue whose worker the restart scenario stops and replaces. */
const RESTART_QUEUE = 'zhiben-workflows-enforcement-restart';

const tasks = new FakeTasksService();
const enforcement = new FakeEnforcementService();
let env: TestWorkflowEnvironment;
let bundle: WorkflowBundleWithSourceMap;
const workers: Worker[] = [];
const running: Promise<unknown>[] = [];
let restartable: Worker;

function runWorker(w: Worker) {
  workers.push(w);
  running.push(w.run());
  return w;
}
const createWorkflowWorker = (taskQueue: string) =>
  Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: bundle });

beforeAll(async () => {
  try {
    Runtime.install({ logger: new DefaultLogger('WARN') });
  } catch {
    // Another suite in this process installed it first.
  }
  [env, bundle] = await Promise.all([
    TestWorkflowEnvironment.createLocal({
      server: { executable: { type: 'existing-path', path: TEMPORAL_CLI } },
    }),
    bundleWorkflowCode({ workflowsPath: ENFORCEMENT_WORKFLOWS_PATH, webpackConfigHook: withZhibenAliases }),
  ]);
  const connection = env.nativeConnection;
  runWorker(await createWorkflowWorker(TASK_QUEUES.workflows));
  restartable = runWorker(await createWorkflowWorker(RESTART_QUEUE));
  runWorker(await Worker.create({ connection, taskQueue: TASK_QUEUES.tasks, activities: tasks.activities }));
  runWorker(
    await Worker.create({
      connection,
      taskQueue: TASK_QUEUES.enforcement,
      activities: enforcement.activities,
    }),
  );
  for (const s of scenarios)
    s.outcome = s.run().then(
      () => null,
      (error: unknown) => ({ error }),
    );
}, 120_000);

afterAll(async () => {
  for (const w of workers) if (w.getState() === 'RUNNING') w.shutdown();
  await Promise.allSettled(running);
  await env?.teardown();
});

// ── scenarios run concurrently ──────────────────────────────────────────────────────────────────
interface Scenario {
  run: () => Promise<void>;
  outcome?: Promise<{ error: unknown } | null>;
}
const scenarios: Scenario[] = [];
function scenario(title: string, run: () => Promise<void>): void {
  const s: Scenario = { run };
  scenarios.push(s);
  it(title, async () => {
    const failed = await s.outcome;
    if (failed) throw failed.error;
  });
}

// ── helpers ─────────────────────────────────────────────────────────────────────────────────────
async function eventually<T>(
  what: string,
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 60_000,
) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value as T;
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Tasks this test already decided: their close may still be on its way to the fake tasks service. */
const decidedKeys = new Set<string>();
const taskOpen = (workflowId: string, step: string) =>
  eventually(`an open ${step} task in ${workflowId}`, () =>
    tasks
      .list(workflowId, step)
      .find((t) => t.status === 'open' && !decidedKeys.has(`${workflowId}/${t.taskKey}`)),
  );

function startCase(input: EnforcementCaseInput): Promise<WorkflowHandle<typeof enforcementCase>> {
  return env.client.workflow.start<typeof enforcementCase>('enforcementCase', {
    taskQueue: TASK_QUEUES.workflows,
    workflowId: enforcementCaseWorkflowId(input.caseId),
    args: [input],
  });
}

function startReferral(
  input: CriminalReferralInput,
  taskQueue: string = TASK_QUEUES.workflows,
): Promise<WorkflowHandle<typeof criminalReferral>> {
  return env.client.workflow.start<typeof criminalReferral>('criminalReferral', {
    taskQueue,
    workflowId: criminalReferralWorkflowId(input.referralId),
    args: [input],
  });
}

/** What the tasks service sends when an authorised user completes a task. */
function decide(
  task: FakeTask,
  decision: string,
  actor: TaskDecisionPayload['actor'],
  extra: { comment?: string; data?: Record<string, unknown>; attachments?: string[] } = {},
): Promise<TaskDecisionResult> {
  const payload: TaskDecisionPayload = {
    taskId: task.taskId,
    taskKey: task.taskKey,
    decision,
    comment: extra.comment ?? '',
    data: extra.data ?? {},
    attachments: extra.attachments ?? [],
    actor,
    decidedAt: new Date().toISOString(),
  };
  return env.client.workflow
    .getHandle(task.workflowId)
    .executeUpdate<TaskDecisionResult, [TaskDecisionPayload]>(TASK_DECIDE_UPDATE, { args: [payload] })
    .then((r) => {
      decidedKeys.add(`${task.workflowId}/${task.taskKey}`);
      return r;
    });
}

async function act(
  workflowId: string,
  step: string,
  decision: string,
  actor: TaskDecisionPayload['actor'],
  extra: { comment?: string; data?: Record<string, unknown>; attachments?: string[] } = {},
) {
  const t = await taskOpen(workflowId, step);
  await decide(t, decision, actor, extra);
  return t;
}

const caseState = (workflowId: string): Promise<EnforcementCaseStateView> =>
  env.client.workflow.getHandle(workflowId).query(enforcementCaseStateQuery);
const referralState = (workflowId: string): Promise<ReferralStateView> =>
  env.client.workflow.getHandle(workflowId).query(referralStateQuery);
/** The workflow's calendar "now" (a day per second ahead of wall time in these tests). */
const calendarNow = async (workflowId: string, kind: 'case' | 'referral') =>
  Date.parse((kind === 'case' ? await caseState(workflowId) : await referralState(workflowId)).calendarNow);
const iso = (ms: number) => new Date(ms).toISOString();

const rejectionType = (p: Promise<unknown>) =>
  p.then(
    () => 'accepted',
    (e: { cause?: { type?: string } }) => e.cause?.type ?? String(e),
  );

const submission = (over: Partial<SubmitReferralInput> = {}): SubmitReferralInput => ({
  by: OFFICERS[0],
  reportedAt: new Date().toISOString(),
  officers: OFFICERS,
  documents: [...REFERRAL_DOCUMENT_KINDS],
  ...over,
});

async function submit(workflowId: string, over: Partial<SubmitReferralInput> = {}) {
  await taskOpen(workflowId, 'preparePackage');
  const reportedAt = iso(await calendarNow(workflowId, 'referral'));
  return env.client.workflow
    .getHandle(workflowId)
    .executeUpdate(submitReferralUpdate, { args: [submission({ reportedAt, ...over })] });
}

const PARTIES = [
  { kind: 'unit', name: '重庆贾嗣化工有限公司', fineYuan: 30000 },
  { kind: 'principal', name: '张三（主要负责人）', fineYuan: 5000 },
];

/** 立案 → 调查 → 审查 → 告知 (waived) → 决定 (penalize) → 送达 → 执行 (paid), with no detours. */
async function quickPenalty(wf: string, decisionData: Record<string, unknown> = {}) {
  await act(wf, 'approveFiling', 'file', ACTORS.head);
  await act(wf, 'investigate', 'submit', ACTORS.inspector, {
    data: { parties: PARTIES, summary: '现场检查', legalBasis: '安全生产法第一百零二条' },
  });
  await act(wf, 'legalReview', 'pass', ACTORS.legal);
  await act(wf, 'respondToNotice', 'waive', ACTORS.enterprise);
  await act(wf, 'decide', 'penalize', ACTORS.head, {
    data: { parties: PARTIES, decidedAt: iso(await calendarNow(wf, 'case')), ...decisionData },
  });
  await act(wf, 'serve', 'served', ACTORS.inspector);
  await act(wf, 'recordExecution', 'paid', ACTORS.inspector);
}

const REINSPECTION_OK = { opinion: '隐患已整改到位', reviewers: ['陈明', '刘洋'], unitSigned: true };

/** Finished workflows whose histories the last test replays (and, when recording, saves). */
const finished: { name: string; workflowId: string }[] = [];
const keep = (name: string, workflowId: string) => finished.push({ name, workflowId });

// ── enforcement cases ───────────────────────────────────────────────────────────────────────────
describe('enforcementCase', () => {
  scenario(
    '立案 → 调查 (一案双罚) → 审查退回 → 陈述申辩 → 处罚决定 → 送达 → 执行; early 复查 application → passed → closed',
    async () => {
      const caseId = 'C1';
      const wf = enforcementCaseWorkflowId(caseId);
      const handle = await startCase(caseInput(caseId));
      const apply = () =>
        rejectionType(
          handle.executeUpdate(applyReinspectionUpdate, {
            args: [
              { by: { username: 'enterprise.jiasi', name: '李四' }, note: '已整改完毕', evidence: ['f-1'] },
            ],
          }),
        );

      let t = await taskOpen(wf, 'approveFiling');
      expect(t.request.candidates).toEqual([{ role: 'leader', orgUnitCode: 'jiangjin.dept.yingji' }]);
      expect(t.request.titleZh).toBe('立案审批：液氨储罐区未设置泄漏报警装置（津应急罚〔2026〕C1号）');
      expect(await rejectionType(decide(t, 'reject', ACTORS.head))).toBe('CommentRequired');
      await decide(t, 'file', ACTORS.head);
      await act(wf, 'investigate', 'submit', ACTORS.inspector, { data: { parties: PARTIES.slice(0, 1) } });
      await act(wf, 'legalReview', 'return', ACTORS.legal, { comment: '未查明主要负责人责任' });
      t = await taskOpen(wf, 'investigate');
      expect(t.taskKey).toBe('investigate#2');
      await decide(t, 'submit', ACTORS.inspector, { data: { parties: PARTIES } });
      await act(wf, 'legalReview', 'pass', ACTORS.legal);
      t = await taskOpen(wf, 'respondToNotice');
      expect(t.request.candidates).toEqual([{ role: 'enterprise', orgUnitCode: 'ent:91500116MA5U7KJ200' }]);
      await decide(t, 'statement', ACTORS.enterprise, { comment: '已于检查当日开始整改，请求从轻处罚' });
      const now = await calendarNow(wf, 'case');
      await act(wf, 'decide', 'penalize', ACTORS.head, {
        data: { parties: PARTIES, decidedAt: iso(now), rectificationDeadlineAt: iso(now + 60 * DAY) },
      });
      // Not rectifying yet: the application is refused.
      await taskOpen(wf, 'serve');
      expect(await apply()).toBe('NotApplicable');
      await act(wf, 'serve', 'served', ACTORS.inspector, {
        data: { servedAt: iso(now + DAY / 2), method: '直接送达' },
      });
      await act(wf, 'recordExecution', 'paid', ACTORS.inspector);

      await eventually('rectifying', async () => (await caseState(wf)).stage === 'executing');
      const applying = await calendarNow(wf, 'case');
      const applied = await handle.executeUpdate(applyReinspectionUpdate, {
        args: [{ by: { username: 'enterprise.jiasi', name: '李四' }, note: '已整改完毕', evidence: ['f-1'] }],
      });
      expect(await apply()).toBe('NotApplicable');
      t = await taskOpen(wf, 'reinspect');
      // 复查 within 10 days of the application (B4 第十七条), not of the deadline 60 days away.
      expect(Date.parse(applied.reinspectionDueAt) - applying).toBeLessThanOrEqual(13 * DAY);
      expect(Date.parse(applied.reinspectionDueAt) - applying).toBeGreaterThanOrEqual(10 * DAY);
      expect((await caseState(wf)).reinspectionDueAt).toBe(applied.reinspectionDueAt);
      await decide(t, 'passed', ACTORS.inspector, {
        data: { ...REINSPECTION_OK, inspectedAt: iso(now + 2 * DAY) },
      });

      const result: EnforcementCaseResult = await handle.result();
      expect(result).toMatchObject({ caseId, stage: 'closed', referralId: null });
      expect(enforcement.eventTypes('case', caseId)).toEqual([
        'case.filingRequested',
        'case.filed',
        'investigation.submitted',
        'review.returned',
        'investigation.submitted',
        'review.passed',
        'notice.issued',
        'notice.statement',
        'decision.penalized',
        'service.served',
        'execution.paid',
        'reinspection.applied',
        'reinspection.passed',
        'case.closed',
      ]);
      const penalized = enforcement.events.find(
        (e) => e.subject.id === caseId && e.type === 'decision.penalized',
      )!;
      expect(penalized.summaryZh).toBe(
        '王局 作出行政处罚决定，处罚当事人2个，罚款合计35000元（重庆贾嗣化工有限公司 罚款30000元；张三（主要负责人） 罚款5000元）',
      );
      expect(enforcement.caseStageTrail(caseId)).toEqual([
        'filing',
        'investigating',
        'reviewing',
        'investigating',
        'reviewing',
        'notifying',
        'deciding',
        'serving',
        'executing',
        'executing',
        'reinspecting',
        'reinspecting',
        'closed',
      ]);
      const serving = enforcement.caseStages.find((s) => s.caseId === caseId && s.stage === 'serving')!;
      expect(serving.patch).toMatchObject({ parties: PARTIES, decidedAt: iso(now) });
      expect(enforcement.actions.filter((a) => a.caseId === caseId).map((a) => a.kind)).toEqual([
        'rectificationOrder',
      ]);
      expect(tasks.list(wf).filter((x) => x.status === 'open')).toEqual([]);
      expect(tasks.list(wf, 'breachFollowUp')).toEqual([]);
      keep('case-passed', wf);
    },
  );

  scenario(
    '听证 → 送达 late (one breach, one 督办) → 拒不履行 → 法院强制执行; deadline → 复查 failed → 按日连续处罚 → 复查 passed',
    async () => {
      const caseId = 'C2';
      const wf = enforcementCaseWorkflowId(caseId);
      const handle = await startCase(caseInput(caseId));
      await act(wf, 'approveFiling', 'file', ACTORS.head);
      await act(wf, 'investigate', 'submit', ACTORS.inspector, { data: { parties: PARTIES } });
      await act(wf, 'legalReview', 'pass', ACTORS.legal);
      await act(wf, 'respondToNotice', 'requestHearing', ACTORS.enterprise);
      await act(wf, 'holdHearing', 'held', ACTORS.inspector, { data: { summary: '当事人到场陈述' } });
      const decidedAt = await calendarNow(wf, 'case');
      await act(wf, 'decide', 'penalize', ACTORS.head, {
        data: { parties: PARTIES, decidedAt: iso(decidedAt), rectificationDeadlineAt: iso(decidedAt + DAY) },
      });

      // 送达 within rules.service (2 days here): nobody serves; at the due instant one breach, one 督办.
      const serve = await taskOpen(wf, 'serve');
      const followUp = await taskOpen(wf, 'breachFollowUp');
      expect(followUp.request.candidates).toEqual([{ role: 'ops', orgUnitCode: 'jiangjin.anweiban' }]);
      expect(tasks.open(wf, 'serve')).toBe(serve); // the step itself stays open
      await eventually('the overdue notice', () => serve.reminders.some((r) => r.kind === 'overdue'));
      await decide(serve, 'served', ACTORS.inspector);
      await decide(followUp, 'acknowledged', ACTORS.ops, { comment: '已督促送达' });

      // The decision's rectification deadline (a day after it) has passed meanwhile: 复查 is due now.
      await act(wf, 'recordExecution', 'refused', ACTORS.inspector, { comment: '逾期未缴纳罚款' });
      await act(wf, 'recordExecution', 'enforcedByCourt', ACTORS.inspector, {
        comment: '已申请法院强制执行',
      });
      let t = await taskOpen(wf, 'reinspect');
      await decide(t, 'failed', ACTORS.inspector, {
        comment: '报警装置仍未安装',
        data: { opinion: '未整改', reviewers: ['陈明', '刘洋'], unitSigned: false, refusedToRectify: true },
      });
      t = await taskOpen(wf, 'escalate');
      expect(await rejectionType(decide(t, 'dailyFine', ACTORS.head))).toBe('CommentRequired');
      const now = await calendarNow(wf, 'case');
      await decide(t, 'dailyFine', ACTORS.head, {
        comment: '自责令改正之日的次日起按原处罚数额按日连续处罚',
        data: { dailyAmountYuan: 30000, newDeadlineAt: iso(now + 4 * DAY) },
      });
      t = await taskOpen(wf, 'reinspect');
      expect(t.taskKey).toBe('reinspect#2');
      await decide(t, 'passed', ACTORS.inspector, { data: REINSPECTION_OK });
      expect((await handle.result()).stage).toBe('closed');

      const types = enforcement.eventTypes('case', caseId);
      expect(types.filter((x) => x === 'service.breached')).toHaveLength(1);
      for (const type of [
        'notice.hearingRequested',
        'hearing.held',
        'deadline.followedUp',
        'execution.refused',
        'execution.enforcedByCourt',
        'rectification.deadlineReached',
        'reinspection.failed',
        'escalation.dailyFine',
        'reinspection.passed',
      ])
        expect(types).toContain(type);
      // A 一般隐患: no suspected crime however the enterprise behaved.
      expect(types).not.toContain('crime.flagged');
      expect(tasks.list(wf, 'breachFollowUp')).toHaveLength(1);
      expect(tasks.list(wf, 'proposeReferral')).toEqual([]);
      expect(enforcement.actions.filter((a) => a.caseId === caseId)).toEqual([
        { caseId, kind: 'rectificationOrder', amountYuan: null, deadlineAt: iso(decidedAt + DAY) },
        { caseId, kind: 'dailyFine', amountYuan: 30000, deadlineAt: iso(now + 4 * DAY) },
      ]);
      expect(enforcement.caseStageTrail(caseId)).toContain('escalated');
      keep('case-failed-escalated', wf);
    },
  );

  scenario(
    '重大隐患 refused after a stop order → 危险作业罪 flagged → proposeReferral → criminalReferral child; 停产整顿 → passed',
    async () => {
      const caseId = 'C3';
      const wf = enforcementCaseWorkflowId(caseId);
      const handle = await startCase(
        caseInput(caseId, {
          worstGrade: 'major',
          stopOrdered: true,
          rectificationDeadlineAt: iso(Date.now() + 6 * DAY),
        }),
      );
      await quickPenalty(wf, {
        parties: [
          ...PARTIES,
          { kind: 'directlyResponsibleManager', name: '王五（安全总监）', fineYuan: 5000 },
        ],
      });
      // The inspection's deadline passes without an application.
      let t = await taskOpen(wf, 'reinspect');
      await decide(t, 'failed', ACTORS.inspector, {
        comment: '拒不整改，停产指令下达后仍在生产',
        data: {
          opinion: '未整改',
          reviewers: ['陈明', '刘洋'],
          unitSigned: false,
          continuedDespiteStopOrder: true,
        },
      });
      const propose = await taskOpen(wf, 'proposeReferral');
      expect(propose.request.candidates).toEqual([{ role: 'leader', orgUnitCode: 'jiangjin.dept.yingji' }]);
      expect((await caseState(wf)).suspectedCrime).toBe('dangerousOperation');
      await eventually('the flag on the case record', () =>
        enforcement.caseStages.some(
          (s) => s.caseId === caseId && s.patch.suspectedCrime === 'dangerousOperation',
        ),
      );
      expect(await rejectionType(decide(propose, 'noReferral', ACTORS.head))).toBe('CommentRequired');
      await decide(propose, 'refer', ACTORS.head, { comment: '涉嫌危险作业罪，移送公安机关' });

      const referralId = `${caseId}-R1`;
      const rwf = criminalReferralWorkflowId(referralId);
      const prepare = await taskOpen(rwf, 'preparePackage');
      expect(prepare.request.candidates).toEqual([
        { role: 'inspector', orgUnitCode: 'jiangjin.dept.yingji' },
      ]);
      await eventually(
        'the referral recorded on the case',
        async () => (await caseState(wf)).referralId === referralId,
      );
      expect(enforcement.referrals).toContainEqual({
        caseId,
        referralId,
        reason: '涉嫌危险作业罪，移送公安机关',
      });

      // The case goes on: 停产整顿 with a new deadline, then a passed 复查 lifts the suspension.
      t = await taskOpen(wf, 'escalate');
      const now = await calendarNow(wf, 'case');
      await decide(t, 'suspend', ACTORS.head, {
        comment: '责令停产停业整顿',
        data: { newDeadlineAt: iso(now + DAY) },
      });
      await act(wf, 'reinspect', 'passed', ACTORS.inspector, { data: REINSPECTION_OK });
      expect(await handle.result()).toMatchObject({ stage: 'closed', referralId });
      expect(enforcement.actions.filter((a) => a.caseId === caseId).map((a) => a.kind)).toEqual([
        'suspensionOrder',
        'suspensionLifted',
      ]);
      const types = enforcement.eventTypes('case', caseId);
      expect(types).toEqual(
        expect.arrayContaining(['reinspection.failed', 'crime.flagged', 'referral.proposed']),
      );
      expect(types.indexOf('crime.flagged')).toBeLessThan(types.indexOf('referral.proposed'));
      expect(
        enforcement.events.find((e) => e.subject.id === caseId && e.type === 'crime.flagged')!.summaryZh,
      ).toBe('涉嫌危险作业罪（刑法第一百三十四条之一）：重大事故隐患被责令停产停业后拒不执行');

      // The referral outlives the case (ABANDON); here the head does not approve it.
      await submit(rwf);
      await act(rwf, 'headDecision', 'reject', ACTORS.head, { comment: '证据不足，继续行政处罚' });
      const referral: CriminalReferralResult = await env.client.workflow.getHandle(rwf).result();
      expect(referral).toMatchObject({ referralId, stage: 'notApproved', registered: false });
      expect(enforcement.referralStageTrail(referralId)).toEqual([
        'preparing',
        'headDecision',
        'notApproved',
      ]);
      keep('case-major-refused-referral', wf);
      keep('referral-not-approved', rwf);
    },
  );
});

// ── referrals ───────────────────────────────────────────────────────────────────────────────────
const REGISTERED_PATH: ReferralDeadlineKind[] = [
  'headDecision',
  'transfer',
  'policeDecision',
  'policeNotice',
  'handover',
];

describe('criminalReferral', () => {
  scenario(
    'package validated → approved → transferred → (worker restart) → received → registered → notice → handover → outcome → closed',
    async () => {
      const referralId = 'R1';
      const rwf = criminalReferralWorkflowId(referralId);
      const handle = await startReferral(referralInput(referralId), RESTART_QUEUE);
      const prepare = await taskOpen(rwf, 'preparePackage');
      // Only the submit Update completes the package; the generic decide is refused.
      expect(await rejectionType(decide(prepare, 'submit', ACTORS.inspector))).toBe('DecisionNotAllowed');
      const now = await calendarNow(rwf, 'referral');
      const ask = (over: Partial<SubmitReferralInput>) =>
        rejectionType(
          handle.executeUpdate(submitReferralUpdate, {
            args: [submission({ reportedAt: iso(now), ...over })],
          }),
        );
      expect(
        await ask({ documents: ['transferLetter', 'investigationReport', 'itemList', 'otherMaterial'] }),
      ).toBe('DocumentsMissing');
      expect(await ask({ officers: OFFICERS.slice(0, 1) })).toBe('OfficersMissing');
      expect(await ask({ reportedAt: iso(now + 2 * DAY) })).toBe('DateOrder');
      const submitted = await handle.executeUpdate(submitReferralUpdate, {
        args: [submission({ reportedAt: iso(now) })],
      });
      expect(submitted).toEqual({
        accepted: true,
        taskKey: 'preparePackage#1',
        headDecisionDueAt: iso(deadlineAfter(now, TEST_RULES.referral.headDecision)),
      });
      expect(await ask({})).toBe('NotApplicable');
      await eventually('the package task closed', () => prepare.status === 'closed');
      expect(prepare).toMatchObject({ outcome: 'completed', decision: 'submit' });

      const head = await taskOpen(rwf, 'headDecision');
      expect(head.request.candidates).toEqual([{ role: 'leader', orgUnitCode: 'jiangjin.dept.yingji' }]);
      await decide(head, 'approve', ACTORS.head);
      await act(rwf, 'transfer', 'transferred', ACTORS.inspector, {
        data: { policeUnit: '江津区公安分局治安支队' },
      });
      await taskOpen(rwf, 'recordReceipt');

      // The worker stops mid-referral; a new one picks the execution up from its history.
      restartable.shutdown();
      await eventually('the worker stopped', () => restartable.getState() === 'STOPPED');
      restartable = runWorker(await createWorkflowWorker(RESTART_QUEUE));

      await act(rwf, 'recordReceipt', 'received', ACTORS.liaison, {
        data: { receiptNo: '津公受〔2026〕88号' },
      });
      await act(rwf, 'recordPoliceDecision', 'registered', ACTORS.liaison);
      await act(rwf, 'recordPoliceNotice', 'noticeReceived', ACTORS.liaison, {
        data: { copiedToProcuratorate: true },
      });
      await act(rwf, 'handover', 'handedOver', ACTORS.inspector, {
        data: { items: ['报警控制器', '监控录像'] },
      });
      await act(rwf, 'recordOutcome', 'prosecuted', ACTORS.liaison, {
        data: { summary: '检察院已提起公诉' },
      });
      expect(await handle.result()).toMatchObject({ referralId, stage: 'closed', registered: true });

      expect(enforcement.referralStageTrail(referralId)).toEqual([
        'preparing',
        'headDecision',
        'transferring',
        'awaitingReceipt',
        'policeReview',
        'awaitingNotice',
        'handover',
        'outcome',
        'closed',
      ]);
      const started = enforcement.deadlinesOf(referralId).filter((d) => d.startedAt);
      expect(started.map((d) => d.kind)).toEqual(REGISTERED_PATH);
      expect(started[0]).toMatchObject({ startedAt: iso(now) }); // the head's 3 days run from the report
      expect(
        enforcement
          .deadlinesOf(referralId)
          .filter((d) => d.metAt)
          .map((d) => d.kind),
      ).toEqual(REGISTERED_PATH);
      expect(enforcement.breaches(referralId)).toEqual([]);
      expect(enforcement.eventTypes('referral', referralId)).toEqual([
        'referral.opened',
        'package.submitted',
        'head.approved',
        'transfer.done',
        'receipt.recorded',
        'police.registered',
        'notice.received',
        'handover.done',
        'outcome.prosecuted',
        'referral.closed',
      ]);
      // Each step opened once, across the restart.
      expect(tasks.list(rwf).map((t) => t.taskKey)).toEqual([
        'preparePackage#1',
        'headDecision#1',
        'transfer#1',
        'recordReceipt#1',
        'recordPoliceDecision#1',
        'recordPoliceNotice#1',
        'handover#1',
        'recordOutcome#1',
      ]);
      keep('referral-registered', rwf);
    },
  );

  scenario('declined → 复议 → upheld → 检察院立案监督 → not registered → closed', async () => {
    const referralId = 'R2';
    const rwf = criminalReferralWorkflowId(referralId);
    const handle = await startReferral(referralInput(referralId));
    await submit(rwf);
    await act(rwf, 'headDecision', 'approve', ACTORS.head);
    await act(rwf, 'transfer', 'transferred', ACTORS.inspector, { data: { policeUnit: '江津区公安分局' } });
    const received = await calendarNow(rwf, 'referral');
    await act(rwf, 'recordReceipt', 'received', ACTORS.liaison, { data: { receivedAt: iso(received) } });
    await act(rwf, 'recordPoliceDecision', 'declined', ACTORS.liaison, { data: { reasons: '不构成犯罪' } });
    await act(rwf, 'recordPoliceNotice', 'noticeReceived', ACTORS.liaison, {
      data: { copiedToProcuratorate: true },
    });
    const choice = await taskOpen(rwf, 'chooseReconsideration');
    expect(await rejectionType(decide(choice, 'accept', ACTORS.head))).toBe('CommentRequired');
    await decide(choice, 'reconsider', ACTORS.head);
    await act(rwf, 'recordReconsiderationAnswer', 'upheld', ACTORS.liaison);
    await act(rwf, 'requestProcuratorate', 'requested', ACTORS.inspector);
    await act(rwf, 'recordProcuratorateOutcome', 'notRegistered', ACTORS.liaison, {
      data: { summary: '检察院认为不需立案' },
    });
    expect(await handle.result()).toMatchObject({ stage: 'closed', registered: false });

    expect(enforcement.referralStageTrail(referralId)).toEqual([
      'preparing',
      'headDecision',
      'transferring',
      'awaitingReceipt',
      'policeReview',
      'awaitingNotice',
      'reconsiderationChoice',
      'reconsideration',
      'procuratorate',
      'procuratorate',
      'closed',
    ]);
    const kinds: ReferralDeadlineKind[] = [
      'headDecision',
      'transfer',
      'policeDecision',
      'policeNotice',
      'reconsiderationRequest',
      'reconsiderationAnswer',
      'procuratorateRequest',
    ];
    expect(
      enforcement
        .deadlinesOf(referralId)
        .filter((d) => d.metAt)
        .map((d) => d.kind),
    ).toEqual(kinds);
    // The police's 3 days run from the receipt date the liaison entered.
    expect(enforcement.deadlinesOf(referralId, 'policeDecision')[0]).toMatchObject({
      startedAt: iso(received),
      dueAt: iso(deadlineAfter(received, TEST_RULES.referral.policeDecision)),
    });
    expect(enforcement.breaches(referralId)).toEqual([]);
    expect(enforcement.eventTypes('referral', referralId)).toEqual(
      expect.arrayContaining([
        'police.declined',
        'reconsideration.requested',
        'reconsideration.upheld',
        'procuratorate.requested',
        'procuratorate.notRegistered',
      ]),
    );
    keep('referral-declined-procuratorate', rwf);
  });

  /** Leaves the step open until its deadline passes: one alert, one 督办 task, the step still open. */
  async function breachThenDo(
    rwf: string,
    referralId: string,
    kind: ReferralDeadlineKind,
    step: string,
    decision: string,
    actor: TaskDecisionPayload['actor'],
    comment = '',
  ) {
    const task = await taskOpen(rwf, step);
    const breach = await eventually(`the ${kind} breach`, () =>
      enforcement.deadlinesOf(referralId, kind).find((d) => d.breachedAt !== undefined),
    );
    const started = enforcement.deadlinesOf(referralId, kind).find((d) => d.startedAt)!;
    expect(breach.breachedAt).toBe(started.dueAt);
    // The alert came when the (scaled) calendar reached the due instant, not earlier.
    expect(await calendarNow(rwf, 'referral')).toBeGreaterThanOrEqual(Date.parse(started.dueAt!));
    const followUp = await eventually(`the ${kind} follow-up`, () =>
      tasks.list(rwf, 'breachFollowUp').find((t) => t.request.formData?.kind === kind),
    );
    expect(followUp.request.candidates).toEqual([{ role: 'ops', orgUnitCode: 'jiangjin.anweiban' }]);
    expect(task.status).toBe('open');
    await decide(task, decision, actor, { comment });
    return followUp;
  }

  scenario(
    'each deadline of the registered path breached: one alert and one 督办 each (3 days, 24 hours)',
    async () => {
      const referralId = 'R3';
      const rwf = criminalReferralWorkflowId(referralId);
      const handle = await startReferral(referralInput(referralId));
      await submit(rwf);
      const first = await breachThenDo(
        rwf,
        referralId,
        'headDecision',
        'headDecision',
        'approve',
        ACTORS.head,
      );
      await decide(first, 'acknowledged', ACTORS.ops, { comment: '已电话督促' });
      await breachThenDo(rwf, referralId, 'transfer', 'transfer', 'transferred', ACTORS.inspector);
      await act(rwf, 'recordReceipt', 'received', ACTORS.liaison);
      await breachThenDo(
        rwf,
        referralId,
        'policeDecision',
        'recordPoliceDecision',
        'registered',
        ACTORS.liaison,
      );
      await breachThenDo(
        rwf,
        referralId,
        'policeNotice',
        'recordPoliceNotice',
        'noticeReceived',
        ACTORS.liaison,
      );
      await breachThenDo(rwf, referralId, 'handover', 'handover', 'handedOver', ACTORS.inspector);
      await act(rwf, 'recordOutcome', 'judged', ACTORS.liaison);
      expect(await handle.result()).toMatchObject({ stage: 'closed', registered: true });

      expect(enforcement.breaches(referralId)).toEqual(REGISTERED_PATH);
      expect(tasks.list(rwf, 'breachFollowUp').map((t) => t.request.formData?.kind)).toEqual(REGISTERED_PATH);
      // The acknowledged one is completed; the others closed with the referral.
      expect(tasks.list(rwf, 'breachFollowUp').map((t) => t.outcome)).toEqual([
        'completed',
        'cancelled',
        'cancelled',
        'cancelled',
        'cancelled',
      ]);
      expect(
        enforcement.eventTypes('referral', referralId).filter((x) => x === 'deadline.breached'),
      ).toHaveLength(5);
      expect(enforcement.eventTypes('referral', referralId)).toContain('deadline.followedUp');
      // The transfer deadline is 24 hours from the approval, exactly.
      const transfer = enforcement.deadlinesOf(referralId, 'transfer')[0];
      expect(Date.parse(transfer.dueAt!) - Date.parse(transfer.startedAt!)).toBe(DAY);
      keep('referral-breaches-registered', rwf);
    },
  );

  scenario(
    'each deadline of the refusal path breached once: 复议 request, 复议 answer, 检察院 request',
    async () => {
      const referralId = 'R4';
      const rwf = criminalReferralWorkflowId(referralId);
      const handle = await startReferral(referralInput(referralId));
      await submit(rwf);
      await act(rwf, 'headDecision', 'approve', ACTORS.head);
      await act(rwf, 'transfer', 'transferred', ACTORS.inspector);
      await act(rwf, 'recordReceipt', 'received', ACTORS.liaison);
      await act(rwf, 'recordPoliceDecision', 'declined', ACTORS.liaison);
      await act(rwf, 'recordPoliceNotice', 'noticeReceived', ACTORS.liaison);
      await breachThenDo(
        rwf,
        referralId,
        'reconsiderationRequest',
        'chooseReconsideration',
        'reconsider',
        ACTORS.head,
      );
      await breachThenDo(
        rwf,
        referralId,
        'reconsiderationAnswer',
        'recordReconsiderationAnswer',
        'upheld',
        ACTORS.liaison,
      );
      await breachThenDo(
        rwf,
        referralId,
        'procuratorateRequest',
        'requestProcuratorate',
        'requested',
        ACTORS.inspector,
      );
      await act(rwf, 'recordProcuratorateOutcome', 'registered', ACTORS.liaison);
      await act(rwf, 'handover', 'handedOver', ACTORS.inspector);
      await act(rwf, 'recordOutcome', 'prosecuted', ACTORS.liaison);
      expect(await handle.result()).toMatchObject({ stage: 'closed', registered: true });
      expect(enforcement.breaches(referralId)).toEqual([
        'reconsiderationRequest',
        'reconsiderationAnswer',
        'procuratorateRequest',
      ]);
      expect(tasks.list(rwf, 'breachFollowUp')).toHaveLength(3);
      keep('referral-breaches-refusal', rwf);
    },
  );

  scenario('the rule decides working vs natural days: a report dated before National Day', async () => {
    const reportedAt = '2025-09-30T02:00:00.000Z';
    const run = async (referralId: string, unit: 'workingDays' | 'naturalDays') => {
      const rules = {
        ...TEST_RULES,
        referral: { ...TEST_RULES.referral, headDecision: { amount: 3, unit } },
      };
      const rwf = criminalReferralWorkflowId(referralId);
      const handle = await startReferral(referralInput(referralId, { rules }));
      await submit(rwf, { reportedAt });
      // Long past: the clock is breached at once, exactly once.
      await breachThenDo(
        rwf,
        referralId,
        'headDecision',
        'headDecision',
        'reject',
        ACTORS.head,
        '报告已逾期',
      );
      expect(await handle.result()).toMatchObject({ stage: 'notApproved' });
      expect(enforcement.breaches(referralId)).toEqual(['headDecision']);
      return enforcement.deadlinesOf(referralId, 'headDecision').find((d) => d.startedAt)!;
    };
    const [working, natural] = await Promise.all([run('R5W', 'workingDays'), run('R5N', 'naturalDays')]);
    expect(working).toMatchObject({ startedAt: reportedAt, dueAt: '2025-10-11T15:59:59.999Z' });
    expect(natural).toMatchObject({ startedAt: reportedAt, dueAt: '2025-10-03T15:59:59.999Z' });
    keep('referral-working-days', criminalReferralWorkflowId('R5W'));
  });
});

describe('idempotency and recorded histories', () => {
  it('recorded nothing twice, and replays every scenario (saving them with ZHIBEN_RECORD_HISTORIES=1)', async () => {
    await Promise.all(scenarios.map((s) => s.outcome ?? Promise.resolve(null)));
    expect(enforcement.duplicates).toBe(0);
    const histories: { name: string; workflowId: string; history: History }[] = [];
    for (const { name, workflowId } of finished) {
      const history = await env.client.workflow.getHandle(workflowId).fetchHistory();
      // Through the file format, so what gets saved is what replays.
      histories.push({ name, workflowId, history: historyFromJson(historyToJson(history)) });
    }
    expect(histories.length).toBeGreaterThanOrEqual(6);
    for await (const result of Worker.runReplayHistories({ workflowBundle: bundle }, histories)) {
      expect(result.error).toBeUndefined();
    }
    if (RECORD) {
      if (!existsSync(HISTORIES_DIR)) mkdirSync(HISTORIES_DIR, { recursive: true });
      const files = histories.map(({ name, history }) => {
        const file = `${HISTORIES_DIR}/${name}.json`;
        writeFileSync(file, historyToJson(history));
        return file;
      });
      execFileSync(`${REPO_ROOT}/node_modules/.bin/prettier`, ['--write', '--log-level=warn', ...files]);
    }
  });
});
