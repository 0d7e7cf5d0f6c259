/**
 * `tipVerification` on the real worker machinery and a real Temporal dev server, with in-memory
 * activities (testing/fakes.ts) and a day scaled to half a second. The scenarios run side by side; the
 * last test replays every scenario's history through the history file format, and with
 * `ZHIBEN_RECORD_HISTORIES=1` writes them to test/histories for tip-replay.workflow.spec.ts.
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
  defaultTipCandidates,
  tipVerificationWorkflowId,
  type RecordTipVerificationInput,
  type TaskDecisionPayload,
  type TaskDecisionResult,
  type TipStateView,
  type TipVerificationInput,
} from '@zhiben/contracts/workflow';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import {
  approveTipRewardUpdate,
  claimTipRewardUpdate,
  decideTipAcceptanceUpdate,
  disputeTipUpdate,
  recordTipFineUpdate,
  recordTipRecheckUpdate,
  recordTipVerificationUpdate,
  requestTipExtensionUpdate,
  tipFeedbackSentUpdate,
  tipStateQuery,
} from './tip.messages';
import type { TipVerificationResult, tipVerification } from './tip-verification.workflow';
import { FakeTasksService, FakeTiplineService, type FakeTask } from './testing/fakes';
import { ACTORS, DEPARTMENT, DISTRICT, OFFICE, TEST_MS_PER_DAY, by, tipInput } from './testing/fixtures';
import { historyFromJson, historyToJson, type History } from './testing/history-json';
import {
  HISTORIES_DIR,
  REPO_ROOT,
  TIPLINE_WORKFLOWS_PATH,
  withZhibenAliases,
} from './testing/workflow-bundle';

jest.setTimeout(240_000); // scaled days: the 60-day limit takes 30 s, generous under a loaded machine

const TEMPORAL_CLI = process.env.TEMPORAL_CLI_PATH ?? `${homedir()}/.cache/zhiben/bin/temporal`;
const RECORD = process.env.ZHIBEN_RECORD_HISTORIES === '1';
const DAY = 86_400_000;

const tasks = new FakeTasksService();
const tipline = new FakeTiplineService();
let env: TestWorkflowEnvironment;
let bundle: WorkflowBundleWithSourceMap;
const workers: Worker[] = [];
const running: Promise<unknown>[] = [];

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
    bundleWorkflowCode({ workflowsPath: TIPLINE_WORKFLOWS_PATH, webpackConfigHook: withZhibenAliases }),
  ]);
  const connection = env.nativeConnection;
  for (const w of [
    await Worker.create({ connection, taskQueue: TASK_QUEUES.workflows, workflowBundle: bundle }),
    await Worker.create({ connection, taskQueue: TASK_QUEUES.tasks, activities: tasks.activities }),
    await Worker.create({ connection, taskQueue: TASK_QUEUES.tipline, activities: tipline.activities }),
  ]) {
    workers.push(w);
    running.push(w.run());
  }
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
  timeoutMs = 90_000,
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

async function start(input: TipVerificationInput): Promise<WorkflowHandle<typeof tipVerification>> {
  return env.client.workflow.start<typeof tipVerification>('tipVerification', {
    taskQueue: TASK_QUEUES.workflows,
    workflowId: tipVerificationWorkflowId(input.tipId),
    args: [input],
  });
}

function decide(
  task: FakeTask,
  decision: string,
  actor: TaskDecisionPayload['actor'],
  extra: { comment?: string; data?: Record<string, unknown> } = {},
): Promise<TaskDecisionResult> {
  return env.client.workflow
    .getHandle(task.workflowId)
    .executeUpdate<TaskDecisionResult, [TaskDecisionPayload]>(TASK_DECIDE_UPDATE, {
      args: [
        {
          taskId: task.taskId,
          taskKey: task.taskKey,
          decision,
          comment: extra.comment ?? '',
          data: extra.data ?? {},
          attachments: [],
          actor,
          decidedAt: new Date().toISOString(),
        },
      ],
    });
}

const state = (h: WorkflowHandle): Promise<TipStateView> => h.query(tipStateQuery);
const calendarNow = async (h: WorkflowHandle) => Date.parse((await state(h)).calendarNow);
/** Waits until the workflow's calendar reaches `ms`. */
const calendarReaches = (h: WorkflowHandle, ms: number) =>
  eventually(`calendar ${new Date(ms).toISOString()}`, async () => (await calendarNow(h)) >= ms);

