import {
  ApplicationFailure,
  ParentClosePolicy,
  WorkflowIdReusePolicy,
  condition,
  continueAsNew,
  setHandler,
  startChild,
  workflowInfo,
} from '@temporalio/workflow';
import {
  campaignOccurrences,
  stagesAt,
  type CampaignRange,
  type ReportOccurrence,
  type StagesSnapshot,
} from '@zhiben/campaigns-domain/workflow';
import {
  campaignReportWorkflowId,
  type CampaignReportWorkflowInput,
  type CampaignResubmitInput,
  type CampaignStateView,
  type CampaignStatus,
  type CampaignWithdrawInput,
  type CampaignWorkflowInput,
  type CandidateRule,
  type TaskDecisionPayload,
} from '@zhiben/contracts/workflow';
import {
  humanTask,
  inOrder,
  installHumanTasks,
  onWorkCalendar,
  settleBookkeeping,
  shanghaiMinute,
  type HumanTaskDecided,
} from '@zhiben/workflows-shared';
import { campaigns } from './activities';
import { campaignReport } from './campaign-report.workflow';
import {
  campaignEventSignal,
  campaignStateQuery,
  resubmitCampaignUpdate,
  withdrawCampaignUpdate,
} from './campaign.messages';
import { calendarAt, isRealClock, msUntilCalendar, type ClockAnchor } from './clock';
import { campaignTexts, periodLabel, type TimelineText } from './texts';

/** Report workflows started at once (one batch); batches follow each other. */
export const CHILD_BATCH = 20;
/** While an event-ended campaign runs, occurrences are computed this far ahead (covers any lead time). */
const HORIZON_DAYS = 120;
/** An event-ended campaign without other timers re-evaluates its schedules this often (calendar days). */
const RECHECK_DAYS = 30;
const DAY = 86_400_000;
const TIMELINE_LIMIT = 30;

export const CAMPAIGN_STEPS = {
  approveCampaign: {
    titleZh: '审批实施方案',
    titleEn: 'Approve the plan',
    decisions: [
      { code: 'approve', labelZh: '批准', labelEn: 'Approve' },
      { code: 'return', labelZh: '退回', labelEn: 'Return', requiresComment: true },
    ],
  },
  fileCampaign: {
    titleZh: '备案',
    titleEn: 'Accept the filing',
    decisions: [
      { code: 'accept', labelZh: '予以备案', labelEn: 'Accept' },
      { code: 'return', labelZh: '退回', labelEn: 'Return', requiresComment: true },
    ],
  },
} as const;
export type CampaignStep = keyof typeof CAMPAIGN_STEPS;

/** The parts of the plan a resubmission may revise. */
export type CampaignPlan = Pick<
  CampaignWorkflowInput,
  'title' | 'period' | 'stages' | 'schedules' | 'participants'
>;

/** What a campaign carries across continue-as-new. */
export interface CampaignCarry {
  phase: 'approval' | 'returned' | 'filing' | 'issuing' | 'running';
  /** Approval round (1 = first submission). */
  round: number;
  plan: CampaignPlan;
  anchor: ClockAnchor;
  seq: number;
  visits: Partial<Record<CampaignStep, number>>;
  /** Events received (first signal per event), at the calendar instant they took effect. */
  signals: { event: string; atMs: number; recorded: boolean; by: string }[];
  /** Occurrences (`<scheduleId>.<key>`) whose report workflows have all been started. */
  started: string[];
  /** Stage events already recorded. */
  stageMarks: Record<string, 'started' | 'ended'>;
  published: { status: CampaignStatus | null; stage: string | null };
  timeline: CampaignStateView['timeline'];
}

export interface CampaignResult {
  status: Extract<CampaignStatus, 'closed' | 'rejected'>;
  startedOccurrences: string[];
}

export const occurrenceId = (o: Pick<ReportOccurrence, 'scheduleId' | 'key'>) => `${o.scheduleId}.${o.key}`;

