/**
 * The campaign workflows on the real worker machinery and a real Temporal dev server, with in-memory
 * activities (testing/fakes.ts) and one day scaled to a second. The scenarios run side by side; the last test
 * replays every run of every finished workflow (non-determinism fails it) and, with
 * `ZHIBEN_RECORD_HISTORIES=1`, writes some of them to test/histories for campaign-replay.workflow.spec.ts.
 */
import { TestWorkflowEnvironment } from '@temporalio/testing';
import {
  DefaultLogger,
  Runtime,
  Worker,
  bundleWorkflowCode,
  type WorkflowBundleWithSourceMap,
} from '@temporalio/worker';
import { campaignOccurrences } from '@zhiben/campaigns-domain';
import { WorkCalendar, endOfDay } from '@zhiben/calendar';
import {
  CAMPAIGN_EVENT_SIGNAL,
  CAMPAIGN_REPORT_STATE_QUERY,
  CAMPAIGN_RESUBMIT_UPDATE,
  CAMPAIGN_STATE_QUERY,
  CAMPAIGN_WITHDRAW_UPDATE,
  TASK_DECIDE_UPDATE,
  TASK_QUEUES,
  campaignWorkflowId,
  type CampaignReportStateView,
  type CampaignReportWorkflowInput,
  type CampaignStateView,
  type CampaignWorkflowInput,
  type ReportSchedule,
  type TaskDecisionPayload,
} from '@zhiben/contracts/workflow';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import type { CampaignReportResult } from './campaign-report.workflow';
import type { CampaignResult } from './campaign.workflow';
import {
  FakeCampaignsService,
  FakeEnforcementFigures,
  FakeHazardFigures,
  FakeTasksService,
  type FakeTask,
} from './testing/fakes';
import { historyFromJson, historyToJson, type History } from './testing/history-json';
import {
  CAMPAIGN_WORKFLOWS_PATH,
  HISTORIES_DIR,
  REPO_ROOT,
  withZhibenAliases,
} from './testing/workflow-bundle';

jest.setTimeout(300_000); // scaled days: generous under a loaded CI machine

const TEMPORAL_CLI = process.env.TEMPORAL_CLI_PATH ?? `${homedir()}/.cache/zhiben/bin/temporal`;
const RECORD = process.env.ZHIBEN_RECORD_HISTORIES === '1';
const MS_PER_DAY = 1000;
const DAY = 86_400_000;
/** A task queue whose worker the idempotency scenario stops and restarts. */
const RESTART_QUEUE = 'zhiben-workflows-restart';
/** Histories saved for the replay spec. */
const RECORDED = ['campaign-full', 'campaign-cascade', 'campaign-report-late'];

