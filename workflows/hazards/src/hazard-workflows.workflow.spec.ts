/**
 * The hazard workflows on the real worker machinery and a real Temporal dev server, with in-memory
 * activities (testing/fakes.ts) and one day scaled to a second. The scenarios run side by side; the last
 * test replays every run of every scenario through the history file format (non-determinism fails it),
 * and with `ZHIBEN_RECORD_HISTORIES=1` writes them to test/histories for hazard-replay.workflow.spec.ts.
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
  TASK_DECIDE_UPDATE,
  TASK_QUEUES,
  hazardWorkflowId,
  listingWorkflowId,
  type HazardRules,
  type MajorHazardWorkflowInput,
  type TaskDecisionPayload,
  type TaskDecisionResult,
} from '@zhiben/contracts/workflow';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import {
  hazardStateQuery,
  proposeListingUpdate,
  requestExtensionUpdate,
  type HazardStateView,
  type RequestExtensionInput,
} from './hazard.messages';
import type { RectificationResult, majorHazardRectification } from './major-hazard-rectification.workflow';
import {
  CLOSE_OUT_AUTHORITY,
  DAY_MS,
  DISTRICT_OFFICE,
  FakeDirectory,
  FakeHazardsService,
  FakeTasksService,
  type FakeTask,
} from './testing/fakes';
import { ACTORS, ENTERPRISE, TEST_MS_PER_DAY, TEST_RULES, hazardInput } from './testing/fixtures';
import { historyFromJson, historyToJson, type History } from './testing/history-json';
import {
  HAZARD_WORKFLOWS_PATH,
  HISTORIES_DIR,
  REPO_ROOT,
  withZhibenAliases,
} from './testing/workflow-bundle';

jest.setTimeout(90_000);

const TEMPORAL_CLI = process.env.TEMPORAL_CLI_PATH ?? `${homedir()}/.cache/zhiben/bin/temporal`;
const RECORD = process.env.ZHIBEN_RECORD_HISTORIES === '1';
/**
 * A low continue-as-new suggestion threshold, so the scenarios also cross run boundaries (the state
 * carried between stages) instead of only doing so after thousands of events in production.
 */
const SUGGEST_CONTINUE_AS_NEW_AFTER_EVENTS = 120;

const tasks = new FakeTasksService();
const hazards = new FakeHazardsService();
const directory = new FakeDirectory();
let env: TestWorkflowEnvironment;
let bundle: WorkflowBundleWithSourceMap;
let workers: Worker[];
let running: Promise<unknown>;

beforeAll(async () => {
  try {
    Runtime.install({ logger: new DefaultLogger('WARN') });
  } catch {
    // Another suite in this process installed it first.
  }
  [env, bundle] = await Promise.all([
    TestWorkflowEnvironment.createLocal({
      server: {
        executable: { type: 'existing-path', path: TEMPORAL_CLI },
        extraArgs: [
          '--dynamic-config-value',
          `limit.historyCount.suggestContinueAsNew=${SUGGEST_CONTINUE_AS_NEW_AFTER_EVENTS}`,
        ],
      },
    }),
    bundleWorkflowCode({ workflowsPath: HAZARD_WORKFLOWS_PATH, webpackConfigHook: withZhibenAliases }),
  ]);
  const connection = env.nativeConnection;
  workers = await Promise.all([
    Worker.create({ connection, taskQueue: TASK_QUEUES.workflows, workflowBundle: bundle }),
    Worker.create({ connection, taskQueue: TASK_QUEUES.tasks, activities: tasks.activities }),
    Worker.create({ connection, taskQueue: TASK_QUEUES.hazards, activities: hazards.activities }),
    Worker.create({ connection, taskQueue: TASK_QUEUES.directory, activities: directory.activities }),
  ]);
  running = Promise.all(workers.map((w) => w.run()));
  // The scenarios mostly wait on (scaled) timers, so they run side by side; each test awaits its own.
  for (const s of scenarios)
    s.outcome = s.run().then(
      () => null,
      (error: unknown) => ({ error }),
    );
}, 120_000);

afterAll(async () => {
  for (const w of workers ?? []) if (w.getState() === 'RUNNING') w.shutdown();
  await running;
  await env?.teardown();
});

