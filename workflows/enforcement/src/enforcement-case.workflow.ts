import {
  ParentClosePolicy,
  allHandlersFinished,
  condition,
  setHandler,
  startChild,
  workflowInfo,
} from '@temporalio/workflow';
import {
  PENALTY_PARTY_KINDS,
  criminalReferralWorkflowId,
  enterpriseScope,
  type CandidateRule,
  type CriminalReferralInput,
  type DurationSpec,
  type EnforcementActionKind,
  type EnforcementCaseInput,
  type EnforcementCaseStage,
  type EnforcementCaseStateView,
  type PenaltyParty,
  type SuspectedCrime,
} from '@zhiben/contracts/workflow';
import { settleBookkeeping, type HumanTaskDecided } from '@zhiben/workflows-shared';
import { enforcement } from './activities';
import { dueAfter, effectiveInstant, iso, msUntil, parseInstant } from './clock';
import { criminalReferral, rejection } from './criminal-referral.workflow';
import { applyReinspectionUpdate, enforcementCaseStateQuery } from './enforcement.messages';
import { FlowContext, decided, type FlowMemory } from './flow-context';
import { CASE_STEPS, type CaseStep } from './steps';
import { caseTexts as texts } from './timeline-texts';
import { validateReinspectionApplication } from './validation';

export interface EnforcementCaseState extends FlowMemory {
  stage: EnforcementCaseStage;
  parties: PenaltyParty[];
  decidedMs: number | null;
  /** The rectification deadline in force (calendar instant), null when none was ordered. */
  deadlineMs: number | null;
  reinspectionDueMs: number | null;
  /** In the rectification period and not yet applied: the enterprise may apply for 复查. */
  rectifying: boolean;
  applied: { by: { username: string; name: string }; atMs: number; note: string; evidence: string[] } | null;
  rounds: number;
  suspended: boolean;
  suspectedCrime: SuspectedCrime | null;
  referralId: string | null;
}

export interface EnforcementCaseResult {
  caseId: string;
  stage: 'closed' | 'dismissed';
  referralId: string | null;
  closedAt: string;
}

/** What an escalation decision orders (ENFORCEMENT_DECISIONS.escalate → recorded action kinds). */
const ESCALATION_ACTIONS: Record<string, EnforcementActionKind> = {
  dailyFine: 'dailyFine',
  suspend: 'suspensionOrder',
  summons: 'summons',
  circular: 'circular',
  exposure: 'exposure',
  newDeadline: 'rectificationOrder',
};

/** Penalised parties from decision data; malformed entries are dropped (the service validated them). */
export function partiesFrom(value: unknown): PenaltyParty[] | null {
  if (!Array.isArray(value)) return null;
  return value.flatMap((p: unknown) => {
    const v = p as Partial<PenaltyParty> | null;
    if (!v || !PENALTY_PARTY_KINDS.includes(v.kind as PenaltyParty['kind'])) return [];
    if (typeof v.name !== 'string' || v.name.trim() === '') return [];
    const fine =
      typeof v.fineYuan === 'number' && Number.isFinite(v.fineYuan) && v.fineYuan > 0 ? v.fineYuan : 0;
    return [
      {
        kind: v.kind as PenaltyParty['kind'],
        name: v.name.trim(),
        fineYuan: Math.round(fine),
        ...(Array.isArray(v.measures) ? { measures: v.measures.filter((m) => typeof m === 'string') } : {}),
      },
    ];
  });
}

/**
 * One penalty case (P-04; regulations.md B3, B4): 立案 → 调查 (一案双罚 parties) → 审查 → 告知 (陈述申辩 /
 * 听证) → 决定 → 送达 within rules.service → 执行, beside the rectification period: the deadline, or the
 * enterprise's earlier application, starts 整改复查 within rules.reinspection; a failed re-inspection
 * escalates (按日连续处罚, 停产整顿, 约谈/通报/曝光, a new deadline) and re-inspects again. A 重大事故隐患 the
 * enterprise refuses to rectify (or keeps operating despite a stop order) flags a suspected 危险作业罪
 * and proposes a referral, which starts the `criminalReferral` workflow.
 */