/** The plan's range on the calendar: an event-ended campaign has an end day once its event came. */
export function campaignRange(plan: CampaignPlan, signals: CampaignCarry['signals']): CampaignRange {
  const end = plan.period.end;
  if (end.kind === 'date') return { startsOn: plan.period.start, endsOn: end.date };
  const signal = signals.find((s) => s.event === end.event);
  return { startsOn: plan.period.start, endsOn: signal ? shanghaiMinute(signal.atMs).slice(0, 10) : null };
}

/** Every occurrence of the plan's schedules known at calendar instant `nowMs`. */
export function occurrencesAt(
  plan: CampaignPlan,
  signals: CampaignCarry['signals'],
  nowMs: number,
): ReportOccurrence[] {
  const range = campaignRange(plan, signals);
  const until = range.endsOn === null ? shanghaiMinute(nowMs + HORIZON_DAYS * DAY).slice(0, 10) : undefined;
  return onWorkCalendar((calendar) =>
    campaignOccurrences(plan.schedules, range, calendar, until === undefined ? {} : { until }),
  );
}

/**
 * One campaign (专项行动, P-01/P-09/P-10): approval by the issuing unit's leaders (退回 → draft, then a
 * resubmit Update reopens the approval or a withdraw Update ends it as rejected), 备案 with the parent's
 * office for a cascaded plan (退回 there also returns the plan to draft), then issued: stages start and
 * end on durable timers at their Asia/Shanghai dates or on `CAMPAIGN_EVENT_SIGNAL`; at each report
 * occurrence's opening instant one `campaignReport` child per participant (ABANDON, idempotent ids, in
 * batches of `CHILD_BATCH`), then continue-as-new; after the last stage: summarizing until the last
 * occurrence falls due, then closed.
 */