// ── scenarios run concurrently ──────────────────────────────────────────────────────────────────
interface Scenario {
  run: () => Promise<void>;
  outcome?: Promise<{ error: unknown } | null>;
}
const scenarios: Scenario[] = [];

/** A test whose body starts with the others once the worker runs; the test reports its outcome. */
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
  probe: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 20_000,
) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value as T;
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const taskOpen = (workflowId: string, step: string) =>
  eventually(`an open ${step} task in ${workflowId}`, () => tasks.open(workflowId, step));

function start(input: MajorHazardWorkflowInput): Promise<WorkflowHandle<typeof majorHazardRectification>> {
  return env.client.workflow.start<typeof majorHazardRectification>('majorHazardRectification', {
    taskQueue: TASK_QUEUES.workflows,
    workflowId: hazardWorkflowId(input.hazardId),
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
    .executeUpdate<TaskDecisionResult, [TaskDecisionPayload]>(TASK_DECIDE_UPDATE, { args: [payload] });
}

const state = (workflowId: string): Promise<HazardStateView> =>
  env.client.workflow.getHandle(workflowId).query(hazardStateQuery);

const rejectionType = (p: Promise<unknown>) =>
  p.then(
    () => 'accepted',
    (e: { cause?: { type?: string } }) => e.cause?.type ?? String(e),
  );

const events = (hazardId: string) => hazards.events.filter((e) => e.hazardId === hazardId);
const inDays = (days: number, from = Date.now()) => new Date(from + days * DAY_MS).toISOString();
/** Scaled time between a task's opening and its due date, in (scaled) days. */
const dueInDays = (task: FakeTask) => (Date.parse(task.request.dueAt!) - task.openedAt) / TEST_MS_PER_DAY;

/** Finished scenarios whose histories the last test replays (and, when recording, saves). */
const finished: { name: string; workflowId: string }[] = [];

function checkHistories(name: string, workflowId: string): void {
  finished.push({ name, workflowId });
}

/** Every run of a workflow, following continue-as-new from the first run. */
async function runsOf(workflowId: string): Promise<History[]> {
  const latest = await env.client.workflow.getHandle(workflowId).describe();
  const runs: History[] = [];
  let runId: string | undefined = latest.raw.workflowExecutionInfo?.firstRunId || latest.runId;
  while (runId) {
    const history: History = await env.client.workflow.getHandle(workflowId, runId).fetchHistory();
    runs.push(history);
    const last = history.events?.[history.events.length - 1];
    runId = last?.workflowExecutionContinuedAsNewEventAttributes?.newExecutionRunId ?? undefined;
  }
  return runs;
}

function expectNoDuplicateRecords() {
  expect(hazards.duplicates).toBe(0);
}

// ── scenarios ───────────────────────────────────────────────────────────────────────────────────
describe('majorHazardRectification — major hazard', () => {
  scenario(
    'registration → plan → 退回 → resubmit → approve → progress → acceptance → 销号 → closed',
    async () => {
      const hazardId = 'H1';
      const wf = hazardWorkflowId(hazardId);
      const handle = await start(hazardInput(hazardId));

      let t = await taskOpen(wf, 'submitPlan');
      expect(t.request.candidates).toEqual([
        { role: 'enterprise', orgUnitCode: `ent:${ENTERPRISE.creditCode}` },
      ]);
      expect(t.request.decisions.map((d) => d.code)).toEqual(['submit']);
      expect(t.request.titleZh).toBe('提交重大事故隐患整改方案：液氨储罐区未设置泄漏报警装置（JS-2026-H1）');
      await decide(t, 'submit', ACTORS.enterprise, { data: { planVersion: 1 } });

      t = await taskOpen(wf, 'reviewPlan');
      expect(t.taskKey).toBe('reviewPlan#1');
      expect(t.request.candidates).toEqual([
        { role: 'official', orgUnitCode: 'jiangjin.jiasi' },
        { role: 'official', orgUnitCode: 'jiangjin.dept.yingji' },
      ]);
      // The validator: a decision the step does not allow, and 退回 without 审批意见.
      expect(await rejectionType(decide(t, 'pass', ACTORS.town))).toBe('DecisionNotAllowed');
      expect(await rejectionType(decide(t, 'return', ACTORS.town, { comment: '  ' }))).toBe(
        'CommentRequired',
      );
      await decide(t, 'return', ACTORS.town, { comment: '应急预案缺失，资金未落实' });

      t = await taskOpen(wf, 'submitPlan');
      expect(t.taskKey).toBe('submitPlan#2');
      await decide(t, 'submit', ACTORS.enterprise, { data: { planVersion: 2 } });
      t = await taskOpen(wf, 'reviewPlan');
      await decide(t, 'approve', ACTORS.department, { comment: '同意' });

      t = await taskOpen(wf, 'progressReport');
      await decide(t, 'report', ACTORS.enterprise, { comment: '泄漏报警装置已采购，待安装' });
      t = await taskOpen(wf, 'applyAcceptance');
      await decide(t, 'apply', ACTORS.enterprise, { attachments: ['att-acceptance-1'] });

      t = await taskOpen(wf, 'reviewAcceptance');
      // 验收 within 10 days of the application (B1/B5), scaled: the end of the 10th day after today.
      expect(dueInDays(t)).toBeGreaterThan(9.5); // openedAt is when the activity ran (lags under load)
      expect(dueInDays(t)).toBeLessThanOrEqual(11);
      await decide(t, 'pass', ACTORS.town, { comment: '现场验收合格' });

      t = await taskOpen(wf, 'approveCloseOut');
      expect(t.request.candidates).toEqual([{ role: 'official', orgUnitCode: CLOSE_OUT_AUTHORITY.code }]);
      await decide(t, 'approve', ACTORS.department);

      const result: RectificationResult = await handle.result();
      expect(result.status).toBe('closed');

      expect(hazards.approvals.filter((a) => a.hazardId === hazardId).map((a) => a.planVersion)).toEqual([2]);
      expect(hazards.eventTypes(hazardId)).toEqual([
        'plan.requested',
        'plan.submitted',
        'plan.returned',
        'plan.submitted',
        'plan.approved',
        'progress.reported',
        'acceptance.applied',
        'acceptance.passed',
        'closeout.approved',
      ]);
      const returned = events(hazardId).find((e) => e.type === 'plan.returned')!;
      expect(returned.summaryZh).toBe('贾嗣镇 张伟 退回整改方案：应急预案缺失，资金未落实');
      expect(returned.actor).toEqual({ username: 'official.jiasi', name: '张伟' });
      expect(events(hazardId).find((e) => e.type === 'closeout.approved')!.summaryZh).toBe(
        '江津区应急管理局 陈明 同意销号，隐患闭环',
      );
      expect(hazards.statusTrail(hazardId)).toEqual([
        'planning',
        'plan_review',
        'planning',
        'plan_review',
        'rectifying',
        'acceptance_review',
        'closeout_review',
        'closed',
      ]);
      // Every task the workflow opened is closed (the pending progress report as cancelled).
      expect(tasks.list(wf).filter((x) => x.status === 'open')).toEqual([]);
      expectNoDuplicateRecords();
      checkHistories('major-happy-path', wf);
    },
  );

  scenario('overdue → 函告 → 通报 → 约谈 → 曝光 → 挂牌督办 (child) → 摘牌 → 销号 → closed', async () => {
    const hazardId = 'H2';
    const wf = hazardWorkflowId(hazardId);
    hazards.planDays.set(hazardId, 1);
    const handle = await start(hazardInput(hazardId));
    await decide(await taskOpen(wf, 'submitPlan'), 'submit', ACTORS.enterprise, { data: { planVersion: 1 } });
    await decide(await taskOpen(wf, 'reviewPlan'), 'approve', ACTORS.town);

    // The deadline passes without an application: each rung is an event and a task for the right unit.
    const letter = await taskOpen(wf, 'issueLetter');
    expect(letter.request.candidates).toEqual([{ role: 'official', orgUnitCode: 'jiangjin.jiasi' }]);
    expect((await state(wf)).status).toBe('overdue');
    await decide(letter, 'done', ACTORS.town, { comment: '已发督促整改函（贾嗣府函〔2026〕3号）' });
    for (const step of ['circulate', 'summon', 'expose']) {
      const t = await taskOpen(wf, step);
      expect(t.request.candidates).toEqual([{ role: 'official', orgUnitCode: DISTRICT_OFFICE.code }]);
    }

    // The listing rung starts listedSupervision; the district office approves the listing.
    const lwf = listingWorkflowId(`${hazardId}-L1`);
    let t = await taskOpen(lwf, 'approveListing');
    expect(t.request.candidates).toEqual([{ role: 'official', orgUnitCode: DISTRICT_OFFICE.code }]);
    await decide(t, 'approve', ACTORS.district, { data: { noticeDeadlineAt: inDays(20) } });
    await eventually('the hazard listed', async () => (await state(wf)).status === 'listed');
    expect((await state(wf)).escalation.climbed).toEqual([
      'letter',
      'circular',
      'summons',
      'exposure',
      'listing',
    ]);

    // The enterprise applies for delisting; the first on-site review fails with a new deadline.
    await decide(await taskOpen(lwf, 'applyDelisting'), 'apply', ACTORS.enterprise, {
      attachments: ['att-1'],
    });
    t = await taskOpen(lwf, 'delistingReview');
    // 现场核查 within 10 days of the application (B1 第二十三条).
    expect(dueInDays(t)).toBeGreaterThan(9.5); // openedAt is when the activity ran (lags under load)
    expect(dueInDays(t)).toBeLessThanOrEqual(11);
    await decide(t, 'fail', ACTORS.district, {
      comment: '报警装置未联动',
      data: { newDeadlineAt: inDays(10) },
    });
    await decide(await taskOpen(lwf, 'applyDelisting'), 'apply', ACTORS.enterprise, {
      attachments: ['att-2'],
    });
    await decide(await taskOpen(lwf, 'delistingReview'), 'pass', ACTORS.district, {
      comment: '现场核查合格',
    });

    // Meanwhile the rectification goes on: accepted, then close-out waits for the delisting.
    await decide(await taskOpen(wf, 'applyAcceptance'), 'apply', ACTORS.enterprise);
    await decide(await taskOpen(wf, 'reviewAcceptance'), 'pass', ACTORS.town);
    await eventually('awaiting delisting', async () => (await state(wf)).stage === 'awaiting_delisting');
    expect(tasks.open(wf, 'approveCloseOut')).toBeUndefined();
    await decide(await taskOpen(lwf, 'approveDelisting'), 'approve', ACTORS.district);
    expect(await env.client.workflow.getHandle(lwf).result()).toMatchObject({ outcome: 'delisted' });

    await decide(await taskOpen(wf, 'approveCloseOut'), 'approve', ACTORS.department);
    expect((await handle.result()).status).toBe('closed');

    const types = hazards.eventTypes(hazardId);
    for (const type of [
      'rectification.overdue',
      'escalation.letter',
      'escalation.letter.done',
      'escalation.circular',
      'escalation.summons',
      'escalation.exposure',
      'escalation.listing',
      'listing.proposed',
      'listing.listed',
      'listing.delistingApplied',
      'listing.reviewFailed',
      'listing.reviewPassed',
      'listing.delisted',
      'listing.announced',
      'listing.closed',
      'closeout.approved',
    ]) {
      expect(types).toContain(type);
    }
    expect(types.indexOf('listing.closed')).toBeLessThan(types.indexOf('closeout.approved'));
    expect(events(hazardId).find((e) => e.type === 'escalation.letter.done')!.summaryZh).toBe(
      '贾嗣镇 张伟 已函告：已发督促整改函（贾嗣府函〔2026〕3号）',
    );
    expect(
      hazards.listingStatuses.filter((s) => s.listingId === `${hazardId}-L1`).map((s) => s.status),
    ).toEqual([
      'proposed',
      'listed',
      'rectification_claimed',
      'verification',
      'listed',
      'rectification_claimed',
      'verification',
      'delisting_review',
      'delisted',
    ]);
    expect(hazards.statusTrail(hazardId)).toEqual([
      'planning',
      'plan_review',
      'rectifying',
      'overdue',
      'listed',
      'acceptance_review',
      'listed',
      'closeout_review',
      'closed',
    ]);
    // Ladder tasks nobody carried out were closed when the acceptance application stopped the ladder.
    expect(tasks.list(wf, 'summon')[0].outcome).toBe('cancelled');
    expect(tasks.list(wf).filter((x) => x.status === 'open')).toEqual([]);
    expect(tasks.list(lwf).filter((x) => x.status === 'open')).toEqual([]);
    expectNoDuplicateRecords();
    checkHistories('major-overdue-ladder-listing', wf);
    checkHistories('listed-supervision-delisted', lwf);
  });

  scenario(
    '延期: validator, rejected, approved — the deadline moves and the hazard never goes overdue',
    async () => {
      const hazardId = 'H3';
      const wf = hazardWorkflowId(hazardId);
      hazards.planDays.set(hazardId, 5);
      const handle = await start(hazardInput(hazardId));
      const ask = (input: Partial<RequestExtensionInput>) =>
        rejectionType(
          handle.executeUpdate(requestExtensionUpdate, {
            args: [
              { newDeadlineAt: inDays(40), reason: '设备到货延迟', requestedBy: ACTORS.enterprise, ...input },
            ],
          }),
        );
      expect(await ask({})).toBe('NotRectifying');

      await decide(await taskOpen(wf, 'submitPlan'), 'submit', ACTORS.enterprise, {
        data: { planVersion: 1 },
      });
      await decide(await taskOpen(wf, 'reviewPlan'), 'approve', ACTORS.town);
      await taskOpen(wf, 'applyAcceptance');
      const approvedAt = Date.now();
      const deadline = Date.parse((await state(wf)).deadlineAt!);

      expect(await ask({ newDeadlineAt: inDays(-1, deadline) })).toBe('DeadlineNotLater');
      expect(await ask({ newDeadlineAt: 'next week' })).toBe('InvalidDeadline');
      expect(await ask({ newDeadlineAt: inDays(5, deadline), reason: ' ' })).toBe('ReasonRequired');
      const first = await handle.executeUpdate(requestExtensionUpdate, {
        args: [
          { newDeadlineAt: inDays(5, deadline), reason: '设备到货延迟', requestedBy: ACTORS.enterprise },
        ],
      });
      expect(first.taskKey).toBe('approveExtension#1');
      expect(await ask({ newDeadlineAt: inDays(6, deadline) })).toBe('ExtensionPending');

      let t = await taskOpen(wf, 'approveExtension');
      expect(t.request.formData).toMatchObject({ reason: '设备到货延迟' });
      expect(await rejectionType(decide(t, 'reject', ACTORS.town))).toBe('CommentRequired');
      await decide(t, 'reject', ACTORS.town, { comment: '理由不充分' });
      await eventually('the request settled', async () => (await state(wf)).pendingExtension === null);

      const second = await handle.executeUpdate(requestExtensionUpdate, {
        args: [
          {
            newDeadlineAt: inDays(5, deadline),
            reason: '设备厂家停产，需重新采购',
            requestedBy: ACTORS.enterprise,
          },
        ],
      });
      t = await taskOpen(wf, 'approveExtension');
      expect(t.taskKey).toBe(second.taskKey);
      await decide(t, 'approve', ACTORS.department, { comment: '同意延期5日' });
      await eventually(
        'the deadline moved',
        async () => (await state(wf)).deadlineAt === inDays(5, deadline),
      );
      await eventually('the ledger extended', () => hazards.extensions.length > 0);
      expect(hazards.extensions).toEqual([{ hazardId, newDeadlineAt: inDays(5, deadline) }]);

      // Past the old deadline and its first rung: not overdue, no escalation.
      const oldLetterDue = approvedAt + 5.5 * TEST_MS_PER_DAY;
      await new Promise((r) => setTimeout(r, Math.max(0, oldLetterDue - Date.now()) + 500));
      const view = await state(wf);
      expect(view.overdue).toBe(false);
      expect(view.status).toBe('rectifying');
      expect(hazards.eventTypes(hazardId)).not.toContain('rectification.overdue');

      await decide(await taskOpen(wf, 'applyAcceptance'), 'apply', ACTORS.enterprise);
      await decide(await taskOpen(wf, 'reviewAcceptance'), 'pass', ACTORS.town);
      await decide(await taskOpen(wf, 'approveCloseOut'), 'approve', ACTORS.department);
      expect((await handle.result()).status).toBe('closed');
      expect(hazards.eventTypes(hazardId).filter((x) => x.startsWith('extension.'))).toEqual([
        'extension.requested',
        'extension.rejected',
        'extension.requested',
        'extension.approved',
      ]);
      expectNoDuplicateRecords();
      checkHistories('major-extension', wf);
    },
  );

  scenario(
    'the ladder stops at an acceptance application; 提请挂牌 rejected; resumes after a failed 验收',
    async () => {
      const hazardId = 'H6';
      const wf = hazardWorkflowId(hazardId);
      hazards.planDays.set(hazardId, 1);
      const slowLadder: HazardRules['escalationLadder'] = TEST_RULES.escalationLadder.map((r) => ({
        ...r,
        after: { amount: 2, unit: 'naturalDays' },
      }));
      const handle = await start(
        hazardInput(hazardId, {
          rules: { ...TEST_RULES, escalationLadder: slowLadder },
          departmentCode: null,
        }),
      );
      await decide(await taskOpen(wf, 'submitPlan'), 'submit', ACTORS.enterprise, {
        data: { planVersion: 1 },
      });
      const review = await taskOpen(wf, 'reviewPlan');
      expect(review.request.candidates).toEqual([{ role: 'official', orgUnitCode: 'jiangjin.jiasi' }]);
      await decide(review, 'approve', ACTORS.town);
      await taskOpen(wf, 'issueLetter');
      const letterAt = Date.now();

      // The acceptance application stops the ladder: no 通报 even after its time has passed.
      await decide(await taskOpen(wf, 'applyAcceptance'), 'apply', ACTORS.enterprise);
      const acceptance = await taskOpen(wf, 'reviewAcceptance');

      // An official proposes listing meanwhile; the district office declines.
      const proposal = await handle.executeUpdate(proposeListingUpdate, {
        args: [{ reason: '逾期且整改进度缓慢', proposedBy: { username: 'official.jiasi', name: '张伟' } }],
      });
      expect(proposal).toEqual({
        listingId: `${hazardId}-L1`,
        workflowId: listingWorkflowId(`${hazardId}-L1`),
      });
      expect(
        await rejectionType(
          handle.executeUpdate(proposeListingUpdate, {
            args: [{ reason: '再次提请', proposedBy: ACTORS.town }],
          }),
        ),
      ).toBe('ListingActive');
      await decide(await taskOpen(proposal.workflowId, 'approveListing'), 'reject', ACTORS.district, {
        comment: '企业已投入整改，暂不挂牌',
      });
      await eventually('the listing closed', async () => (await state(wf)).listing?.status === 'rejected');

      const circularDue = letterAt + 2 * TEST_MS_PER_DAY;
      await new Promise((r) => setTimeout(r, Math.max(0, circularDue - Date.now()) + 500));
      expect(hazards.eventTypes(hazardId)).not.toContain('escalation.circular');
      expect(tasks.list(wf, 'issueLetter')[0].outcome).toBe('cancelled');

      // A failed acceptance puts it back to rectifying: the ladder resumes, counting from now.
      await decide(acceptance, 'fail', ACTORS.town, { comment: '报警装置未安装到位' });
      const circular = await taskOpen(wf, 'circulate');
      expect(circular.request.candidates).toEqual([{ role: 'official', orgUnitCode: DISTRICT_OFFICE.code }]);
      await decide(await taskOpen(wf, 'applyAcceptance'), 'apply', ACTORS.enterprise);
      await decide(await taskOpen(wf, 'reviewAcceptance'), 'pass', ACTORS.town);
      await decide(await taskOpen(wf, 'approveCloseOut'), 'approve', ACTORS.department);
      expect((await handle.result()).status).toBe('closed');

      const types = hazards.eventTypes(hazardId);
      expect(types.filter((x) => x.startsWith('escalation.'))).toEqual([
        'escalation.letter',
        'escalation.circular',
      ]);
      expect(types).toEqual(
        expect.arrayContaining(['listing.proposed', 'listing.rejected', 'listing.closed']),
      );
      expectNoDuplicateRecords();
      checkHistories('major-ladder-stops-listing-rejected', wf);
    },
  );
});

describe('majorHazardRectification — general hazard (一般隐患)', () => {
  scenario('即查即改 → 复查通过 → closed', async () => {
    const hazardId = 'H4';
    const wf = hazardWorkflowId(hazardId);
    const handle = await start(hazardInput(hazardId, { grade: 'general', titleZh: '配电箱门未关闭' }));
    const t = await taskOpen(wf, 'fixGeneral');
    expect(t.request.decisions.map((d) => d.code)).toEqual(['fixedNow', 'fixByDeadline']);
    expect(
      await rejectionType(
        handle.executeUpdate(proposeListingUpdate, { args: [{ reason: '测试', proposedBy: ACTORS.town }] }),
      ),
    ).toBe('NotMajorHazard');
    await decide(t, 'fixedNow', ACTORS.enterprise, { attachments: ['photo-after'] });
    const verify = await taskOpen(wf, 'verifyGeneral');
    expect(verify.request.candidates).toEqual([{ role: 'official', orgUnitCode: 'jiangjin.jiasi' }]);
    await decide(verify, 'pass', ACTORS.town);
    expect((await handle.result()).status).toBe('closed');
    expect(hazards.eventTypes(hazardId)).toEqual(['general.fixedNow', 'general.verified']);
    expect(hazards.statusTrail(hazardId)).toEqual(['rectifying', 'acceptance_review', 'closed']);
    checkHistories('general-fixed-now', wf);
  });

  scenario('限期整改 → overdue → 报告完成 → 复查不通过 → 即查即改 → 复查通过 → closed', async () => {
    const hazardId = 'H5';
    const wf = hazardWorkflowId(hazardId);
    const handle = await start(hazardInput(hazardId, { grade: 'general', titleZh: '消防通道堆放杂物' }));
    await decide(await taskOpen(wf, 'fixGeneral'), 'fixByDeadline', ACTORS.enterprise, {
      data: { deadline: inDays(1) },
    });
    const report = await taskOpen(wf, 'reportGeneralFix');
    expect(report.request.dueAt).not.toBeNull();
    await eventually('overdue', async () => (await state(wf)).status === 'overdue');
    await decide(report, 'done', ACTORS.enterprise);
    await decide(await taskOpen(wf, 'verifyGeneral'), 'fail', ACTORS.town, { comment: '杂物未清理干净' });
    await decide(await taskOpen(wf, 'fixGeneral'), 'fixedNow', ACTORS.enterprise);
    await decide(await taskOpen(wf, 'verifyGeneral'), 'pass', ACTORS.town);
    expect((await handle.result()).status).toBe('closed');
    expect(hazards.eventTypes(hazardId)).toEqual([
      'general.fixByDeadline',
      'general.overdue',
      'general.reported',
      'general.failed',
      'general.fixedNow',
      'general.verified',
    ]);
    expect(hazards.statusTrail(hazardId)).toEqual([
      'rectifying',
      'rectifying', // with the deadline
      'overdue',
      'acceptance_review',
      'rectifying',
      'acceptance_review',
      'closed',
    ]);
    expectNoDuplicateRecords();
    checkHistories('general-fix-by-deadline', wf);
  });
});

describe('recorded histories', () => {
  it('replays every scenario run (and saves them with ZHIBEN_RECORD_HISTORIES=1)', async () => {
    const histories: { name: string; workflowId: string; history: History }[] = [];
    for (const { name, workflowId } of finished) {
      const runs = await runsOf(workflowId);
      // Through the file format, so what gets saved is what replays.
      runs.forEach((run, i) =>
        histories.push({
          name: runs.length > 1 ? `${name}.run${i + 1}` : name,
          workflowId,
          history: historyFromJson(historyToJson(run)),
        }),
      );
    }
    await Promise.all(scenarios.map((s) => s.outcome ?? Promise.resolve(null)));
    expect(histories.length).toBeGreaterThanOrEqual(7);
    // The low continue-as-new threshold made some cases cross runs: those carry their state.
    expect(histories.some((h) => h.name.endsWith('.run2'))).toBe(true);
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
      // Formatted as the repository's Prettier does, so `prettier --check` stays clean.
      execFileSync(`${REPO_ROOT}/node_modules/.bin/prettier`, ['--write', '--log-level=warn', ...files]);
    }
  });
});