export async function enforcementCase(
  input: EnforcementCaseInput,
  carried?: { state: EnforcementCaseState },
): Promise<EnforcementCaseResult> {
  const { workflowId } = workflowInfo();
  const { rules, caseId } = input;
  const state: EnforcementCaseState = carried?.state ?? {
    originMs: Date.now(),
    seq: 0,
    visits: {},
    stage: 'filing',
    parties: [],
    decidedMs: null,
    deadlineMs: parseInstant(input.rectificationDeadlineAt),
    reinspectionDueMs: null,
    rectifying: false,
    applied: null,
    rounds: 0,
    suspended: false,
    suspectedCrime: null,
    referralId: null,
  };
  const ctx = new FlowContext(
    {
      workflowId,
      subject: { kind: 'case', id: caseId },
      caseKind: 'enforcement',
      caseRef: input.caseNo,
      titleZh: input.titleZh,
      orgUnitCode: input.townCode,
      clock: input.clock,
    },
    state,
  );
  const enterprise: CandidateRule[] = [
    { role: 'enterprise', orgUnitCode: enterpriseScope(input.enterpriseCreditCode) },
  ];

  // ── messages ──────────────────────────────────────────────────────────────────────────────────
  setHandler(enforcementCaseStateQuery, (): EnforcementCaseStateView => ({
    caseId,
    stage: state.stage,
    calendarNow: iso(ctx.now()),
    rectificationDeadlineAt: state.deadlineMs === null ? null : iso(state.deadlineMs),
    reinspectionDueAt: state.reinspectionDueMs === null ? null : iso(state.reinspectionDueMs),
    suspectedCrime: state.suspectedCrime,
    referralId: state.referralId,
    openTasks: ctx.openTaskViews(),
  }));

  setHandler(
    applyReinspectionUpdate,
    (req) => {
      const atMs = ctx.now();
      state.rectifying = false;
      state.applied = {
        by: { username: req.by.username, name: req.by.name },
        atMs,
        note: typeof req.note === 'string' ? req.note : '',
        evidence: Array.isArray(req.evidence) ? req.evidence : [],
      };
      return { accepted: true, reinspectionDueAt: iso(dueAfter(atMs, rules.reinspection)) };
    },
    {
      validator: (req) => {
        const r = validateReinspectionApplication(state, req);
        if (r) throw rejection(r);
      },
      description: '申请整改复查: the enterprise applies for re-inspection before the deadline',
    },
  );

  // ── helpers ───────────────────────────────────────────────────────────────────────────────────
  const setStage = (
    stage: EnforcementCaseStage,
    patch?: Parameters<typeof enforcement.setCaseStage>[0]['patch'],
  ) => {
    state.stage = stage;
    const eventKey = ctx.eventKey(`stage.${stage}`);
    ctx.book(() => enforcement.setCaseStage({ caseId, stage, eventKey, ...(patch ? { patch } : {}) }));
  };

  const recordAction = (
    kind: EnforcementActionKind,
    detail: string,
    extra: {
      deadlineAt?: string | null;
      amountYuan?: number | null;
      by?: { username: string; name: string } | null;
    } = {},
  ) => {
    const eventKey = ctx.eventKey(`action.${kind}`);
    const at = iso(ctx.now());
    ctx.book(() => enforcement.recordAction({ caseId, kind, eventKey, detail, at, ...extra }));
  };

  /** An officials' step due `spec` after `fromMs` (default now); late → 督办 to the supervising office. */
  const officialStep = async (
    step: CaseStep,
    candidates: CandidateRule[],
    spec: DurationSpec | null,
    formData?: Record<string, unknown>,
    fromMs?: number,
  ): Promise<HumanTaskDecided> =>
    decided(
      await ctx.task(step, CASE_STEPS[step], {
        candidates,
        dueAtMs: spec ? dueAfter(fromMs ?? ctx.now(), spec) : null,
        ...(spec ? { completion: spec } : {}),
        remindAt: rules.remindAt,
        overdue: { action: 'wait', escalateTo: input.supervisors },
        formData: { caseId, ...formData },
      }),
    );

  const actorOf = (r: HumanTaskDecided) => ({ username: r.actor.username, name: r.actor.name });
  const nowMs = () => ctx.now();

  // ── 立案 → 调查 → 审查 → 告知 → 听证 → 决定 ────────────────────────────────────────────────────
  /** Returns false when the case ends without a penalty. */
  const proceedings = async (): Promise<boolean> => {
    ctx.record(texts.filingRequested(input.caseNo, input.enterpriseName), null, {
      inspectionId: input.inspectionId,
      hazardIds: input.hazardIds,
    });
    setStage('filing');
    const filing = await officialStep('approveFiling', input.head, rules.filingApproval);
    if (filing.decision !== 'file') {
      ctx.record(texts.notFiled(filing.actor.name, filing.comment), actorOf(filing));
      return false;
    }
    ctx.record(texts.filed(filing.actor.name), actorOf(filing));

    for (;;) {
      setStage('investigating');
      const inv = await officialStep('investigate', input.inspectors, rules.investigation, {
        officers: input.officers,
        parties: state.parties,
      });
      state.parties = partiesFrom(inv.data.parties) ?? state.parties;
      ctx.record(texts.investigated(inv.actor.name, state.parties), actorOf(inv), {
        ...inv.data,
        parties: state.parties,
        attachments: inv.attachments,
      });

      setStage('reviewing', { parties: state.parties });
      const review = await officialStep('legalReview', input.legalReviewers, rules.legalReview, {
        parties: state.parties,
      });
      if (review.decision !== 'pass') {
        ctx.record(texts.reviewReturned(review.actor.name, review.comment), actorOf(review));
        continue;
      }
      ctx.record(texts.reviewPassed(review.actor.name), actorOf(review));

      // 告知: the enterprise states its case, asks for a hearing, or lets the window lapse (waived).
      setStage('notifying');
      const windowEnd = dueAfter(nowMs(), rules.statementWindow);
      ctx.record(texts.noticeIssued(windowEnd), null, { parties: state.parties });
      const notice = await ctx.task('respondToNotice', CASE_STEPS.respondToNotice, {
        candidates: enterprise,
        dueAtMs: windowEnd,
        completion: rules.statementWindow,
        remindAt: rules.remindAt,
        overdue: { action: 'return' },
        formData: { caseId, parties: state.parties },
      });
      if (notice.kind === 'overdue') {
        ctx.record(texts.noticeLapsed());
      } else if (notice.decision === 'requestHearing') {
        ctx.record(texts.hearingRequested(notice.actor.name), actorOf(notice));
        setStage('hearing');
        // 听证 is scheduled with the parties (7 days' notice); no rule limits it, the inspectors record it.
        const hearing = await officialStep('holdHearing', input.inspectors, null);
        ctx.record(
          texts.hearingHeld(hearing.actor.name, String(hearing.data.summary ?? hearing.comment)),
          actorOf(hearing),
          hearing.data,
        );
      } else if (notice.decision === 'statement') {
        ctx.record(texts.noticeStatement(notice.actor.name, notice.comment), actorOf(notice), {
          attachments: notice.attachments,
        });
      } else {
        ctx.record(texts.noticeWaived(notice.actor.name), actorOf(notice));
      }

      setStage('deciding');
      const decision = await officialStep('decide', input.head, rules.decision, { parties: state.parties });
      if (decision.decision === 'return') {
        ctx.record(texts.decisionReturned(decision.actor.name, decision.comment), actorOf(decision));
        continue;
      }
      if (decision.decision !== 'penalize') {
        ctx.record(texts.noPenalty(decision.actor.name, decision.comment), actorOf(decision));
        return false;
      }
      state.parties = partiesFrom(decision.data.parties) ?? state.parties;
      state.decidedMs = effectiveInstant(decision.data.decidedAt, state.originMs, nowMs());
      const ordered = parseInstant(decision.data.rectificationDeadlineAt);
      if (ordered !== null && ordered > state.decidedMs && ordered !== state.deadlineMs) {
        state.deadlineMs = ordered;
        recordAction('rectificationOrder', '处罚决定责令限期整改', {
          deadlineAt: iso(ordered),
          by: actorOf(decision),
        });
      }
      ctx.record(texts.penalized(decision.actor.name, state.parties), actorOf(decision), {
        parties: state.parties,
        decidedAt: iso(state.decidedMs),
        rectificationDeadlineAt: state.deadlineMs === null ? null : iso(state.deadlineMs),
      });
      return true;
    }
  };

  // ── 送达 within rules.service of the decision; a breach escalates once ───────────────────────────
  const service = async () => {
    const decidedMs = state.decidedMs!;
    const dueMs = dueAfter(decidedMs, rules.service);
    setStage('serving', {
      parties: state.parties,
      decidedAt: iso(decidedMs),
      serveDueAt: iso(dueMs),
      rectificationDeadlineAt: state.deadlineMs === null ? null : iso(state.deadlineMs),
    });
    const served = await ctx.withDeadline(
      dueMs,
      () => {
        ctx.record(texts.serviceBreached(dueMs), null, { dueAt: iso(dueMs) });
        ctx.followUp(async () => {
          const r = await officialStep('breachFollowUp', input.supervisors, null, {
            kind: 'service',
            dueAt: iso(dueMs),
          });
          ctx.record(texts.followedUp(r.actor.name, r.comment), actorOf(r), { kind: 'service' });
        });
      },
      async () =>
        decided(
          await ctx.task('serve', CASE_STEPS.serve, {
            candidates: input.inspectors,
            dueAtMs: dueMs,
            completion: rules.service,
            remindAt: rules.remindAt,
            // The SLA breach is the task's overdue notice; the escalation is the breachFollowUp task.
            overdue: { action: 'wait' },
            formData: { caseId, decidedAt: iso(decidedMs) },
          }),
        ),
    );
    const servedMs = effectiveInstant(served.data.servedAt, decidedMs, nowMs());
    ctx.record(texts.served(served.actor.name, servedMs), actorOf(served), served.data);
    return servedMs;
  };

  // ── 执行 ─────────────────────────────────────────────────────────────────────────────────────────
  const execution = async () => {
    for (;;) {
      const r = await officialStep('recordExecution', input.inspectors, null, { parties: state.parties });
      ctx.record(texts.executed(r.actor.name, r.decision, r.comment), actorOf(r), r.data);
      // A refusal is followed by court enforcement, recorded in turn.
      if (r.decision !== 'refused') return;
    }
  };

  // ── 整改复查 rounds ──────────────────────────────────────────────────────────────────────────────
  let proposal: Promise<void> | null = null;

  const rectification = async () => {
    while (state.deadlineMs !== null) {
      state.rounds += 1;
      const deadlineMs = state.deadlineMs;
      setStage('executing', { rectificationDeadlineAt: iso(deadlineMs), reinspectionDueAt: null });
      state.applied = null;
      state.rectifying = true;
      const ms = msUntil(ctx.cal, Date.now(), deadlineMs);
      if (ms > 0) await condition(() => state.applied !== null, ms);
      state.rectifying = false;
      const applied = state.applied as EnforcementCaseState['applied'];
      const anchorMs = applied ? Math.min(applied.atMs, deadlineMs) : deadlineMs;
      const dueMs = dueAfter(anchorMs, rules.reinspection);
      state.reinspectionDueMs = dueMs;
      if (applied) {
        ctx.record(texts.reinspectionApplied(applied.by.name, dueMs), applied.by, {
          note: applied.note,
          evidence: applied.evidence,
        });
      } else {
        ctx.record(texts.deadlineReached(deadlineMs, dueMs));
      }
      setStage('reinspecting', { reinspectionDueAt: iso(dueMs) });
      const r = await officialStep(
        'reinspect',
        input.inspectors,
        rules.reinspection,
        { round: state.rounds, rectificationDeadlineAt: iso(deadlineMs), reinspectionDueAt: iso(dueMs) },
        anchorMs,
      );
      const opinion = {
        opinion: typeof r.data.opinion === 'string' ? r.data.opinion : r.comment,
        inspectedAt: iso(effectiveInstant(r.data.inspectedAt, anchorMs, nowMs())),
        reviewers: Array.isArray(r.data.reviewers) ? r.data.reviewers : [],
        unitSigned: r.data.unitSigned === true,
      };
      if (r.decision === 'passed') {
        ctx.record(texts.reinspectionPassed(r.actor.name, opinion.opinion), actorOf(r), {
          ...opinion,
          round: state.rounds,
        });
        if (state.suspended) {
          state.suspended = false;
          recordAction('suspensionLifted', '复查合格，同意恢复生产经营', { by: actorOf(r) });
        }
        setStage('reinspecting', { reinspectionResult: 'passed' });
        return;
      }
      ctx.record(texts.reinspectionFailed(r.actor.name, opinion.opinion), actorOf(r), {
        ...opinion,
        round: state.rounds,
      });
      setStage('escalated', { reinspectionResult: 'failed' });
      flagIfCriminal(r);

      const e = await officialStep('escalate', input.head, rules.escalationDecision, {
        round: state.rounds,
        opinion: opinion.opinion,
      });
      const kind = ESCALATION_ACTIONS[e.decision] ?? 'rectificationOrder';
      const now = nowMs();
      const asked = parseInstant(e.data.newDeadlineAt);
      // Without a new deadline the order stands expired: the next 复查 runs from now.
      const next = asked !== null && asked > now ? asked : now;
      const daily = typeof e.data.dailyAmountYuan === 'number' ? e.data.dailyAmountYuan : null;
      if (kind === 'suspensionOrder') state.suspended = true;
      recordAction(kind, typeof e.data.detail === 'string' && e.data.detail ? e.data.detail : e.comment, {
        by: actorOf(e),
        deadlineAt: iso(next),
        ...(daily !== null ? { amountYuan: daily } : {}),
      });
      ctx.record(texts.escalated(e.actor.name, kind, e.comment), actorOf(e), {
        ...e.data,
        round: state.rounds,
      });
      state.deadlineMs = next;
    }
  };

  /** 危险作业罪 (刑法第134条之一 第二项): a 重大事故隐患 the unit refuses to rectify or to stop for. */
  const flagIfCriminal = (r: HumanTaskDecided) => {
    if (state.suspectedCrime !== null || input.worstGrade !== 'major') return;
    const refused = r.data.refusedToRectify !== false;
    const keptOperating = input.stopOrdered && r.data.continuedDespiteStopOrder === true;
    if (!refused && !keptOperating) return;
    state.suspectedCrime = 'dangerousOperation';
    const [zh, en] = keptOperating
      ? ['重大事故隐患被责令停产停业后拒不执行', 'kept operating despite a stop order for a major hazard']
      : ['重大事故隐患拒不整改', 'refused to rectify a major hazard'];
    ctx.record(texts.crimeFlagged('dangerousOperation', zh, en), null, {
      refusedToRectify: refused,
      continuedDespiteStopOrder: keptOperating,
      hazardIds: input.hazardIds,
    });
    setStage('escalated', { suspectedCrime: 'dangerousOperation' });
    proposal = proposeReferral(zh);
  };

  const proposeReferral = async (reasonZh: string) => {
    const r = await officialStep('proposeReferral', input.head, rules.escalationDecision, {
      suspectedCrime: state.suspectedCrime,
      reason: reasonZh,
    });
    if (r.decision !== 'refer') {
      ctx.record(texts.referralDeclined(r.actor.name, r.comment), actorOf(r));
      return;
    }
    const suspectedCrime = state.suspectedCrime!;
    const persons = state.parties.filter((p) => p.kind !== 'unit').length;
    const asked = Number(r.data.suspects);
    const suspects = Number.isSafeInteger(asked) && asked > 0 ? asked : Math.max(1, persons);
    const { referralId, referralNo } = await enforcement.createReferralFromCase({
      caseId,
      suspectedCrime,
      suspects,
      proposedBy: actorOf(r),
      reason: r.comment.trim() || reasonZh,
      eventKey: `${workflowId}:referral.create`,
    });
    state.referralId = referralId;
    ctx.record(texts.referralProposed(r.actor.name, referralNo), actorOf(r), { referralId, referralNo });
    setStage(state.stage, { referralId });
    const args: CriminalReferralInput = {
      referralId,
      referralNo,
      titleZh: input.titleZh,
      departmentCode: input.departmentCode,
      townCode: input.townCode,
      enterpriseCreditCode: input.enterpriseCreditCode,
      enterpriseName: input.enterpriseName,
      caseId,
      suspectedCrime,
      suspects,
      officers: input.inspectors,
      head: input.head,
      liaison: input.liaison ?? input.inspectors,
      supervisors: input.supervisors,
      rules,
      clock: input.clock,
    };
    // What the case recorded reaches the service before the referral's own events.
    await settleBookkeeping();
    await startChild(criminalReferral, {
      workflowId: criminalReferralWorkflowId(referralId),
      parentClosePolicy: ParentClosePolicy.ABANDON,
      args: [args],
    });
  };

  // ── run ─────────────────────────────────────────────────────────────────────────────────────────
  let outcome: 'closed' | 'dismissed' = 'dismissed';
  if (await proceedings()) {
    const servedMs = await service();
    setStage('executing', { servedAt: iso(servedMs) });
    await Promise.all([execution(), rectification()]);
    while (proposal !== null) {
      const p: Promise<void> = proposal;
      await p;
      if (proposal === p) proposal = null;
    }
    ctx.record(texts.closed(), null, { referralId: state.referralId });
    setStage('closed');
    outcome = 'closed';
  } else {
    ctx.record(texts.dismissed());
    setStage('dismissed');
  }
  await ctx.endFollowUps();
  await condition(allHandlersFinished);
  await settleBookkeeping();
  return { caseId, stage: outcome, referralId: state.referralId, closedAt: iso(ctx.now()) };
}
