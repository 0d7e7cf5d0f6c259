import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import {
  SUBMIT_REFERRAL_UPDATE,
  type CandidateRule,
  type CriminalReferralInput,
  type EnforcementUpdateRejection,
  type ReferralDeadlineKind,
  type ReferralDeadlineView,
  type ReferralStage,
  type ReferralStateView,
  type SubmitReferralInput,
} from '@zhiben/contracts/workflow';
import { completeOpenTask, settleBookkeeping, type HumanTaskDecided } from '@zhiben/workflows-shared';
import { enforcement } from './activities';
import { dueAfter, effectiveInstant, iso, parseInstant } from './clock';
import { referralStateQuery, submitReferralUpdate } from './enforcement.messages';
import { FlowContext, decided, type FlowMemory } from './flow-context';
import { REFERRAL_STEP_DEFS, type ReferralStep } from './steps';
import { validateReferralSubmission } from './validation';
import { referralTexts as texts } from './timeline-texts';

export interface ReferralState extends FlowMemory {
  stage: ReferralStage;
  deadlines: ReferralDeadlineView[];
  /** The open preparePackage task the submit Update completes. */
  preparingTaskKey: string | null;
  submission: (SubmitReferralInput & { reportedMs: number }) | null;
}

export interface CriminalReferralResult {
  referralId: string;
  stage: 'closed' | 'notApproved';
  /** The police registered the case (立案), directly, on 复议 or under 检察院 supervision. */
  registered: boolean;
  closedAt: string;
}

export const rejection = (r: EnforcementUpdateRejection) =>
  ApplicationFailure.create({
    type: r.type,
    message: `${r.messageZh} / ${r.messageEn}`,
    details: [r],
    nonRetryable: true,
  });

/**
 * 行刑衔接 (regulations.md B7, 国务院令第310号, 应急〔2019〕54号): the officers' team prepares and submits the
 * five-document package → the head decides within 3 days of the report → transfer to 公安 within 24 hours →
 * receipt → 公安 decides within 3 days → written notice within 3 days (copied to 检察院) → registered:
 * handover within 3 days, outcome tracked; declined: 复议 requested within 3 days, answered within 3 days,
 * then 检察院 supervision. Every legal deadline is a durable timer: when it passes before the step is done,
 * one alert (`trackReferralDeadline { breachedAt }`) and one escalation task for the supervising office.
 */