export async function campaign(
  input: CampaignWorkflowInput,
  carried?: CampaignCarry,
): Promise<CampaignResult> {
  installHumanTasks();
  const { workflowId } = workflowInfo();
  const { clock, campaignId } = input;
  const nowMs0 = Date.now();
  const carry: CampaignCarry = carried ?? {
    phase: 'approval',
    round: 1,
    plan: {
      title: input.title,
      period: input.period,
      stages: input.stages,
      schedules: input.schedules,
      participants: input.participants,
    },
    anchor: { atMs: nowMs0, fireMs: nowMs0 },
    seq: 0,
    visits: {},
    signals: [],
    started: [],
    stageMarks: {},
    published: { status: null, stage: null },
    timeline: [],
  };
  const calNow = () => calendarAt(carry.anchor, Date.now(), clock);
  const started = new Set(carry.started);
  let snapshot: StagesSnapshot | null = null;
  let upcoming: ReportOccurrence[] = [];
  const openTasks = new Map<string, { taskKey: string; step: string; decisions: string[] }>();
  let resubmission: CampaignResubmitInput | null = null;
  let withdrawal: CampaignWithdrawInput | null = null;

  // ── messages ────────────────────────────────────────────────────────────────────────────────────
  setHandler(campaignEventSignal, (signal) => {
    if (!signal || typeof signal.eventKey !== 'string' || signal.eventKey === '') return;
    if (carry.signals.some((s) => s.event === signal.eventKey)) return; // the first signal counts
    const now = calNow();
    // On the real clock the event takes effect when it happened (never in the future); on a scaled
    // clock wall-clock instants mean nothing to the calendar, so it takes effect on receipt.
    const at = Date.parse(signal.at);
    const atMs = isRealClock(clock) && Number.isFinite(at) ? Math.min(at, now) : now;
    carry.signals.push({
      event: signal.eventKey,
      atMs,
      recorded: false,
      by: signal.by?.name || signal.by?.username || '',
    });
  });
  const requireRequester = (by: { username?: string } | undefined) => {
    if (!by || typeof by.username !== 'string' || by.username === '') {
      throw ApplicationFailure.create({
        type: 'RequesterRequired',
        message: '须注明提交人 / The requester is required',
        nonRetryable: true,
      });
    }
  };
  const requireReturned = () => {
    if (carry.phase !== 'returned' || resubmission || withdrawal) {
      throw ApplicationFailure.create({
        type: 'NotReturned',
        message: '方案当前不是退回修改状态 / The plan is not a returned draft',
        nonRetryable: true,
      });
    }
  };
  setHandler(
    resubmitCampaignUpdate,
    (req) => {
      resubmission = req;
      return { accepted: true as const, round: carry.round + 1 };
    },
    {
      validator: (req) => {
        requireReturned();
        requireRequester(req?.by);
      },
      description: 'Resubmit a returned plan for approval (修改后重新提交)',
    },
  );
  setHandler(
    withdrawCampaignUpdate,
    (req) => {
      withdrawal = req;
      return { accepted: true as const };
    },
    {
      validator: (req) => {
        requireReturned();
        requireRequester(req?.by);
        if (typeof req?.reason !== 'string' || req.reason.trim() === '') {
          throw ApplicationFailure.create({
            type: 'ReasonRequired',
            message: '须填写撤回理由 / A reason is required',
            nonRetryable: true,
          });
        }
      },
      description: 'Withdraw a returned plan: the campaign ends as rejected',
    },
  );
  setHandler(campaignStateQuery, (): CampaignStateView => {
    const now = calNow();
    const snap = snapshot ?? stagesAt(carry.plan, new Date(now), signalDates());
    return {
      campaignId,
      status: carry.published.status ?? 'draft',
      calendarNow: new Date(now).toISOString(),
      currentStage: snap.current,
      activeStages: snap.active,
      endedStages: snap.ended,
      upcomingStages: snap.upcoming,
      awaitedEvents: snap.waitingForEvents,
      events: carry.signals.map((s) => ({ eventKey: s.event, at: new Date(s.atMs).toISOString() })),
      startedOccurrences: [...carry.started],
      nextOccurrences: upcoming.slice(0, 5).map((o) => ({
        occurrenceKey: occurrenceId(o),
        opensAt: o.opensAt.toISOString(),
        dueAt: o.dueAt.toISOString(),
      })),
      openTasks: [...openTasks.values()],
      timeline: [...carry.timeline],
    };
  });
  const signalDates = () => carry.signals.map((s) => ({ event: s.event, at: new Date(s.atMs) }));

  // ── bookkeeping ─────────────────────────────────────────────────────────────────────────────────
  const eventKey = (type: string) => `${workflowId}:${type}:${++carry.seq}`;
  const record = (
    text: TimelineText,
    actor?: { username: string; name: string } | null,
    data?: Record<string, unknown>,
  ) => {
    carry.timeline.push({ at: new Date(calNow()).toISOString(), ...text });
    if (carry.timeline.length > TIMELINE_LIMIT)
      carry.timeline.splice(0, carry.timeline.length - TIMELINE_LIMIT);
    const event = {
      campaignId,
      eventKey: eventKey(text.type),
      type: text.type,
      summaryZh: text.summaryZh,
      summaryEn: text.summaryEn,
      actor: actor ? { username: actor.username, name: actor.name } : null,
      ...(data ? { data } : {}),
    };
    void inOrder(() => campaigns.recordCampaignEvent(event));
  };
  const publish = (status: CampaignStatus, stage: string | null = carry.published.stage) => {
    if (carry.published.status === status && carry.published.stage === stage) return;
    carry.published = { status, stage };
    const request = { campaignId, status, eventKey: eventKey(`status.${status}`), currentStageKey: stage };
    void inOrder(() => campaigns.setCampaignStatus(request));
  };
  const actorName = (a: TaskDecisionPayload['actor']) => a.name || a.username;

  const task = async (step: CampaignStep, candidates: CandidateRule[]): Promise<HumanTaskDecided> => {
    const def = CAMPAIGN_STEPS[step];
    const visit = (carry.visits[step] ?? 0) + 1;
    carry.visits[step] = visit;
    const taskKey = `${step}#${visit}`;
    openTasks.set(taskKey, { taskKey, step, decisions: def.decisions.map((d) => d.code) });
    try {
      const result = await humanTask({
        taskKey,
        type: `campaign.${step}`,
        titleZh: `${def.titleZh}：${carry.plan.title}`,
        titleEn: `${def.titleEn}: ${carry.plan.title}`,
        caseRef: campaignId,
        caseKind: 'campaign',
        step,
        candidates,
        priority: 'normal',
        decisions: [...def.decisions],
        formData: { campaignId, round: carry.round },
        orgUnitCode: input.issuingUnitCode,
        campaignId,
        due: { amount: 5, unit: 'workingDays' },
        clock,
        remindAt: [0.6],
        overdue: { action: 'wait' },
      });
      if (result.kind !== 'decided') {
        throw ApplicationFailure.nonRetryable(`Task ${taskKey} expired unexpectedly`, 'UnexpectedTaskExpiry');
      }
      return result;
    } finally {
      openTasks.delete(taskKey);
    }
  };

  // ── draft → approval (→ 备案) → issued ─────────────────────────────────────────────────────────
  while (carry.phase !== 'running') {
    switch (carry.phase) {
      case 'approval': {
        publish('approval');
        record(campaignTexts.submitted(carry.plan.title, carry.round));
        const r = await task('approveCampaign', input.approvers);
        if (r.decision === 'approve') {
          record(campaignTexts.approved(actorName(r.actor), r.comment), r.actor);
          carry.phase = input.parent ? 'filing' : 'issuing';
        } else {
          record(campaignTexts.returned(actorName(r.actor), r.comment), r.actor, { round: carry.round });
          publish('draft');
          carry.phase = 'returned';
        }
        break;
      }
      case 'filing': {
        record(campaignTexts.filingRequested(carry.plan.title), null, {
          parentCampaignId: input.parent!.campaignId,
        });
        const r = await task('fileCampaign', input.parent!.officeCandidates);
        if (r.decision === 'accept') {
          record(campaignTexts.filed(actorName(r.actor), r.comment), r.actor);
          carry.phase = 'issuing';
        } else {
          record(campaignTexts.filingReturned(actorName(r.actor), r.comment), r.actor, {
            round: carry.round,
          });
          publish('draft');
          carry.phase = 'returned';
        }
        break;
      }
      case 'returned': {
        await condition(() => resubmission !== null || withdrawal !== null);
        if (withdrawal) {
          const w: CampaignWithdrawInput = withdrawal;
          record(campaignTexts.withdrawn(w.by.name || w.by.username, w.reason), w.by);
          publish('rejected');
          await settleBookkeeping();
          return { status: 'rejected', startedOccurrences: [] };
        }
        const req: CampaignResubmitInput = resubmission!;
        resubmission = null;
        carry.plan = { ...carry.plan, ...(req.revised ?? {}) };
        carry.round += 1;
        carry.phase = 'approval';
        break;
      }
      case 'issuing':
        publish('issued');
        record(campaignTexts.issued(carry.plan.title));
        carry.phase = 'running';
        break;
    }
  }

  // ── issued → running → summarizing → closed ────────────────────────────────────────────────────
  const { plan } = carry;
  const stageTitles = new Map(plan.stages.map((s) => [s.key, s]));
  const recordStages = (snap: StagesSnapshot) => {
    for (const s of snap.stages) {
      const mark = carry.stageMarks[s.key];
      const title = stageTitles.get(s.key)!;
      if (s.status === 'active' && mark === undefined) {
        carry.stageMarks[s.key] = 'started';
        record(campaignTexts.stageStarted(title.titleZh, title.titleEn), null, { stageKey: s.key });
      } else if (s.status === 'ended' && mark !== 'ended') {
        if (mark === undefined && !s.skipped) {
          record(campaignTexts.stageStarted(title.titleZh, title.titleEn), null, { stageKey: s.key });
        }
        carry.stageMarks[s.key] = 'ended';
        record(campaignTexts.stageEnded(title.titleZh, title.titleEn, s.endedBy, s.skipped === true), null, {
          stageKey: s.key,
          endedBy: s.endedBy ?? null,
        });
      }
    }
  };
  const openOccurrence = async (o: ReportOccurrence, nowMs: number) => {
    const id = occurrenceId(o);
    const schedule = plan.schedules.find((s) => s.id === o.scheduleId)!;
    const period = periodLabel(o.key);
    const childInput = (unitCode: string): CampaignReportWorkflowInput => ({
      campaignId,
      campaignTitle: plan.title,
      reportId: `${campaignId}:${id}:${unitCode}`,
      scheduleKey: o.scheduleId,
      occurrenceKey: id,
      kind: schedule.report.kind,
      periodLabelZh: period.zh,
      periodLabelEn: period.en,
      unitCode,
      opensAt: o.opensAt.toISOString(),
      dueAt: o.dueAt.toISOString(),
      prefill: schedule.report.kind === 'dispatchForm',
      office: input.office,
      latePolicy: input.latePolicy,
      clock,
      calendarAt: new Date(nowMs).toISOString(),
    });
    const startOne = async (unitCode: string) => {
      try {
        await startChild(campaignReport, {
          workflowId: campaignReportWorkflowId(campaignId, id, unitCode),
          args: [childInput(unitCode)],
          parentClosePolicy: ParentClosePolicy.ABANDON,
          workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
        });
      } catch (err) {
        // Started by an earlier run (e.g. one that failed before it continued as new): nothing to do.
        if ((err as Error | undefined)?.name !== 'WorkflowExecutionAlreadyStartedError') throw err;
      }
    };
    for (let i = 0; i < plan.participants.length; i += CHILD_BATCH) {
      await Promise.all(plan.participants.slice(i, i + CHILD_BATCH).map(startOne));
    }
    started.add(id);
    carry.started.push(id);
    record(
      campaignTexts.reportsOpened(
        period,
        { zh: schedule.titleZh, en: schedule.titleEn },
        plan.participants.length,
        o.dueAt.getTime(),
      ),
      null,
      { occurrenceKey: id, opensAt: o.opensAt.toISOString(), dueAt: o.dueAt.toISOString() },
    );
  };
  const continueCampaign = async (): Promise<never> => {
    await settleBookkeeping();
    return continueAsNew<typeof campaign>(input, carry);
  };

  for (;;) {
    const now = calNow();
    for (const s of carry.signals) {
      if (s.recorded) continue;
      s.recorded = true;
      record(campaignTexts.eventReceived(s.by || '—', s.event, s.atMs), null, { eventKey: s.event });
    }
    const snap = stagesAt(plan, new Date(now), signalDates());
    snapshot = snap;
    recordStages(snap);
    const occurrences = occurrencesAt(plan, carry.signals, now);
    upcoming = occurrences.filter((o) => !started.has(occurrenceId(o)));
    const lastDueMs = occurrences.reduce((m, o) => Math.max(m, o.dueAt.getTime()), 0);

    if (!snap.campaignEnded) {
      const begun = snap.active.length > 0 || snap.ended.length > 0;
      publish(begun ? 'running' : 'issued', snap.current);
    } else {
      if (carry.published.status !== 'summarizing' && carry.published.status !== 'closed') {
        record(campaignTexts.summarizing());
      }
      publish('summarizing', null);
    }

    const due = upcoming.find((o) => o.opensAt.getTime() <= now);
    if (due) {
      await openOccurrence(due, now);
      // One occurrence per run: a three-year campaign's history stays one occurrence long.
      return continueCampaign();
    }
    if (snap.campaignEnded && upcoming.length === 0 && now > lastDueMs) {
      record(campaignTexts.closed());
      publish('closed', null);
      await settleBookkeeping();
      return { status: 'closed', startedOccurrences: [...carry.started] };
    }

    const wakes: number[] = [];
    if (snap.nextChangeAt) wakes.push(snap.nextChangeAt.getTime());
    if (upcoming[0]) wakes.push(upcoming[0].opensAt.getTime());
    if (snap.campaignEnded && upcoming.length === 0) wakes.push(lastDueMs + 1);
    if (campaignRange(plan, carry.signals).endsOn === null) wakes.push(now + RECHECK_DAYS * DAY);
    const wakeAt = wakes.length > 0 ? Math.min(...wakes) : null;
    const signalsSeen = carry.signals.length;
    const woke = () => carry.signals.length !== signalsSeen;
    if (wakeAt === null) await condition(woke);
    else {
      const waitMs = msUntilCalendar(carry.anchor, Date.now(), wakeAt, clock);
      // At least 1 ms, so rounding between the two timelines can never spin the loop in one activation.
      await condition(woke, Math.max(1, waitMs));
    }
    if (workflowInfo().continueAsNewSuggested) return continueCampaign();
  }
}
