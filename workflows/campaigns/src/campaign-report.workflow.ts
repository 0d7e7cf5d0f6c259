import {
  ApplicationFailure,
  condition,
  patched,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import {
  ENFORCEMENT_FIGURES_PATCH,
  TASK_QUEUES,
  type CampaignReportStatus,
  type CampaignReportWorkflowInput,
  type CandidateRule,
  type HazardFigures,
  type TaskDecisionPayload,
  type TasksPort,
} from '@zhiben/contracts/workflow';
import {
  deadlineAfter,
  humanTask,
  inOrder,
  installHumanTasks,
  settleBookkeeping,
  shanghaiMinute,
  type HumanTaskDecided,
  type HumanTaskResult,
} from '@zhiben/workflows-shared';
import { campaigns, enforcementFigures, hazardFigures } from './activities';
import { campaignReportStateQuery } from './campaign.messages';
import { calendarAt, humanDue, isRealClock, msUntilCalendar, type ClockAnchor } from './clock';
import { REPORT_KIND_TEXT, reportTexts, type TimelineText } from './texts';

/** Reminders the report workflow sends itself (催报, 通报) use seqs far above humanTask's own (1, 2, …). */
const URGE_SEQ_BASE = 1000;
const CIRCULATE_SEQ = 2000;

const tasks = proxyActivities<TasksPort>({
  taskQueue: TASK_QUEUES.tasks,
  startToCloseTimeout: '30s',
  retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

export const REPORT_STEPS = {
  fillReport: {
    titleZh: '填报',
    titleEn: 'Fill in',
    decisions: [{ code: 'submit', labelZh: '提交', labelEn: 'Submit' }],
  },
  signReport: {
    titleZh: '审核签发',
    titleEn: 'Review and sign',
    decisions: [
      { code: 'approve', labelZh: '签发', labelEn: 'Sign off' },
      { code: 'return', labelZh: '退回', labelEn: 'Return', requiresComment: true },
    ],
  },
} as const;
export type ReportStep = keyof typeof REPORT_STEPS;

export interface CampaignReportResult {
  reportId: string;
  status: Extract<CampaignReportStatus, 'submitted' | 'submittedLate'>;
  late: boolean;
  urges: number;
  circulated: boolean;
}

const isEnterprise = (unitCode: string) => unitCode.startsWith('ent:');

/** Who fills the report in: the unit's officials, or the enterprise's own accounts. */
export function fillCandidates(unitCode: string): CandidateRule[] {
  return [{ role: isEnterprise(unitCode) ? 'enterprise' : 'official', orgUnitCode: unitCode }];
}

/** Who signs it off: the unit's leaders (an enterprise's own accounts: it has no leader role). */
export function signCandidates(unitCode: string): CandidateRule[] {
  return [{ role: isEnterprise(unitCode) ? 'enterprise' : 'leader', orgUnitCode: unitCode }];
}

/** One scheduled notice after the due instant. */
export interface LateNotice {
  atMs: number;
  kind: 'urge' | 'circulate';
  n: number;
}

/** 催报 every `urgeEvery` after due (up to `maxUrges`) and one 通报 `circulateAfter` due, in time order. */
export function lateNotices(dueMs: number, policy: CampaignReportWorkflowInput['latePolicy']): LateNotice[] {
  const out: LateNotice[] = [];
  let at = dueMs;
  for (let n = 1; n <= policy.maxUrges; n++) {
    const next = deadlineAfter(at, policy.urgeEvery);
    if (next <= at) break;
    at = next;
    out.push({ atMs: at, kind: 'urge', n });
  }
  out.push({ atMs: deadlineAfter(dueMs, policy.circulateAfter), kind: 'circulate', n: 1 });
  // Stable: an urge due at the same instant as the 通报 goes first.
  return out.sort((a, b) => a.atMs - b.atMs);
}

/**
 * One unit's report for one occurrence (P-09): pre-fill from the ledgers, the unit fills it in (填报),
 * its leader reviews and signs it (审核签发, 退回 reopens the fill-in), reminders before the due instant,
 * and after it, if the report is not signed off yet: 逾期未报 (marked late), 催报 every `urgeEvery` up to
 * `maxUrges`, and 通报 with the issuing office added to the open task (escalation), each exactly once.
 * The report counts as submitted when the leader signs it: it is late when that happens after `dueAt`.
 */
export async function campaignReport(input: CampaignReportWorkflowInput): Promise<CampaignReportResult> {
  installHumanTasks();
  const { workflowId } = workflowInfo();
  const { clock, unitCode, reportId, campaignId, latePolicy } = input;
  const startedMs = Date.now();
  const anchor: ClockAnchor = isRealClock(clock)
    ? { atMs: startedMs, fireMs: startedMs }
    : { atMs: Date.parse(input.calendarAt ?? input.opensAt), fireMs: startedMs };
  const dueMs = Date.parse(input.dueAt);
  if (!Number.isFinite(dueMs) || !Number.isFinite(anchor.atMs)) {
    throw ApplicationFailure.nonRetryable(
      `Invalid report instants ${input.opensAt} / ${input.dueAt}`,
      'InvalidReportInput',
    );
  }
  const kind = REPORT_KIND_TEXT[input.kind] ?? { zh: input.kind, en: input.kind };
  const whatZh = `${input.periodLabelZh}${kind.zh}`;
  const whatEn = `${kind.en} ${input.periodLabelEn}`;

  const state = {
    status: 'open' as CampaignReportStatus,
    late: false,
    urges: 0,
    circulated: false,
    signed: false,
    seq: 0,
    visits: { fillReport: 0, signReport: 0 } as Record<ReportStep, number>,
  };
  const openTasks = new Map<string, { taskKey: string; step: ReportStep; decisions: string[] }>();
  setHandler(campaignReportStateQuery, () => ({
    reportId,
    status: state.status,
    late: state.late,
    urges: state.urges,
    circulated: state.circulated,
    openTasks: [...openTasks.values()],
  }));

  const eventKey = (type: string) => `${workflowId}:${type}:${++state.seq}`;
  const record = (text: TimelineText, actor?: TaskDecisionPayload['actor'] | null) => {
    const event = {
      campaignId,
      reportId,
      eventKey: eventKey(text.type),
      type: text.type,
      summaryZh: text.summaryZh,
      summaryEn: text.summaryEn,
      actor: actor ? { username: actor.username, name: actor.name } : null,
      data: { unitCode, occurrenceKey: input.occurrenceKey, scheduleKey: input.scheduleKey },
    };
    void inOrder(() => campaigns.recordCampaignEvent(event));
  };
  const publish = (status: CampaignReportStatus) => {
    state.status = status;
    const request = { reportId, status, eventKey: eventKey(`status.${status}`), late: state.late };
    void inOrder(() => campaigns.setReportStatus(request));
  };

  // ── open: pre-fill, then the report row ──────────────────────────────────────────────────────────
  let prefilled: HazardFigures | null = null;
  if (input.prefill) {
    const request = { unitCode, asOf: input.opensAt, since: null };
    if (patched(ENFORCEMENT_FIGURES_PATCH)) {
      const [ledger, enforcement] = await Promise.all([
        hazardFigures.hazardFigures(request),
        // Without enforcement-service the enforcement rows are filled by hand: the report still opens.
        enforcementFigures.enforcementFigures(request).catch((): HazardFigures => ({})),
      ]);
      prefilled = { ...enforcement, ...ledger };
    } else {
      prefilled = await hazardFigures.hazardFigures(request);
    }
  }
  await campaigns.openReport({
    reportId,
    campaignId,
    scheduleKey: input.scheduleKey,
    occurrenceKey: input.occurrenceKey,
    unitCode,
    dueAt: input.dueAt,
    prefilled,
  });
  record(reportTexts.opened(unitCode, whatZh, whatEn, dueMs));

  // ── late watch: beside the fill-in / sign-off loop until signed ─────────────────────────────────
  const signedBy = async (atMs: number): Promise<boolean> => {
    const waitMs = msUntilCalendar(anchor, Date.now(), atMs, clock);
    if (waitMs <= 0) return state.signed;
    return condition(() => state.signed, waitMs);
  };
  const openTaskKey = () => [...openTasks.keys()][0];
  const watch = async () => {
    if (await signedBy(dueMs)) return;
    state.late = true;
    publish(state.status);
    record(reportTexts.late(unitCode, whatZh, whatEn, dueMs));
    for (const notice of lateNotices(dueMs, latePolicy)) {
      if (await signedBy(notice.atMs)) return;
      const taskKey = openTaskKey();
      if (notice.kind === 'urge') {
        state.urges = notice.n;
        record(reportTexts.urged(unitCode, whatZh, whatEn, notice.n));
        if (taskKey) {
          const request = {
            workflowId,
            taskKey,
            seq: URGE_SEQ_BASE + notice.n,
            kind: 'overdue' as const,
            messageZh: `【催报】「${whatZh}」已于 ${shanghaiMinute(dueMs)} 截止，请立即报送（第${notice.n}次催报）`,
            messageEn: `Urge ${notice.n}: "${whatEn}" was due ${shanghaiMinute(dueMs)} (Beijing time); submit it now`,
          };
          void inOrder(() => tasks.remindTask(request));
        }
      } else {
        state.circulated = true;
        record(reportTexts.circulated(unitCode, whatZh, whatEn));
        if (taskKey) {
          const request = {
            workflowId,
            taskKey,
            seq: CIRCULATE_SEQ,
            kind: 'escalation' as const,
            messageZh: `【通报】${unitCode}「${whatZh}」逾期未报（${shanghaiMinute(dueMs)} 截止），请督促报送`,
            messageEn: `Circulated: ${unitCode} has not submitted "${whatEn}" (due ${shanghaiMinute(dueMs)}, Beijing time)`,
            escalateTo: input.office,
          };
          void inOrder(() => tasks.remindTask(request));
        }
      }
    }
  };
  let watchFailure: { error: unknown } | null = null;
  const watching = watch().catch((error: unknown) => {
    watchFailure = { error };
  });

  const task = async (step: ReportStep): Promise<HumanTaskDecided> => {
    const def = REPORT_STEPS[step];
    const taskKey = `${step}#${++state.visits[step]}`;
    openTasks.set(taskKey, { taskKey, step, decisions: def.decisions.map((d) => d.code) });
    let result: HumanTaskResult;
    try {
      result = await humanTask({
        taskKey,
        type: `campaignReport.${step}`,
        titleZh: `${def.titleZh}${whatZh}：${input.campaignTitle}`,
        titleEn: `${def.titleEn} the ${whatEn}: ${input.campaignTitle}`,
        caseRef: reportId,
        caseKind: 'campaignReport',
        step,
        candidates: step === 'fillReport' ? fillCandidates(unitCode) : signCandidates(unitCode),
        priority: 'normal',
        decisions: [...def.decisions],
        formData: {
          reportId,
          campaignId,
          scheduleKey: input.scheduleKey,
          occurrenceKey: input.occurrenceKey,
          kind: input.kind,
        },
        orgUnitCode: unitCode,
        campaignId,
        // The fill-in falls due at the report's due instant; the sign-off has no own deadline (the
        // report is late until it is signed off, and the late watch urges whoever holds it).
        due: step === 'fillReport' ? { atMs: humanDue(anchor, Date.now(), dueMs, clock) } : null,
        clock,
        ...(step === 'fillReport' ? { remindAt: latePolicy.remindAt } : {}),
        overdue: { action: 'wait' },
      });
    } finally {
      openTasks.delete(taskKey);
    }
    if (result.kind !== 'decided') {
      throw ApplicationFailure.nonRetryable(
        `Task ${result.taskKey} expired unexpectedly`,
        'UnexpectedTaskExpiry',
      );
    }
    return result;
  };

  for (;;) {
    if (watchFailure) throw (watchFailure as { error: unknown }).error;
    const filled = await task('fillReport');
    publish('review');
    record(reportTexts.submitted(filled.actor.name || filled.actor.username, whatZh, whatEn), filled.actor);
    const signed = await task('signReport');
    const signer = signed.actor.name || signed.actor.username;
    if (signed.decision === 'approve') {
      const lateNow = calendarAt(anchor, Date.now(), clock) > dueMs;
      if (lateNow) state.late = true;
      state.signed = true;
      publish(state.late ? 'submittedLate' : 'submitted');
      record(reportTexts.signed(signer, state.late), signed.actor);
      break;
    }
    record(reportTexts.returned(signer, signed.comment), signed.actor);
    publish('open');
  }
  await watching;
  if (watchFailure) throw (watchFailure as { error: unknown }).error;
  await settleBookkeeping();
  return {
    reportId,
    status: state.status as CampaignReportResult['status'],
    late: state.late,
    urges: state.urges,
    circulated: state.circulated,
  };
}