const rejectionType = (p: Promise<unknown>) =>
  p.then(
    () => 'accepted',
    (e: { cause?: { type?: string } }) => e.cause?.type ?? String(e),
  );

async function accept(h: WorkflowHandle) {
  await taskOpen(h.workflowId, 'decideAcceptance');
  return h.executeUpdate(decideTipAcceptanceUpdate, {
    args: [{ decision: 'accept', by: by(ACTORS.handler) }],
  });
}

const HAZARD_FOLLOW_UP: RecordTipVerificationInput['followUp'] = {
  kind: 'hazard',
  hazard: {
    enterpriseCreditCode: '91500116MA5U7KJ200',
    grade: 'major',
    title: '液氨储罐区未设置泄漏报警装置',
    description: '现场核查：液氨储罐区未设置泄漏报警装置',
    location: '贾嗣镇工业园区3号',
    standard: { catalogueId: 'gongmao-2023', clauseId: '4.1' },
    foundOn: '2026-03-02',
  },
};

const verification = (over: Partial<RecordTipVerificationInput> = {}): RecordTipVerificationInput => ({
  outcome: 'substantiated',
  by: by(ACTORS.handler),
  summary: '现场核查属实',
  hazardGrade: 'major',
  fineYuan: 100_000,
  followUp: HAZARD_FOLLOW_UP,
  firstReporter: true,
  reporterExclusion: null,
  ...over,
});

async function verify(h: WorkflowHandle, over: Partial<RecordTipVerificationInput> = {}) {
  await taskOpen(h.workflowId, 'verify');
  return h.executeUpdate(recordTipVerificationUpdate, { args: [verification(over)] });
}

async function sendFeedback(h: WorkflowHandle) {
  await taskOpen(h.workflowId, 'feedback');
  return h.executeUpdate(tipFeedbackSentUpdate, {
    args: [
      {
        by: by(ACTORS.handler),
        messageZh: '经核查，您反映的问题属实，已依法处理。',
        channels: ['statusPage'],
      },
    ],
  });
}

async function approve(h: WorkflowHandle, amountYuan: number) {
  await taskOpen(h.workflowId, 'approveReward');
  return h.executeUpdate(approveTipRewardUpdate, {
    args: [{ decision: 'approve', by: by(ACTORS.leader), amountYuan }],
  });
}

const claim = (h: WorkflowHandle, claimId = 'CL-1') =>
  h.executeUpdate(claimTipRewardUpdate, { args: [{ claimId, verifiedBy: 'claimCode' }] });

/** Finished workflows whose histories the last test replays (and, when recording, saves). */
const finished: { name: string; workflowId: string }[] = [];
const keep = (name: string, workflowId: string) => finished.push({ name, workflowId });

/** What tipline-service's vault would hold for reporter R-P1X7: never handed to the workflow. */
const VAULT_IDENTITY = ['张小明', '13800138000', '500101199001011234', '6222021234567890123'];
/** The workflow input's fields: adding one that could carry identity must be a deliberate change here. */
const INPUT_FIELDS = [
  'anonymous',
  'candidates',
  'channel',
  'clock',
  'enterprise',
  'kind',
  'receivedAt',
  'receivingUnitCode',
  'reporterId',
  'rules',
  'tipId',
  'tipRef',
  'titleZh',
  'townCode',
];