const tasks = new FakeTasksService();
const campaigns = new FakeCampaignsService();
const figures = new FakeHazardFigures();
const enforcementFigures = new FakeEnforcementFigures();
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
    bundleWorkflowCode({ workflowsPath: CAMPAIGN_WORKFLOWS_PATH, webpackConfigHook: withZhibenAliases }),
  ]);
  const connection = env.nativeConnection;
  runWorker(await createWorkflowWorker(TASK_QUEUES.workflows));
  restartable = runWorker(await createWorkflowWorker(RESTART_QUEUE));
  runWorker(await Worker.create({ connection, taskQueue: TASK_QUEUES.tasks, activities: tasks.activities }));
  runWorker(
    await Worker.create({ connection, taskQueue: TASK_QUEUES.campaigns, activities: campaigns.activities }),
  );
  runWorker(
    await Worker.create({ connection, taskQueue: TASK_QUEUES.hazards, activities: figures.activities }),
  );
  runWorker(
    await Worker.create({
      connection,
      taskQueue: TASK_QUEUES.enforcement,
      activities: enforcementFigures.activities,
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
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const ACTORS = {
  leader: { username: 'leader.jj', name: '王强', orgUnitCode: 'jiangjin' },
  office: { username: 'admin.jj', name: '李娜', orgUnitCode: 'jiangjin.office' },
  town: { username: 'official.jiasi', name: '张伟', orgUnitCode: 'jiangjin.jiasi' },
  townLeader: { username: 'leader.jiasi', name: '刘洋', orgUnitCode: 'jiangjin.jiasi' },
  enterprise: { username: 'enterprise.jiasi', name: '赵敏', orgUnitCode: 'ent:91500116MA5U8X1234' },
} satisfies Record<string, TaskDecisionPayload['actor']>;
const OFFICE = [{ role: 'official' as const, orgUnitCode: 'jiangjin.office' }];
const ENT = 'ent:91500116MA5U8X1234';

/** Asia/Shanghai civil date `n` days from now. */
const day = (n: number) => new Date(Date.now() + 8 * 3_600_000 + n * DAY).toISOString().slice(0, 10);

const LATE_POLICY: CampaignWorkflowInput['latePolicy'] = {
  remindAt: [0.5],
  urgeEvery: { amount: 1, unit: 'naturalDays' },
  maxUrges: 2,
  circulateAfter: { amount: 3, unit: 'naturalDays' },
};

function schedule(
  id: string,
  kind: ReportSchedule['report']['kind'],
  timing: ReportSchedule['timing'],
  extra: Partial<ReportSchedule> = {},
): ReportSchedule {
  return {
    id,
    titleZh: `${id}报送`,
    titleEn: `${id} report`,
    report: { kind },
    timing,
    dueDatePolicy: 'keep',
    leadTime: { amount: 1, unit: 'naturalDays' },
    ...extra,
  };
}

function campaignInput(campaignId: string, over: Partial<CampaignWorkflowInput> = {}): CampaignWorkflowInput {
  return {
    campaignId,
    title: `测试专项行动 ${campaignId}`,
    templateId: 'test',
    templateVersion: 1,
    issuingUnitCode: 'jiangjin',
    period: { start: day(0), end: { kind: 'date', date: day(1) } },
    stages: [],
    schedules: [],
    participants: [],
    approvers: [{ role: 'leader', orgUnitCode: 'jiangjin' }],
    office: OFFICE,
    parent: null,
    latePolicy: LATE_POLICY,
    clock: { msPerDay: MS_PER_DAY },
    ...over,
  };
}

const stage = (key: string, start: string, end: CampaignWorkflowInput['period']['end']) => ({
  key,
  kind: 'Other' as const,
  titleZh: `阶段${key}`,
  titleEn: `Stage ${key}`,
  start,
  end,
});

function startCampaign(input: CampaignWorkflowInput, taskQueue: string = TASK_QUEUES.workflows) {
  return env.client.workflow.start<(i: CampaignWorkflowInput) => Promise<CampaignResult>>('campaign', {
    taskQueue,
    workflowId: campaignWorkflowId(input.campaignId),
    args: [input],
  });
}

const taskOpen = (workflowId: string, step: string, timeoutMs?: number) =>
  eventually(`an open ${step} task in ${workflowId}`, () => tasks.open(workflowId, step), timeoutMs);

function decide(task: FakeTask, decision: string, actor: TaskDecisionPayload['actor'], comment = '') {
  const payload: TaskDecisionPayload = {
    taskId: task.taskId,
    taskKey: task.taskKey,
    decision,
    comment,
    data: {},
    attachments: [],
    actor,
    decidedAt: new Date().toISOString(),
  };
  return env.client.workflow
    .getHandle(task.workflowId)
    .executeUpdate(TASK_DECIDE_UPDATE, { args: [payload] });
}

const rejectionType = (p: Promise<unknown>) =>
  p.then(
    () => 'accepted',
    (e: { cause?: { type?: string } }) => e.cause?.type ?? String(e),
  );

const campaignState = (campaignId: string) =>
  env.client.workflow
    .getHandle(campaignWorkflowId(campaignId))
    .query<CampaignStateView>(CAMPAIGN_STATE_QUERY);
const reportState = (workflowId: string) =>
  env.client.workflow.getHandle(workflowId).query<CampaignReportStateView>(CAMPAIGN_REPORT_STATE_QUERY);

/** Fills in and signs off every report of a campaign as it opens, until `stop()` returns true. */
async function submitAllReports(campaignId: string, stop: () => boolean) {
  while (!stop()) {
    for (const t of tasks.tasks.values()) {
      if (t.status !== 'open' || !t.workflowId.startsWith(`campaign-report-${campaignId}-`)) continue;
      const actor =
        t.request.candidates[0].role === 'enterprise'
          ? ACTORS.enterprise
          : t.request.step === 'fillReport'
            ? ACTORS.town
            : ACTORS.townLeader;
      t.status = 'closed'; // claimed here; the workflow closes it for real
      await decide(t, t.request.step === 'fillReport' ? 'submit' : 'approve', actor).catch(() => undefined);
    }
    await sleep(30);
  }
}

const finished: { name: string; workflowId: string }[] = [];
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

const campaignEvents = (campaignId: string) => campaigns.eventTypes(campaignId, null);
const dedupe = <T>(xs: T[]) => xs.filter((x, i) => i === 0 || xs[i - 1] !== x);

// ── scenarios ───────────────────────────────────────────────────────────────────────────────────
describe('campaign', () => {
  scenario(
    'runs through its stages on scaled time, opens each report once per unit across a worker restart and continue-as-new, then summarizes and closes',
    async () => {
      const id = 'C-FULL';
      const wf = campaignWorkflowId(id);
      const input = campaignInput(id, {
        period: { start: day(3), end: { kind: 'date', date: day(12) } },
        stages: [
          stage('s1', day(3), { kind: 'date', date: day(5) }),
          stage('s2', day(6), { kind: 'date', date: day(8) }),
          stage('s3', day(9), { kind: 'date', date: day(12) }),
        ],
        schedules: [
          schedule('progress', 'dispatchForm', { kind: 'oneOff', dates: [day(5), day(8)] }),
          schedule(
            'summary',
            'finalSummary',
            { kind: 'final', date: day(14) },
            { leadTime: { amount: 2, unit: 'naturalDays' } },
          ),
        ],
        participants: ['jiangjin.jiasi', ENT],
      });
      const handle = await startCampaign(input, RESTART_QUEUE);
      const approve = await taskOpen(wf, 'approveCampaign');
      expect(approve.request.candidates).toEqual([{ role: 'leader', orgUnitCode: 'jiangjin' }]);
      expect(approve.request.decisions.map((d) => d.code)).toEqual(['approve', 'return']);
      await decide(approve, 'approve', ACTORS.leader, '同意印发');

      let done = false;
      const submitting = submitAllReports(id, () => done);
      // Restart the worker once the first reports are out: the new worker replays from history.
      await eventually('the first reports', () => campaigns.reportsOf(id).length >= 2);
      restartable.shutdown();
      await eventually('the worker stopped', () => restartable.getState() === 'STOPPED');
      restartable = runWorker(await createWorkflowWorker(RESTART_QUEUE));

      const result = await handle.result();
      done = true;
      await submitting;
      expect(result.status).toBe('closed');
      const keys = [`progress.${day(5)}`, `progress.${day(8)}`, 'summary.final'];
      expect(result.startedOccurrences).toEqual(keys);

      // Each (occurrence, unit) has exactly one report workflow and one report row.
      const reports = campaigns.reportsOf(id);
      expect(reports.map((r) => `${r.occurrenceKey}/${r.unitCode}`).sort()).toEqual(
        keys.flatMap((k) => [`${k}/jiangjin.jiasi`, `${k}/${ENT}`]).sort(),
      );
      const childIds = new Set(reports.map((r) => `campaign-report-${id}-${r.occurrenceKey}-${r.unitCode}`));
      expect(childIds.size).toBe(6);
      for (const child of childIds) {
        await eventually(`${child} signed off`, () => tasks.list(child, 'signReport').length > 0);
        expect(tasks.list(child, 'fillReport').map((t) => t.taskKey)).toEqual(['fillReport#1']);
      }
      // The due instants are the domain library's.
      const expected = campaignOccurrences(
        input.schedules,
        { startsOn: day(3), endsOn: day(12) },
        new WorkCalendar([], { outOfRange: 'weekendsOnly' }),
      );
      for (const r of reports) {
        const o = expected.find((x) => `${x.scheduleId}.${x.key}` === r.occurrenceKey)!;
        expect(r.dueAt).toBe(o.dueAt.toISOString());
      }
      expect(reports.find((r) => r.occurrenceKey === 'summary.final')!.dueAt).toBe(
        endOfDay(day(14)).toISOString(),
      );
      // Pre-fill only for the dispatch form, from the unit's own scope, as of the opening instant.
      expect(figures.requests.filter((q) => q.unitCode === ENT).length).toBeGreaterThanOrEqual(2);
      expect(
        reports
          .filter((r) => r.prefilled !== null)
          .map((r) => r.occurrenceKey)
          .sort(),
      ).toEqual([keys[0], keys[0], keys[1], keys[1]]);

      expect(dedupe(campaigns.statusTrail(id))).toEqual([
        'approval',
        'issued',
        'running',
        'summarizing',
        'closed',
      ]);
      // The restart may take calendar days (a worker shutdown is slow): the campaign then catches up, so the
      // stages a run saw as current vary, but each stage starts and ends once, in order.
      expect(
        campaigns.statuses.filter((s) => s.campaignId === id && s.status === 'running')[0].currentStageKey,
      ).toBe('s1');
      expect(
        campaigns.events
          .filter((e) => e.campaignId === id && e.type.startsWith('stage.'))
          .map((e) => `${e.type}:${String(e.data?.stageKey)}`),
      ).toEqual([
        'stage.started:s1',
        'stage.ended:s1',
        'stage.started:s2',
        'stage.ended:s2',
        'stage.started:s3',
        'stage.ended:s3',
      ]);
      const types = campaignEvents(id);
      const count = (t: string) => types.filter((x) => x === t).length;
      expect([
        count('stage.started'),
        count('stage.ended'),
        count('reports.opened'),
        count('campaign.summarizing'),
        count('campaign.closed'),
      ]).toEqual([3, 3, 3, 1, 1]);
      expect(types.slice(0, 3)).toEqual(['campaign.submitted', 'campaign.approved', 'campaign.issued']);
      expect(campaigns.duplicates).toBe(0);
      // One occurrence per run.
      expect((await runsOf(wf)).length).toBeGreaterThanOrEqual(4);
      finished.push({ name: 'campaign-full', workflowId: wf });
      for (const child of childIds) finished.push({ name: child, workflowId: child });
    },
  );

  scenario(
    'an event-ended stage ends on its signal and not before; the final report falls due N days after',
    async () => {
      const id = 'C-EVENT';
      const wf = campaignWorkflowId(id);
      const handle = await startCampaign(
        campaignInput(id, {
          period: { start: day(3), end: { kind: 'event', event: 'summit' } },
          stages: [
            stage('s1', day(3), { kind: 'date', date: day(4) }),
            stage('s2', day(5), { kind: 'event', event: 'summit' }),
          ],
          schedules: [
            schedule(
              'final',
              'finalSummary',
              { kind: 'final', daysAfterEnd: 1 },
              { leadTime: { amount: 0, unit: 'naturalDays' } },
            ),
          ],
          participants: ['jiangjin.baisha'],
        }),
      );
      await decide(await taskOpen(wf, 'approveCampaign'), 'approve', ACTORS.leader);
      const before = await eventually('six days on', async () => {
        const s = await campaignState(id);
        return Date.parse(s.calendarNow) >= Date.parse(`${day(8)}T00:00:00+08:00`) && s;
      });
      expect(before.status).toBe('running');
      expect(before.currentStage).toBe('s2');
      expect(before.endedStages).toEqual(['s1']);
      expect(before.awaitedEvents).toEqual(['summit']);
      expect(campaigns.reportsOf(id)).toEqual([]);

      await env.client.workflow.getHandle(wf).signal(CAMPAIGN_EVENT_SIGNAL, {
        eventKey: 'summit',
        at: new Date().toISOString(),
        by: { username: 'admin.jj', name: '李娜' },
      });
      const after = await eventually('summarizing', async () => {
        const s = await campaignState(id);
        return s.status === 'summarizing' && s;
      });
      expect(after.endedStages).toEqual(['s1', 's2']);
      expect(after.awaitedEvents).toEqual([]);
      const ended = await eventually('both stage ends recorded', () => {
        const xs = campaigns.events.filter((e) => e.campaignId === id && e.type === 'stage.ended');
        return xs.length === 2 && xs;
      });
      expect(ended.map((e) => e.data?.endedBy)).toEqual(['date', 'event']);
      // The final report: due at the end of the day after the event's day.
      const report = await eventually('the final report', () => campaigns.reportsOf(id)[0]);
      const eventDay = new Date(Date.parse(after.events[0].at) + 8 * 3_600_000).toISOString().slice(0, 10);
      const next = new Date(Date.parse(`${eventDay}T00:00:00Z`) + DAY).toISOString().slice(0, 10);
      expect(report.dueAt).toBe(endOfDay(next).toISOString());
      expect(report.occurrenceKey).toBe('final.final');
      // Only the first signal counts.
      await env.client.workflow.getHandle(wf).signal(CAMPAIGN_EVENT_SIGNAL, {
        eventKey: 'summit',
        at: new Date().toISOString(),
        by: { username: 'x', name: 'x' },
      });
      const rwf = `campaign-report-${id}-final.final-jiangjin.baisha`;
      await decide(await taskOpen(rwf, 'fillReport'), 'submit', ACTORS.town);
      await decide(await taskOpen(rwf, 'signReport'), 'approve', ACTORS.townLeader);
      expect((await handle.result()).status).toBe('closed');
      expect(campaignEvents(id).filter((t) => t === 'campaign.event')).toHaveLength(1);
      expect(campaigns.duplicates).toBe(0);
      finished.push(
        { name: 'campaign-event', workflowId: wf },
        { name: 'campaign-event-report', workflowId: rwf },
      );
    },
  );

  scenario(
    'due days on holidays and in February follow the domain library (a 2025 plan caught up)',
    async () => {
      const id = 'C-2025';
      const wf = campaignWorkflowId(id);
      const input = campaignInput(id, {
        period: { start: '2025-01-01', end: { kind: 'date', date: '2025-03-31' } },
        stages: [stage('s1', '2025-01-01', { kind: 'date', date: '2025-03-31' })],
        schedules: [
          schedule(
            'm29',
            'progress',
            { kind: 'monthly', dueDay: 29, shortMonth: 'lastDayOfMonth' },
            { dueDatePolicy: 'rollForward', leadTime: { amount: 5, unit: 'workingDays' } },
          ),
          schedule('keep29', 'progress', {
            kind: 'monthly',
            dueDay: 29,
            shortMonth: 'lastDayOfMonth',
            fromMonth: '2025-01',
            toMonth: '2025-01',
          }),
        ],
        participants: ['jiangjin.jiasi'],
      });
      const handle = await startCampaign(input);
      await decide(await taskOpen(wf, 'approveCampaign'), 'approve', ACTORS.leader);
      expect((await handle.result()).status).toBe('closed');
      const due = Object.fromEntries(campaigns.reportsOf(id).map((r) => [r.occurrenceKey, r.dueAt]));
      expect(due).toEqual({
        // 29 January 2025 is in the Spring Festival holiday: 顺延 to Wednesday 5 February.
        'm29.2025-01': endOfDay('2025-02-05').toISOString(),
        // February has no 29th: the month's last day, a Friday.
        'm29.2025-02': endOfDay('2025-02-28').toISOString(),
        // 29 March 2025 is a Saturday: 顺延 to Monday 31 March.
        'm29.2025-03': endOfDay('2025-03-31').toISOString(),
        // The plan's date kept although it is a holiday.
        'keep29.2025-01': endOfDay('2025-01-29').toISOString(),
      });
      const expected = campaignOccurrences(
        input.schedules,
        { startsOn: '2025-01-01', endsOn: '2025-03-31' },
        new WorkCalendar(),
      );
      expect(Object.keys(due).sort()).toEqual(expected.map((o) => `${o.scheduleId}.${o.key}`).sort());
      for (const o of expected) expect(due[`${o.scheduleId}.${o.key}`]).toBe(o.dueAt.toISOString());
      // Issued after its end: straight to summarizing, every stage started and ended at once.
      expect(dedupe(campaigns.statusTrail(id))).toEqual(['approval', 'issued', 'summarizing', 'closed']);
      expect(campaignEvents(id).filter((t) => t.startsWith('stage.'))).toEqual([
        'stage.started',
        'stage.ended',
      ]);
      // The reports caught up are late at once; each was marked late exactly once.
      await eventually('every report circulated', () =>
        campaigns
          .reportsOf(id)
          .every((r) => campaigns.eventTypes(id, r.reportId).includes('report.circulated')),
      );
      for (const r of campaigns.reportsOf(id)) {
        expect(campaigns.eventTypes(id, r.reportId)).toEqual([
          'report.opened',
          'report.late',
          'report.urged',
          'report.urged',
          'report.circulated',
        ]);
        await env.client.workflow
          .getHandle(`campaign-report-${id}-${r.occurrenceKey}-jiangjin.jiasi`)
          .terminate('test over');
      }
      finished.push({ name: 'campaign-2025', workflowId: wf });
    },
  );

  scenario(
    'approval 退回 → draft → resubmit → approval → 备案 with the parent office accepted → issued → closed',
    async () => {
      const id = 'C-CASCADE';
      const wf = campaignWorkflowId(id);
      const handle = await startCampaign(
        campaignInput(id, {
          issuingUnitCode: 'jiangjin.jiasi',
          approvers: [{ role: 'leader', orgUnitCode: 'jiangjin.jiasi' }],
          office: [{ role: 'official', orgUnitCode: 'jiangjin.jiasi' }],
          parent: { campaignId: 'C-PARENT', officeCandidates: OFFICE },
          period: { start: day(10), end: { kind: 'date', date: day(11) } },
          stages: [stage('s1', day(10), { kind: 'date', date: day(11) })],
        }),
      );
      const h = env.client.workflow.getHandle(wf);
      const by = { username: 'official.jiasi', name: '张伟' };
      const first = await taskOpen(wf, 'approveCampaign');
      expect(await rejectionType(h.executeUpdate(CAMPAIGN_RESUBMIT_UPDATE, { args: [{ by }] }))).toBe(
        'NotReturned',
      );
      expect(await rejectionType(decide(first, 'return', ACTORS.townLeader, ' '))).toBe('CommentRequired');
      await decide(first, 'return', ACTORS.townLeader, '时间安排过紧，请调整');
      await eventually('draft', async () => (await campaignState(id)).status === 'draft');
      expect(
        await h.executeUpdate(CAMPAIGN_RESUBMIT_UPDATE, {
          args: [{ by, revised: { title: '贾嗣镇测试专项行动（修改稿）' } }],
        }),
      ).toEqual({ accepted: true, round: 2 });
      const second = await taskOpen(wf, 'approveCampaign');
      expect(second.taskKey).toBe('approveCampaign#2');
      expect(second.request.titleZh).toBe('审批实施方案：贾嗣镇测试专项行动（修改稿）');
      await decide(second, 'approve', ACTORS.townLeader);
      const filing = await taskOpen(wf, 'fileCampaign');
      expect(filing.request.candidates).toEqual(OFFICE);
      expect(filing.request.decisions.map((d) => d.code)).toEqual(['accept', 'return']);
      expect((await campaignState(id)).status).toBe('approval');
      await decide(filing, 'accept', ACTORS.office, '予以备案');
      expect((await handle.result()).status).toBe('closed');
      // 'running' only shows when the approvals took less than the ten (scaled) days before the start.
      expect(dedupe(campaigns.statusTrail(id)).filter((s) => s !== 'running')).toEqual([
        'approval',
        'draft',
        'approval',
        'issued',
        'summarizing',
        'closed',
      ]);
      expect(campaignEvents(id).slice(0, 7)).toEqual([
        'campaign.submitted',
        'campaign.returned',
        'campaign.submitted',
        'campaign.approved',
        'campaign.filingRequested',
        'campaign.filed',
        'campaign.issued',
      ]);
      const returned = campaigns.events.find((e) => e.campaignId === id && e.type === 'campaign.returned')!;
      expect(returned.summaryZh).toBe('刘洋 退回实施方案：时间安排过紧，请调整');
      finished.push({ name: 'campaign-cascade', workflowId: wf });
    },
  );

  scenario('a returned plan can be withdrawn (rejected)', async () => {
    const id = 'C-WITHDRAW';
    const wf = campaignWorkflowId(id);
    const handle = await startCampaign(campaignInput(id));
    await decide(await taskOpen(wf, 'approveCampaign'), 'return', ACTORS.leader, '不符合上级部署');
    await eventually('draft', async () => (await campaignState(id)).status === 'draft');
    const h = env.client.workflow.getHandle(wf);
    const by = { username: 'admin.jj', name: '李娜' };
    expect(
      await rejectionType(h.executeUpdate(CAMPAIGN_WITHDRAW_UPDATE, { args: [{ by, reason: '' }] })),
    ).toBe('ReasonRequired');
    await h.executeUpdate(CAMPAIGN_WITHDRAW_UPDATE, { args: [{ by, reason: '另行制定方案' }] });
    expect((await handle.result()).status).toBe('rejected');
    expect(dedupe(campaigns.statusTrail(id))).toEqual(['approval', 'draft', 'rejected']);
    finished.push({ name: 'campaign-withdrawn', workflowId: wf });
  });
});

describe('campaignReport', () => {
  function reportInput(
    reportId: string,
    over: Partial<CampaignReportWorkflowInput> = {},
  ): CampaignReportWorkflowInput {
    const now = Date.now();
    return {
      campaignId: 'C-R',
      campaignTitle: '测试专项行动',
      reportId,
      scheduleKey: 'monthly',
      occurrenceKey: `monthly.${reportId}`,
      kind: 'dispatchForm',
      periodLabelZh: '2026年11月',
      periodLabelEn: 'November 2026',
      unitCode: 'jiangjin.jiasi',
      opensAt: new Date(now).toISOString(),
      dueAt: new Date(now + 2 * DAY).toISOString(),
      prefill: true,
      office: OFFICE,
      latePolicy: LATE_POLICY,
      clock: { msPerDay: MS_PER_DAY },
      ...over,
    };
  }
  const startReport = (input: CampaignReportWorkflowInput) =>
    env.client.workflow.start<(i: CampaignReportWorkflowInput) => Promise<CampaignReportResult>>(
      'campaignReport',
      {
        taskQueue: TASK_QUEUES.workflows,
        workflowId: `report-test-${input.reportId}`,
        args: [input],
      },
    );

  scenario(
    'a late unit is reminded, marked late, urged, then circulated (通报) exactly once each; 退回 reopens the fill-in',
    async () => {
      const input = reportInput('R-LATE', { dueAt: new Date(Date.now() + 4 * DAY).toISOString() });
      const wf = `report-test-${input.reportId}`;
      const handle = await startReport(input);
      const fill = await taskOpen(wf, 'fillReport');
      expect(fill.request.candidates).toEqual([{ role: 'official', orgUnitCode: 'jiangjin.jiasi' }]);
      expect(fill.request.decisions.map((d) => d.code)).toEqual(['submit']);
      expect(fill.request.titleZh).toBe('填报2026年11月月度调度表：测试专项行动');
      expect(
        figures.requests.find((q) => q.unitCode === 'jiangjin.jiasi' && q.asOf === input.opensAt),
      ).toEqual({ unitCode: 'jiangjin.jiasi', asOf: input.opensAt, since: null });
      // Ledger rows from hazards-service, enforcement rows from enforcement-service; the ledger's own
      // figure wins where both answer.
      expect(
        enforcementFigures.requests.find((q) => q.unitCode === 'jiangjin.jiasi' && q.asOf === input.opensAt),
      ).toEqual({ unitCode: 'jiangjin.jiasi', asOf: input.opensAt, since: null });
      expect(campaigns.reports.get('R-LATE')!.prefilled).toEqual({
        'found.major': 3,
        'rectified.major': 1,
        E3a: 2,
        E3b: 1.5,
        E5: 1,
      });

      await eventually('circulated', async () => (await reportState(wf)).circulated);
      await eventually('the 通报 recorded', () =>
        campaigns.eventTypes('C-R', 'R-LATE').includes('report.circulated'),
      );
      await sleep(3 * MS_PER_DAY); // nothing more comes after the 通报
      expect(campaigns.eventTypes('C-R', 'R-LATE')).toEqual([
        'report.opened',
        'report.late',
        'report.urged',
        'report.urged',
        'report.circulated',
      ]);
      expect(fill.reminders.map((r) => [r.kind, r.seq])).toEqual([
        ['reminder', 1],
        ['overdue', 2],
        ['overdue', 1001],
        ['overdue', 1002],
        ['escalation', 2000],
      ]);
      expect(fill.reminders[4].escalateTo).toEqual(OFFICE);
      expect(fill.reminders[2].messageZh).toContain('【催报】');
      expect(campaigns.reportStatuses.filter((s) => s.reportId === 'R-LATE')).toEqual([
        { reportId: 'R-LATE', status: 'open', late: true },
      ]);
      const late = campaigns.events.find((e) => e.reportId === 'R-LATE' && e.type === 'report.late')!;
      expect(late.summaryZh).toMatch(
        /^jiangjin\.jiasi「2026年11月月度调度表」逾期未报（截止 \d{4}-\d\d-\d\d \d\d:\d\d）$/,
      );

      await decide(fill, 'submit', ACTORS.town);
      const sign = await taskOpen(wf, 'signReport');
      expect(sign.request.candidates).toEqual([{ role: 'leader', orgUnitCode: 'jiangjin.jiasi' }]);
      expect(await rejectionType(decide(sign, 'return', ACTORS.townLeader))).toBe('CommentRequired');
      await decide(sign, 'return', ACTORS.townLeader, '隐患数据与台账不一致');
      const fill2 = await taskOpen(wf, 'fillReport');
      expect(fill2.taskKey).toBe('fillReport#2');
      await decide(fill2, 'submit', ACTORS.town);
      await decide(await taskOpen(wf, 'signReport'), 'approve', ACTORS.townLeader);
      expect(await handle.result()).toEqual({
        reportId: 'R-LATE',
        status: 'submittedLate',
        late: true,
        urges: 2,
        circulated: true,
      });
      expect(campaigns.eventTypes('C-R', 'R-LATE').slice(5)).toEqual([
        'report.submitted',
        'report.returned',
        'report.submitted',
        'report.signed',
      ]);
      expect(campaigns.reportStatuses.filter((s) => s.reportId === 'R-LATE').map((s) => s.status)).toEqual([
        'open',
        'review',
        'open',
        'review',
        'submittedLate',
      ]);
      finished.push({ name: 'campaign-report-late', workflowId: wf });
    },
  );

  scenario(
    'an enterprise submits on time: its own accounts fill in and sign; no pre-fill for a text report',
    async () => {
      const input = reportInput('R-ENT', {
        unitCode: ENT,
        kind: 'progress',
        prefill: false,
        dueAt: new Date(Date.now() + 30 * DAY).toISOString(),
      });
      const wf = `report-test-${input.reportId}`;
      const handle = await startReport(input);
      const fill = await taskOpen(wf, 'fillReport');
      expect(fill.request.candidates).toEqual([{ role: 'enterprise', orgUnitCode: ENT }]);
      await decide(fill, 'submit', ACTORS.enterprise);
      const sign = await taskOpen(wf, 'signReport');
      expect(sign.request.candidates).toEqual([{ role: 'enterprise', orgUnitCode: ENT }]);
      await decide(sign, 'approve', ACTORS.enterprise);
      expect(await handle.result()).toEqual({
        reportId: 'R-ENT',
        status: 'submitted',
        late: false,
        urges: 0,
        circulated: false,
      });
      expect(campaigns.reports.get('R-ENT')!.prefilled).toBeNull();
      expect(campaigns.eventTypes('C-R', 'R-ENT')).toEqual([
        'report.opened',
        'report.submitted',
        'report.signed',
      ]);
      finished.push({ name: 'campaign-report-on-time', workflowId: wf });
    },
  );
});

describe('recorded histories', () => {
  it('replays every run of every finished workflow (and saves some with ZHIBEN_RECORD_HISTORIES=1)', async () => {
    await Promise.all(scenarios.map((s) => s.outcome ?? Promise.resolve(null)));
    const histories: { name: string; workflowId: string; history: History }[] = [];
    for (const { name, workflowId } of finished) {
      const runs = await runsOf(workflowId);
      runs.forEach((run, i) =>
        histories.push({
          name: runs.length > 1 ? `${name}.run${i + 1}` : name,
          workflowId,
          history: historyFromJson(historyToJson(run)),
        }),
      );
    }
    expect(histories.length).toBeGreaterThanOrEqual(8);
    expect(histories.some((h) => h.name.endsWith('.run2'))).toBe(true);
    const failures: string[] = [];
    for await (const result of Worker.runReplayHistories({ workflowBundle: bundle }, histories)) {
      if (result.error) failures.push(`${result.workflowId}: ${result.error.message}`);
    }
    expect(failures).toEqual([]);
    if (RECORD) {
      if (!existsSync(HISTORIES_DIR)) mkdirSync(HISTORIES_DIR, { recursive: true });
      const files = histories
        .filter((h) => RECORDED.includes(h.name.replace(/\.run\d+$/, '')))
        .map(({ name, history }) => {
          const file = `${HISTORIES_DIR}/${name}.json`;
          writeFileSync(file, historyToJson(history));
          return file;
        });
      execFileSync(`${REPO_ROOT}/node_modules/.bin/prettier`, ['--write', '--log-level=warn', ...files]);
    }
  });
});