export async function criminalReferral(
  input: CriminalReferralInput,
  carried?: { state: ReferralState },
): Promise<CriminalReferralResult> {
  const { workflowId } = workflowInfo();
  const { rules, referralId } = input;
  const state: ReferralState = carried?.state ?? {
    originMs: Date.now(),
    seq: 0,
    visits: {},
    stage: 'preparing',
    deadlines: [],
    preparingTaskKey: null,
    submission: null,
  };
  const ctx = new FlowContext(
    {
      workflowId,
      subject: { kind: 'referral', id: referralId },
      caseKind: 'referral',
      caseRef: input.referralNo,
      titleZh: input.titleZh,
      orgUnitCode: input.townCode,
      clock: input.clock,
    },
    state,
  );

  // ── messages ──────────────────────────────────────────────────────────────────────────────────
  setHandler(referralStateQuery, (): ReferralStateView => ({
    referralId,
    stage: state.stage,
    calendarNow: iso(ctx.now()),
    deadlines: state.deadlines.map((d) => ({ ...d })),
    openTasks: ctx.openTaskViews(),
  }));

  setHandler(
    submitReferralUpdate,
    (req) => {
      const taskKey = state.preparingTaskKey!;
      const reportedMs = Math.min(parseInstant(req.reportedAt)!, ctx.now());
      state.submission = { ...req, reportedMs };
      state.preparingTaskKey = null;
      completeOpenTask(taskKey, {
        taskId: '',
        taskKey,
        decision: 'submit',
        comment: '',
        data: { reportedAt: req.reportedAt, officers: req.officers, documents: req.documents },
        attachments: [],
        actor: { username: req.by.username, name: req.by.name, orgUnitCode: null },
        decidedAt: new Date().toISOString(),
      });
      return {
        accepted: true,
        taskKey,
        headDecisionDueAt: iso(dueAfter(reportedMs, rules.referral.headDecision)),
      };
    },
    {
      validator: (req) => {
        const r = validateReferralSubmission(state, req, ctx.now());
        if (r) throw rejection(r);
      },
      description: '提交移送材料: the team submits the five-document package (completes preparePackage)',
    },
  );

  // ── stages and deadlines ──────────────────────────────────────────────────────────────────────
  const setStage = (stage: ReferralStage, patch?: Record<string, unknown>) => {
    state.stage = stage;
    const eventKey = ctx.eventKey(`stage.${stage}`);
    ctx.book(() =>
      enforcement.setReferralStage({ referralId, stage, eventKey, ...(patch ? { patch } : {}) }),
    );
  };

  const trackDeadline = (
    kind: ReferralDeadlineKind,
    n: number,
    what: 'started' | 'met' | 'breached',
    fields: { startedAt?: string; dueAt?: string; metAt?: string; breachedAt?: string },
  ) => {
    const eventKey = `${workflowId}:deadline.${kind}.${n}.${what}`;
    ctx.book(() => enforcement.trackReferralDeadline({ referralId, kind, eventKey, ...fields }));
  };

  const breachFollowUp = (kind: ReferralDeadlineKind, step: ReferralStep, dueMs: number) => {
    ctx.followUp(async () => {
      const r = decided(
        await ctx.task('breachFollowUp', REFERRAL_STEP_DEFS.breachFollowUp, {
          candidates: input.supervisors,
          dueAtMs: null,
          formData: { kind, step, dueAt: iso(dueMs) },
        }),
      );
      ctx.record(texts.followedUp(r.actor.name, kind, r.comment), r.actor, { kind, step });
    });
  };

  /**
   * One step with its legal deadline (or none): opens the clock on the board, opens the task, raises one
   * breach if the calendar passes the due instant first, and closes the clock with the instant the step
   * happened (`data[doneAtField]` when valid, else now). Returns the decision and that instant, which
   * anchors the next deadline.
   */
  const legalStep = async (
    step: ReferralStep,
    candidates: CandidateRule[],
    deadline: { kind: ReferralDeadlineKind; fromMs: number } | null,
    doneAtField: string | null,
    formData?: Record<string, unknown>,
  ): Promise<{ r: HumanTaskDecided; atMs: number }> => {
    let view: ReferralDeadlineView | null = null;
    let n = 0;
    let dueMs: number | null = null;
    if (deadline) {
      const { kind, fromMs } = deadline;
      dueMs = dueAfter(fromMs, rules.referral[kind]);
      n = (state.visits[`deadline.${kind}`] ?? 0) + 1;
      state.visits[`deadline.${kind}`] = n;
      view = { kind, startedAt: iso(fromMs), dueAt: iso(dueMs), metAt: null, breachedAt: null };
      state.deadlines.push(view);
      trackDeadline(kind, n, 'started', { startedAt: view.startedAt, dueAt: view.dueAt });
    }
    const notBefore = deadline?.fromMs ?? ctx.now();
    const r = await ctx.withDeadline(
      dueMs,
      () => {
        const v = view!;
        v.breachedAt = v.dueAt;
        trackDeadline(v.kind, n, 'breached', { breachedAt: v.breachedAt });
        ctx.record(texts.breached(v.kind, dueMs!), null, { kind: v.kind, dueAt: v.dueAt, step });
        breachFollowUp(v.kind, step, dueMs!);
      },
      async () =>
        decided(
          await ctx.task(step, REFERRAL_STEP_DEFS[step], {
            candidates,
            dueAtMs: dueMs,
            ...(deadline ? { completion: rules.referral[deadline.kind] } : {}),
            remindAt: rules.remindAt,
            overdue: { action: 'wait' },
            formData: { referralId, ...(view ? { deadline: { ...view } } : {}), ...formData },
          }),
        ),
    );
    const atMs = effectiveInstant(doneAtField ? r.data[doneAtField] : null, notBefore, ctx.now());
    if (view) {
      view.metAt = iso(atMs);
      trackDeadline(view.kind, n, 'met', { metAt: view.metAt });
    }
    return { r, atMs };
  };

  const actorOf = (r: HumanTaskDecided) => ({ username: r.actor.username, name: r.actor.name });
  const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

  // ── the process ─────────────────────────────────────────────────────────────────────────────────
  let registered = false;

  /** After 立案 (directly, on 复议, or under supervision): handover within 3 days, then the outcome. */
  const afterRegistration = async (noticeMs: number, patch: Record<string, unknown>) => {
    setStage('handover', patch);
    const h = await legalStep(
      'handover',
      input.officers,
      { kind: 'handover', fromMs: noticeMs },
      'handedOverAt',
    );
    ctx.record(texts.handedOver(h.r.actor.name, h.atMs), actorOf(h.r), {
      ...h.r.data,
      attachments: h.r.attachments,
    });
    setStage('outcome', { handedOverAt: iso(h.atMs) });
    const o = await legalStep('recordOutcome', input.liaison, null, 'at');
    ctx.record(
      texts.outcome(o.r.actor.name, o.r.decision, text(o.r.data.summary) || o.r.comment),
      actorOf(o.r),
      o.r.data,
    );
    setStage('closed', {
      outcome: { result: o.r.decision, at: iso(o.atMs), summary: text(o.r.data.summary) || null },
    });
  };

  /** Declined: the agency asks for 复议 or 检察院 supervision within 3 days of the notice, or accepts. */
  const afterRefusal = async (noticeMs: number, patch: Record<string, unknown>) => {
    setStage('reconsiderationChoice', patch);
    const c = await legalStep(
      'chooseReconsideration',
      input.head,
      { kind: 'reconsiderationRequest', fromMs: noticeMs },
      'requestedAt',
    );
    const by = c.r.actor.name;
    if (c.r.decision === 'accept') {
      ctx.record(texts.declineAccepted(by, c.r.comment), actorOf(c.r));
      setStage('closed');
      return;
    }
    if (c.r.decision === 'procuratorate') {
      ctx.record(texts.procuratorateRequested(by), actorOf(c.r));
      await supervision(c.atMs);
      return;
    }
    ctx.record(texts.reconsiderationRequested(by), actorOf(c.r));
    setStage('reconsideration', {
      reconsideration: { requestedAt: iso(c.atMs), answer: null, answeredAt: null },
    });
    const a = await legalStep(
      'recordReconsiderationAnswer',
      input.liaison,
      { kind: 'reconsiderationAnswer', fromMs: c.atMs },
      'answeredAt',
    );
    const reconsideration = { requestedAt: iso(c.atMs), answer: a.r.decision, answeredAt: iso(a.atMs) };
    if (a.r.decision === 'registered') {
      ctx.record(texts.reconsiderationRegistered(a.r.actor.name), actorOf(a.r), a.r.data);
      registered = true;
      await afterRegistration(a.atMs, { reconsideration });
      return;
    }
    ctx.record(texts.reconsiderationUpheld(a.r.actor.name), actorOf(a.r), a.r.data);
    setStage('procuratorate', { reconsideration });
    const q = await legalStep(
      'requestProcuratorate',
      input.officers,
      { kind: 'procuratorateRequest', fromMs: a.atMs },
      'requestedAt',
    );
    ctx.record(texts.procuratorateRequested(q.r.actor.name), actorOf(q.r), q.r.data);
    await supervision(q.atMs);
  };

  /** 检察院立案监督: its outcome is recorded when it comes (no deadline binds the agency here). */
  const supervision = async (requestedMs: number) => {
    setStage('procuratorate', { procuratorate: { requestedAt: iso(requestedMs), outcome: null, at: null } });
    const p = await legalStep('recordProcuratorateOutcome', input.liaison, null, 'at');
    const procuratorate = { requestedAt: iso(requestedMs), outcome: p.r.decision, at: iso(p.atMs) };
    if (p.r.decision === 'registered') {
      ctx.record(texts.procuratorateRegistered(p.r.actor.name), actorOf(p.r), p.r.data);
      registered = true;
      await afterRegistration(p.atMs, { procuratorate });
      return;
    }
    ctx.record(
      texts.procuratorateNotRegistered(p.r.actor.name, text(p.r.data.summary) || p.r.comment),
      actorOf(p.r),
      p.r.data,
    );
    setStage('closed', { procuratorate });
  };

  const prepare = async () => {
    ctx.record(texts.opened(input.referralNo, input.suspectedCrime), null, {
      caseId: input.caseId,
      suspects: input.suspects,
    });
    setStage('preparing');
    const taskKey = ctx.nextTaskKey('preparePackage');
    state.preparingTaskKey = taskKey;
    decided(
      await ctx.task('preparePackage', REFERRAL_STEP_DEFS.preparePackage, {
        taskKey,
        candidates: input.officers,
        dueAtMs: null,
        completedThrough: SUBMIT_REFERRAL_UPDATE,
        formData: { referralId, caseId: input.caseId, suspectedCrime: input.suspectedCrime },
      }),
    );
    const s = state.submission!;
    ctx.record(texts.submitted(s.by.name, s.officers.length, s.reportedMs), s.by, {
      reportedAt: iso(s.reportedMs),
      officers: s.officers,
      documents: s.documents,
    });
  };

  await prepare();
  const s = state.submission!;
  setStage('headDecision', { reportedAt: iso(s.reportedMs), officers: s.officers });
  const head = await legalStep(
    'headDecision',
    input.head,
    { kind: 'headDecision', fromMs: s.reportedMs },
    null,
  );
  const headDecision = {
    decision: head.r.decision,
    at: iso(head.atMs),
    by: actorOf(head.r),
    reasons: head.r.decision === 'reject' ? head.r.comment : null,
  };
  let outcome: 'closed' | 'notApproved' = 'closed';
  if (head.r.decision !== 'approve') {
    ctx.record(texts.notApproved(head.r.actor.name, head.r.comment), actorOf(head.r));
    setStage('notApproved', { headDecision });
    outcome = 'notApproved';
  } else {
    ctx.record(texts.approved(head.r.actor.name), actorOf(head.r));
    setStage('transferring', { headDecision });
    const tr = await legalStep(
      'transfer',
      input.officers,
      { kind: 'transfer', fromMs: head.atMs },
      'transferredAt',
    );
    const policeUnit = text(tr.r.data.policeUnit);
    ctx.record(texts.transferred(tr.r.actor.name, policeUnit, tr.atMs), actorOf(tr.r), tr.r.data);
    setStage('awaitingReceipt', {
      transfer: { at: iso(tr.atMs), policeUnit, receivedAt: null, receiptNo: null },
    });

    const rc = await legalStep('recordReceipt', input.liaison, null, 'receivedAt');
    const receiptNo = text(rc.r.data.receiptNo);
    ctx.record(texts.received(rc.r.actor.name, receiptNo, rc.atMs), actorOf(rc.r), rc.r.data);
    setStage('policeReview', {
      transfer: { at: iso(tr.atMs), policeUnit, receivedAt: iso(rc.atMs), receiptNo: receiptNo || null },
    });

    const pd = await legalStep(
      'recordPoliceDecision',
      input.liaison,
      { kind: 'policeDecision', fromMs: rc.atMs },
      'decidedAt',
    );
    const reasons = text(pd.r.data.reasons) || pd.r.comment;
    const police = {
      decision: pd.r.decision,
      decidedAt: iso(pd.atMs),
      noticeAt: null as string | null,
      copiedToProcuratorate: false,
      reasons: reasons || null,
    };
    ctx.record(
      pd.r.decision === 'registered'
        ? texts.policeRegistered(pd.r.actor.name, pd.atMs)
        : texts.policeDeclined(pd.r.actor.name, pd.atMs, reasons),
      actorOf(pd.r),
      pd.r.data,
    );
    setStage('awaitingNotice', { police });

    const nt = await legalStep(
      'recordPoliceNotice',
      input.liaison,
      { kind: 'policeNotice', fromMs: pd.atMs },
      'noticeAt',
      { policeDecision: pd.r.decision },
    );
    const copied = nt.r.data.copiedToProcuratorate === true;
    ctx.record(texts.noticeReceived(nt.r.actor.name, nt.atMs, copied), actorOf(nt.r), nt.r.data);
    police.noticeAt = iso(nt.atMs);
    police.copiedToProcuratorate = copied;
    if (pd.r.decision === 'registered') {
      registered = true;
      await afterRegistration(nt.atMs, { police });
    } else {
      await afterRefusal(nt.atMs, { police });
    }
    ctx.record(texts.closed(), null, { registered });
  }

  await ctx.endFollowUps();
  await condition(allHandlersFinished);
  await settleBookkeeping();
  return { referralId, stage: outcome, registered, closedAt: iso(ctx.now()) };
}