// ── scenarios ───────────────────────────────────────────────────────────────────────────────────
describe('tipVerification', () => {
  scenario(
    'true tip → hazard created once → feedback → reward 15,000 by rule → approved → claimed → paid',
    async () => {
      const tipId = 'P1';
      const h = await start(tipInput(tipId));
      const wf = h.workflowId;

      let t = await taskOpen(wf, 'decideAcceptance');
      expect(t.request.candidates).toEqual([{ role: 'tip-handler', orgUnitCode: OFFICE }]);
      expect(t.request.titleZh).toBe('举报受理：事故隐患举报·贾嗣镇（JB-2026-P1）');
      // Completed only through the tip Update, never the generic decide Update.
      expect(await rejectionType(decide(t, 'accept', ACTORS.handler))).toBe('DecisionNotAllowed');
      const accepted = await accept(h);
      const acceptedAt = await calendarNow(h);
      expect(Date.parse(accepted.verificationDueAt!) - acceptedAt).toBeGreaterThanOrEqual(59.9 * DAY);
      expect(Date.parse(accepted.verificationDueAt!) - acceptedAt).toBeLessThanOrEqual(61 * DAY);

      t = await taskOpen(wf, 'verify');
      // A substantiated hazard needs its grade and a follow-up.
      expect(
        await rejectionType(
          h.executeUpdate(recordTipVerificationUpdate, { args: [verification({ hazardGrade: undefined })] }),
        ),
      ).toBe('InvalidData');
      expect(
        await rejectionType(
          h.executeUpdate(recordTipVerificationUpdate, { args: [verification({ followUp: undefined })] }),
        ),
      ).toBe('InvalidData');
      const verified = await verify(h);
      // 10 days: to the end of the 10th day (Asia/Shanghai).
      expect(Date.parse(verified.feedbackDueAt) - (await calendarNow(h))).toBeLessThanOrEqual(11 * DAY);
      expect(Date.parse(verified.feedbackDueAt) - (await calendarNow(h))).toBeGreaterThan(9 * DAY);

      const fb = await sendFeedback(h);
      expect(fb.disputeUntil).toBeNull();
      // Disputes are for unsubstantiated conclusions only.
      expect(
        await rejectionType(
          h.executeUpdate(disputeTipUpdate, { args: [{ disputeId: 'D1', reason: '奖励太少' }] }),
        ),
      ).toBe('DisputeNotAllowed');

      t = await taskOpen(wf, 'approveReward');
      expect(t.request.candidates).toEqual([{ role: 'leader', orgUnitCode: OFFICE }]);
      const view = await state(h);
      expect(view.reward?.computation?.amountYuan).toBe(15_000);
      expect(view.reward?.computation?.lines.map((l) => l.code)).toEqual(['subject', 'fineShare', 'total']);
      expect(await rejectionType(claim(h))).toBe('NotApplicable');
      expect(
        await rejectionType(
          h.executeUpdate(approveTipRewardUpdate, {
            args: [{ decision: 'approve', by: by(ACTORS.leader), amountYuan: 30_000 }],
          }),
        ),
      ).toBe('AmountMismatch');
      expect(
        await rejectionType(
          h.executeUpdate(approveTipRewardUpdate, { args: [{ decision: 'reject', by: by(ACTORS.leader) }] }),
        ),
      ).toBe('ReasonRequired');
      const approved = await approve(h, 15_000);
      expect(approved.claimWindowEndsAt).toBeDefined();

      await eventually('claimable', async () => (await state(h)).status === 'rewardApproved');
      const claimed = await claim(h);
      expect(await rejectionType(claim(h, 'CL-2'))).toBe('NotApplicable');
      t = await taskOpen(wf, 'payReward');
      expect(t.request.candidates).toEqual([{ role: 'admin', orgUnitCode: OFFICE }]);
      expect(Date.parse(t.request.dueAt!)).toBeGreaterThan(Date.now());
      expect(claimed.paymentDueAt).toBeDefined();
      await decide(t, 'paid', ACTORS.finance, { data: { voucherNo: 'PZ-2026-001' } });

      const result: TipVerificationResult = await h.result();
      expect(result).toMatchObject({
        tipId,
        status: 'rewardPaid',
        reward: { amountYuan: 15_000, status: 'paid' },
        followUp: { kind: 'hazard', id: 'H-P1', ref: 'YH-2026-P1' },
      });
      expect(tipline.hazards.filter((x) => x.tipId === tipId)).toEqual([
        { tipId, hazardId: 'H-P1', source: 'PublicReport' },
      ]);
      expect(tipline.calls.filter((c) => c.method === 'createHazardFromTip')).toHaveLength(1);
      expect(tipline.eventTypes(tipId)).toEqual([
        'tip.received',
        'tip.accepted',
        'verification.substantiated',
        'followUp.hazard',
        'feedback.due',
        'feedback.sent',
        'reward.computed',
        'reward.approved',
        'reward.claimed',
        'reward.paid',
        'tip.closed',
      ]);
      expect(tipline.rewardTrail(tipId)).toEqual(['assessed', 'approved', 'claimed', 'paid']);
      expect(tipline.statusTrail(tipId).filter((s, i, a) => s !== a[i - 1])).toEqual([
        'received',
        'verifying',
        'verified',
        'rewardAssessment',
        'rewardApproved',
        'rewardClaimed',
        'rewardPaid',
      ]);
      expect(tipline.notices.filter((n) => n.tipId === tipId).map((n) => n.kind)).toEqual([
        'accepted',
        'rewardApproved',
        'rewardPaid',
      ]);
      // Nothing the workflow sends anywhere carries the reporter's identity: the pseudonym only.
      expect(Object.keys(tipInput(tipId)).sort()).toEqual(INPUT_FIELDS);
      const sent = JSON.stringify([
        ...tipline.calls.filter((c) => (c.input as { tipId: string }).tipId === tipId),
        ...tasks.list(wf).map((x) => x.request),
        await h.fetchHistory(),
      ]);
      for (const secret of VAULT_IDENTITY) expect(sent).not.toContain(secret);
      expect(sent).toContain('R-P1X7');
      expect(tasks.list(wf).filter((x) => x.status === 'open')).toEqual([]);
      keep('tip-paid', wf);
    },
  );

  scenario(
    'the 60-day limit breached: one breach, one 督办 for the level above; no extension after it',
    async () => {
      const tipId = 'B1';
      const h = await start(tipInput(tipId, { kind: 'illegalOperation' }));
      const wf = h.workflowId;
      await accept(h);
      const verifyTask = await taskOpen(wf, 'verify');
      const dueAt = Date.parse((await state(h)).verificationDueAt!);
      const followUp = await eventually(
        'the breach follow-up',
        () => tasks.open(wf, 'breachFollowUp'),
        120_000,
      );
      expect(followUp.request.candidates).toEqual([{ role: 'leader', orgUnitCode: DISTRICT }]);
      expect((await state(h)).breaches).toEqual(['verification']);
      expect(await calendarNow(h)).toBeGreaterThanOrEqual(dueAt);
      expect(tasks.open(wf, 'verify')).toBe(verifyTask); // the step stays open
      expect(
        await rejectionType(
          h.executeUpdate(requestTipExtensionUpdate, {
            args: [{ by: by(ACTORS.handler), reason: '情况复杂' }],
          }),
        ),
      ).toBe('ExtensionNotAllowed');
      await decide(followUp, 'acknowledged', ACTORS.above, { comment: '已督促' });
      await verify(h, {
        outcome: 'unsubstantiated',
        summary: '现场未发现违法生产',
        hazardGrade: undefined,
        fineYuan: undefined,
        followUp: undefined,
      });
      const fb = await sendFeedback(h);
      expect(fb.disputeUntil).not.toBeNull();
      // No dispute within the window: closed as unfounded.
      const result = await h.result();
      expect(result).toMatchObject({ status: 'unfounded', reward: null, followUp: null });
      expect(tipline.eventTypes(tipId).filter((e) => e.endsWith('breached'))).toEqual([
        'verification.breached',
      ]);
      expect(tipline.events.find((e) => e.tipId === tipId && e.type === 'breach.followedUp')?.actor).toEqual(
        by(ACTORS.above),
      );
      expect(tipline.statuses.some((s) => s.tipId === tipId && s.patch.verificationOverdue === true)).toBe(
        true,
      );
      expect(verifyTask.reminders.map((r) => r.kind)).toContain('overdue');
      keep('tip-verification-breached', wf);
    },
  );

  scenario(
    'extension approved by the level above: verify re-issued at 90 days, no breach at 60; concealed accident 3 × 较大 → 120,000; claim window lapses',
    async () => {
      const tipId = 'E1';
      const h = await start(tipInput(tipId, { kind: 'concealedAccident', anonymous: false }));
      const wf = h.workflowId;
      await accept(h);
      const first = await taskOpen(wf, 'verify');
      const dueAt = Date.parse((await state(h)).verificationDueAt!);
      expect(
        await rejectionType(
          h.executeUpdate(requestTipExtensionUpdate, { args: [{ by: by(ACTORS.handler), reason: ' ' }] }),
        ),
      ).toBe('ReasonRequired');
      const asked = await h.executeUpdate(requestTipExtensionUpdate, {
        args: [{ by: by(ACTORS.handler), reason: '需调取事故调查报告' }],
      });
      expect(Date.parse(asked.extendedDueAt) - dueAt).toBe(30 * DAY);
      expect(
        await rejectionType(
          h.executeUpdate(requestTipExtensionUpdate, { args: [{ by: by(ACTORS.handler), reason: '再次' }] }),
        ),
      ).toBe('ExtensionNotAllowed');
      const approval = await taskOpen(wf, 'approveExtension');
      expect(approval.taskKey).toBe(asked.taskKey);
      expect(approval.request.candidates).toEqual([{ role: 'leader', orgUnitCode: DISTRICT }]);
      expect(await rejectionType(decide(approval, 'reject', ACTORS.above))).toBe('CommentRequired');
      await decide(approval, 'approve', ACTORS.above);

      const second = await eventually('verify#2', () =>
        tasks.list(wf, 'verify').find((x) => x.taskKey === 'verify#2' && x.status === 'open'),
      );
      expect(first.status).toBe('closed');
      expect(first.outcome).toBe('cancelled');
      expect((await state(h)).verificationDueAt).toBe(asked.extendedDueAt);
      expect(Date.parse(second.request.dueAt!)).toBeGreaterThan(Date.parse(first.request.dueAt!));
      // Past the original 60 days: no breach.
      await calendarReaches(h, dueAt + 2 * DAY);
      expect((await state(h)).breaches).toEqual([]);
      expect(tasks.list(wf, 'breachFollowUp')).toEqual([]);
      expect(
        await rejectionType(
          h.executeUpdate(recordTipVerificationUpdate, {
            args: [
              verification({
                hazardGrade: undefined,
                fineYuan: undefined,
                concealedDeaths: 3,
                followUp: { kind: 'none' },
              }),
            ],
          }),
        ),
      ).toBe('InvalidData'); // the accident grade is missing
      await verify(h, {
        hazardGrade: undefined,
        fineYuan: undefined,
        concealedDeaths: 3,
        accidentGrade: 'larger',
        followUp: { kind: 'none', reference: '事故调查组' },
      });
      await sendFeedback(h);
      await approve(h, 120_000);
      const windowEnds = Date.parse((await state(h)).reward!.claimWindowEndsAt!);
      const result = await h.result();
      expect(result).toMatchObject({
        status: 'rewardLapsed',
        reward: { amountYuan: 120_000, status: 'lapsed' },
      });
      expect(await rejectionType(claim(h))).toMatch(/NotApplicable|WorkflowUpdate|completed|not found/i);
      expect(tipline.rewardTrail(tipId)).toEqual(['assessed', 'approved', 'lapsed']);
      expect(
        tipline.rewards.find((r) => r.tipId === tipId && r.reward.status === 'lapsed')?.reward.lapsedAt,
      ).toBe(new Date(windowEnds).toISOString());
      expect(tipline.eventTypes(tipId)).toEqual(
        expect.arrayContaining(['extension.requested', 'extension.approved', 'reward.lapsed']),
      );
      keep('tip-extension-lapsed', wf);
    },
  );

  scenario('a claim after the window is refused (validator: ClaimWindowClosed)', async () => {
    const tipId = 'L1';
    const h = await start(tipInput(tipId, { kind: 'illegalOperation' }));
    await accept(h);
    await verify(h, { hazardGrade: undefined, fineYuan: 3_000_000, followUp: { kind: 'none' } });
    await sendFeedback(h);
    await approve(h, 300_000);
    const windowEnds = Date.parse((await state(h)).reward!.claimWindowEndsAt!);
    // Past the window's end the claim is refused (validator: ClaimWindowClosed; once the lapse is recorded
    // NotApplicable, or the run has completed). validation.spec.ts checks the validator's answer exactly.
    await calendarReaches(h, windowEnds + 1);
    expect(await rejectionType(claim(h))).not.toBe('accepted');
    expect((await h.result()).status).toBe('rewardLapsed');
  });

  scenario('not within scope: a reason is required, the reporter is told, nothing else happens', async () => {
    const tipId = 'N1';
    const h = await start(tipInput(tipId));
    await taskOpen(h.workflowId, 'decideAcceptance');
    expect(
      await rejectionType(
        h.executeUpdate(decideTipAcceptanceUpdate, {
          args: [{ decision: 'notInScope', by: by(ACTORS.handler) }],
        }),
      ),
    ).toBe('ReasonRequired');
    await h.executeUpdate(decideTipAcceptanceUpdate, {
      args: [
        { decision: 'notInScope', by: by(ACTORS.handler), reason: '属劳动争议，不属于安全生产举报受理范围' },
      ],
    });
    expect(await h.result()).toMatchObject({ status: 'notAccepted', reward: null });
    expect(tipline.eventTypes(tipId)).toEqual(['tip.received', 'tip.notAccepted', 'tip.closed']);
    expect(tipline.notices.filter((n) => n.tipId === tipId).map((n) => n.kind)).toEqual(['notAccepted']);
    expect(
      tipline.statuses.find((s) => s.tipId === tipId && s.status === 'notAccepted')?.patch.closedAt,
    ).toBeDefined();
    keep('tip-not-in-scope', h.workflowId);
  });

  scenario('forward: inside the system the department decides afresh; then outside the system', async () => {
    const tipId = 'F1';
    const h = await start(tipInput(tipId));
    const wf = h.workflowId;
    await taskOpen(wf, 'decideAcceptance');
    expect(
      await rejectionType(
        h.executeUpdate(decideTipAcceptanceUpdate, {
          args: [
            {
              decision: 'forward',
              by: by(ACTORS.handler),
              reason: '属危化行业',
              forwardTo: { code: DEPARTMENT, name: '区应急管理局', external: false },
            },
          ],
        }),
      ),
    ).toBe('InvalidData'); // the department's candidates are missing
    await h.executeUpdate(decideTipAcceptanceUpdate, {
      args: [
        {
          decision: 'forward',
          by: by(ACTORS.handler),
          reason: '属危化行业，转区应急管理局',
          forwardTo: { code: DEPARTMENT, name: '区应急管理局', external: false },
          forwardCandidates: defaultTipCandidates(DEPARTMENT, DISTRICT),
        },
      ],
    });
    const again = await eventually('decideAcceptance#2', () =>
      tasks.list(wf, 'decideAcceptance').find((x) => x.taskKey === 'decideAcceptance#2'),
    );
    expect(again.request.candidates).toEqual([{ role: 'tip-handler', orgUnitCode: DEPARTMENT }]);
    expect(again.request.orgUnitCode).toBe(DEPARTMENT);
    expect((await state(h)).receivingUnitCode).toBe(DEPARTMENT);
    await h.executeUpdate(decideTipAcceptanceUpdate, {
      args: [
        {
          decision: 'forward',
          by: by(ACTORS.deptHandler),
          reason: '涉及无证经营，转市场监管部门',
          forwardTo: { code: 'ext:scjg', name: '区市场监督管理局', external: true },
        },
      ],
    });
    expect(await h.result()).toMatchObject({ status: 'forwarded' });
    expect(tipline.eventTypes(tipId)).toEqual([
      'tip.received',
      'tip.forwarded',
      'tip.forwarded',
      'tip.closed',
    ]);
    expect(tipline.notices.filter((n) => n.tipId === tipId).map((n) => n.kind)).toEqual([
      'forwarded',
      'forwarded',
    ]);
    keep('tip-forwarded', wf);
  });

  scenario(
    'dispute → 复查 revises the conclusion → enforcement case → feedback late (escalated) → fine recorded → 3,000 → paid',
    async () => {
      const tipId = 'D1';
      const h = await start(tipInput(tipId, { kind: 'illegalOperation' }));
      const wf = h.workflowId;
      await accept(h);
      await verify(h, {
        outcome: 'unsubstantiated',
        summary: '未发现夜间生产',
        hazardGrade: undefined,
        fineYuan: undefined,
        followUp: undefined,
      });
      const fb = await sendFeedback(h);
      expect(
        await rejectionType(
          h.executeUpdate(disputeTipUpdate, { args: [{ disputeId: 'DS-1', reason: ' ' }] }),
        ),
      ).toBe('ReasonRequired');
      const disputed = await h.executeUpdate(disputeTipUpdate, {
        args: [{ disputeId: 'DS-1', reason: '企业只在夜间生产，白天核查看不到' }],
      });
      expect(Date.parse(disputed.recheckDueAt)).toBeLessThanOrEqual(Date.parse(fb.disputeUntil!) + 10 * DAY);
      const recheckTask = await taskOpen(wf, 'recheck');
      expect(recheckTask.taskKey).toBe(disputed.taskKey);
      expect(recheckTask.request.candidates).toEqual([{ role: 'leader', orgUnitCode: DISTRICT }]);
      expect(
        await rejectionType(
          h.executeUpdate(recordTipRecheckUpdate, {
            args: [{ decision: 'revised', by: by(ACTORS.above), summary: '夜间复查属实' }],
          }),
        ),
      ).toBe('InvalidData');
      await h.executeUpdate(recordTipRecheckUpdate, {
        args: [
          {
            decision: 'revised',
            by: by(ACTORS.above),
            summary: '夜间复查发现无证生产',
            revised: verification({
              by: by(ACTORS.above),
              hazardGrade: undefined,
              fineYuan: null,
              followUp: {
                kind: 'enforcementCase',
                enforcementCase: {
                  enterpriseCreditCode: '91500116MA5U7KJ200',
                  title: '无证夜间生产',
                  findings: '夜间复查发现未取得安全生产许可证擅自生产',
                  departmentCode: DEPARTMENT,
                },
              },
            }),
          },
        ],
      });
      // Feedback of the re-check: let it run late (10 days) — one breach, escalated to the level above.
      const feedback2 = await eventually('feedback#2', () =>
        tasks.list(wf, 'feedback').find((x) => x.taskKey === 'feedback#2'),
      );
      await eventually(
        'the feedback escalation',
        () => feedback2.reminders.some((r) => r.kind === 'escalation'),
        60_000,
      );
      expect(feedback2.reminders.find((r) => r.kind === 'escalation')?.escalateTo).toEqual([
        { role: 'leader', orgUnitCode: DISTRICT },
      ]);
      expect((await state(h)).breaches).toEqual(['feedback']);
      await sendFeedback(h);
      // The penalty came later: the reward waits for the fine.
      const fine = await taskOpen(wf, 'recordFine');
      expect((await state(h)).reward?.status).toBe('awaitingFine');
      expect(
        await rejectionType(
          h.executeUpdate(recordTipFineUpdate, { args: [{ by: by(ACTORS.handler), fineYuan: -1 }] }),
        ),
      ).toBe('InvalidData');
      await h.executeUpdate(recordTipFineUpdate, {
        args: [{ by: by(ACTORS.handler), fineYuan: 10_000, penaltyDecisionNo: '津应急罚〔2026〕7号' }],
      });
      expect(fine.taskKey).toBe('recordFine#1');
      await approve(h, 3_000);
      await eventually('claimable', async () => (await state(h)).status === 'rewardApproved');
      await claim(h);
      await decide(await taskOpen(wf, 'payReward'), 'paid', ACTORS.finance);
      const result = await h.result();
      expect(result).toMatchObject({
        status: 'rewardPaid',
        reward: { amountYuan: 3_000 },
        followUp: { kind: 'enforcementCase', id: 'C-D1' },
      });
      expect(tipline.cases.filter((c) => c.tipId === tipId)).toHaveLength(1);
      const computed = tipline.rewards.find((r) => r.tipId === tipId && r.reward.status === 'assessed')!;
      expect(computed.reward.computation?.lines.map((l) => l.code)).toEqual([
        'subject',
        'fineShare',
        'minimum',
        'total',
      ]);
      expect(tipline.eventTypes(tipId)).toEqual([
        'tip.received',
        'tip.accepted',
        'verification.unsubstantiated',
        'feedback.due',
        'feedback.sent',
        'dispute.received',
        'recheck.revised',
        'verification.substantiated',
        'followUp.enforcementCase',
        'feedback.due',
        'feedback.breached',
        'feedback.sent',
        'fine.recorded',
        'reward.computed',
        'reward.approved',
        'reward.claimed',
        'reward.paid',
        'tip.closed',
      ]);
      keep('tip-dispute-recheck', wf);
    },
  );

  scenario(
    'dispute → 复查 upholds → feedback again → no second dispute → closed; not first reporter → no reward',
    async () => {
      const h = await start(tipInput('U1'));
      await accept(h);
      await verify(h, {
        outcome: 'unsubstantiated',
        summary: '查无实据',
        hazardGrade: undefined,
        fineYuan: undefined,
        followUp: undefined,
      });
      await sendFeedback(h);
      await h.executeUpdate(disputeTipUpdate, { args: [{ disputeId: 'DS-2', reason: '不认可' }] });
      await taskOpen(h.workflowId, 'recheck');
      await h.executeUpdate(recordTipRecheckUpdate, {
        args: [{ decision: 'upheld', by: by(ACTORS.above), summary: '维持' }],
      });
      await eventually('feedback#2', () =>
        tasks.list(h.workflowId, 'feedback').find((x) => x.taskKey === 'feedback#2'),
      );
      const fb = await sendFeedback(h);
      expect(fb.disputeUntil).toBeNull();
      expect(await h.result()).toMatchObject({ status: 'unfounded' });

      const d = await start(tipInput('U2'));
      await accept(d);
      await verify(d, { firstReporter: false, duplicateOfTipId: 'P1' });
      await sendFeedback(d);
      expect(await d.result()).toMatchObject({
        status: 'noReward',
        reward: { amountYuan: 0, status: 'notEligible' },
      });
      expect(tipline.hazards.filter((x) => x.tipId === 'U2')).toHaveLength(1);
      expect(tasks.list(d.workflowId, 'approveReward')).toEqual([]);
    },
  );
});

describe('idempotency and recorded histories', () => {
  it('recorded nothing twice, and replays every scenario (saving them with ZHIBEN_RECORD_HISTORIES=1)', async () => {
    await Promise.all(scenarios.map((s) => s.outcome ?? Promise.resolve(null)));
    expect(tipline.duplicates).toBe(0);
    const histories: { name: string; workflowId: string; history: History }[] = [];
    for (const { name, workflowId } of finished) {
      const history = await env.client.workflow.getHandle(workflowId).fetchHistory();
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

it('scales a day to half a second', () => {
  expect(TEST_MS_PER_DAY).toBe(500);
});
