import {
  ActivityFailure,
  ApplicationFailure,
  CancellationScope,
  allHandlersFinished,
  condition,
  isCancellation,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import {
  APPROVE_TIP_REWARD_UPDATE,
  DECIDE_TIP_ACCEPTANCE_UPDATE,
  RECORD_TIP_FINE_UPDATE,
  RECORD_TIP_RECHECK_UPDATE,
  RECORD_TIP_VERIFICATION_UPDATE,
  TIP_FEEDBACK_SENT_UPDATE,
  type ApproveTipRewardInput,
  type CandidateRule,
  type DecideTipAcceptanceInput,
  type DisputeTipInput,
  type DurationSpec,
  type RecordTipFineInput,
  type RecordTipRecheckInput,
  type RecordTipVerificationInput,
  type ReporterNoticeKind,
  type RewardComputation,
  type RewardFacts,
  type RewardStatus,
  type TaskDecisionPayload,
  type TipActor,
  type TipCandidates,
  type TipDeadlineKind,
  type TipFeedbackSentInput,
  type TipFollowUpRef,
  type TipPaymentData,
  type TipRewardPatch,
  type TipStatus,
  type TipStatusPatch,
  type TipStep,
  type TipUpdateRejection,
  type TipVerificationInput,
} from '@zhiben/contracts/workflow';
import { computeReward, missingRewardFacts } from '@zhiben/tipline-domain/workflow';
import {
  completeOpenTask,
  humanTask,
  inOrder,
  settleBookkeeping,
  type HumanTaskDecided,
  type HumanTaskResult,
} from '@zhiben/workflows-shared';
import { tipline } from './activities';
import {
  calendarAt,
  dueAfter,
  effectiveInstant,
  iso,
  msUntil,
  parseInstant,
  taskDueAtMs,
  type CalendarClock,
} from './clock';
import { TIP_STEP_DEFS } from './steps';
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
import { notices, texts, type TimelineText } from './timeline-texts';
import {
  validateAcceptance,
  validateClaim,
  validateDispute,
  validateExtensionRequest,
  validateFeedback,
  validateFine,
  validateRecheck,
  validateRewardApproval,
  validateVerification,
} from './validation';

/** What the workflow remembers (all of it plain data, so it could be carried across continue-as-new). */
export interface TipVerificationState {
  /** Calendar origin: the run's start. */
  originMs: number;
  seq: number;
  visits: Record<string, number>;
  status: TipStatus;
  receivingUnitCode: string;
  candidates: TipCandidates;
  acceptanceDueMs: number | null;
  verifyDueMs: number | null;
  extension: { status: 'pending' | 'approved' | 'rejected'; extendedDueMs: number; taskKey: string } | null;
  extensionsUsed: number;
  conclusion: RecordTipVerificationInput | null;
  feedbackDueMs: number | null;
  disputeUntilMs: number | null;
  disputeOpen: boolean;
  dispute: (DisputeTipInput & { taskKey: string; atMs: number }) | null;
  rechecks: number;
  followUp: TipFollowUpRef | null;
  fineYuan: number | null;
  reward: {
    status: RewardStatus;
    computation: RewardComputation | null;
    claimWindowEndsMs: number | null;
    paymentDueMs: number | null;
    claim: { claimId: string; verifiedBy: string; atMs: number } | null;
  } | null;
  breaches: TipDeadlineKind[];
}

export interface TipVerificationResult {
  tipId: string;
  status: TipStatus;
  reward: { amountYuan: number; status: RewardStatus } | null;
  followUp: TipFollowUpRef | null;
  closedAt: string;
}

function rejection(r: TipUpdateRejection): ApplicationFailure {
  return ApplicationFailure.create({
    type: r.type,
    message: `${r.messageZh} / ${r.messageEn}`,
    details: [r],
    nonRetryable: true,
  });
}

const actorOf = (a: { username: string; name: string }): TipActor => ({ username: a.username, name: a.name });

/**
 * One tip from the public (P-06; regulations.md B8, C2): acceptance decision (accept / not within scope /
 * forward) → verification within rules.verification (+ rules.verificationExtension with the level above's
 * approval; a breach raises one 督办 task) → a substantiated tip opens a hazard (source 群众举报) or an
 * enforcement case through tipline-service → feedback to the reporter within rules.feedback → reward by
 * rule (libs/tipline-domain) → approval → claim window → payment, or lapse. An "unsubstantiated"
 * conclusion may be disputed once within rules.disputeWindow: 复查 → feedback again. No identity ever
 * enters this workflow: the reporter is `input.reporterId`, and tipline-service does whatever needs more.
 */
export async function tipVerification(input: TipVerificationInput): Promise<TipVerificationResult> {
  const { workflowId } = workflowInfo();
  const { rules, tipId } = input;
  const state: TipVerificationState = {
    originMs: Date.now(),
    seq: 0,
    visits: {},
    status: 'received',
    receivingUnitCode: input.receivingUnitCode,
    candidates: input.candidates,
    acceptanceDueMs: null,
    verifyDueMs: null,
    extension: null,
    extensionsUsed: 0,
    conclusion: null,
    feedbackDueMs: null,
    disputeUntilMs: null,
    disputeOpen: false,
    dispute: null,
    rechecks: 0,
    followUp: null,
    fineYuan: null,
    reward: null,
    breaches: [],
  };
  const cal: CalendarClock = { originMs: state.originMs, msPerDay: input.clock.msPerDay };
  const now = () => calendarAt(cal, Date.now());

  // ── bookkeeping (in order, in the background) ────────────────────────────────────────────────────
  const eventKey = (type: string) => `${workflowId}:${type}:${++state.seq}`;
  const record = (text: TimelineText, actor?: TipActor | null, data?: Record<string, unknown>) => {
    const event = {
      tipId,
      eventKey: eventKey(text.type),
      type: text.type,
      summaryZh: text.summaryZh,
      summaryEn: text.summaryEn,
      actor: actor ? actorOf(actor) : null,
      ...(data ? { data } : {}),
      at: iso(now()),
    };
    void inOrder(() => tipline.recordTipEvent(event));
  };
  const setStatus = (status: TipStatus, patch?: TipStatusPatch) => {
    state.status = status;
    const key = eventKey(`status.${status}`);
    void inOrder(() => tipline.setTipStatus({ tipId, status, eventKey: key, ...(patch ? { patch } : {}) }));
  };
  const setReward = (reward: TipRewardPatch) => {
    const key = eventKey(`reward.${reward.status}`);
    void inOrder(() => tipline.setTipReward({ tipId, eventKey: key, reward }));
  };
  const notify = (kind: ReporterNoticeKind, msg: { messageZh: string; messageEn: string }) => {
    const key = eventKey(`notice.${kind}`);
    void inOrder(() => tipline.notifyReporter({ tipId, eventKey: key, kind, ...msg }));
  };

  // ── human tasks ──────────────────────────────────────────────────────────────────────────────────
  /** Open task key per step (a step has at most one open task at a time). */
  const openByStep = new Map<TipStep, string>();
  const nextTaskKey = (step: TipStep) => {
    const visit = (state.visits[step] ?? 0) + 1;
    state.visits[step] = visit;
    return `${step}#${visit}`;
  };
  const isOpen = (step: TipStep) => openByStep.has(step);

  interface StepOptions {
    candidates: CandidateRule[];
    /** Calendar instant the task falls due, or null. */
    dueAtMs: number | null;
    completion?: DurationSpec;
    /** Escalate to the level above once due (adds them as candidates). */
    escalate?: boolean;
    completedThrough?: string;
    taskKey?: string;
    formData?: Record<string, unknown>;
  }
  const task = async (step: TipStep, o: StepOptions): Promise<HumanTaskDecided> => {
    const def = TIP_STEP_DEFS[step];
    const taskKey = o.taskKey ?? nextTaskKey(step);
    openByStep.set(step, taskKey);
    try {
      const r: HumanTaskResult = await humanTask({
        taskKey,
        type: `tip.${step}`,
        titleZh: `${def.titleZh}：${input.titleZh}（${input.tipRef}）`,
        titleEn: `${def.titleEn}: ${input.tipRef}`,
        caseRef: input.tipRef,
        caseKind: 'tip',
        step,
        candidates: o.candidates,
        priority: def.priority,
        decisions: def.decisions,
        formData: { tipId, reporterId: input.reporterId, ...o.formData },
        orgUnitCode: state.receivingUnitCode,
        ...(o.completion
          ? {
              sla: {
                completion: o.completion,
                remindAt: rules.remindAt,
                ...(o.escalate ? { escalateTo: state.candidates.supervisors } : {}),
              },
            }
          : {}),
        due: o.dueAtMs === null ? null : { atMs: taskDueAtMs(cal, Date.now(), o.dueAtMs) },
        clock: input.clock,
        remindAt: rules.remindAt,
        overdue: { action: 'wait', ...(o.escalate ? { escalateTo: state.candidates.supervisors } : {}) },
        ...(o.completedThrough ? { completedThrough: o.completedThrough } : {}),
      });
      if (r.kind !== 'decided') {
        throw ApplicationFailure.nonRetryable(
          `Task ${r.taskKey} expired unexpectedly`,
          'UnexpectedTaskExpiry',
        );
      }
      return r;
    } finally {
      if (openByStep.get(step) === taskKey) openByStep.delete(step);
    }
  };

  /** Completes the open task of `step` from a tip Update (its validator accepted the request). */
  const complete = (step: TipStep, decision: string, by: TipActor, data: object, comment = '') => {
    const taskKey = openByStep.get(step);
    if (!taskKey) return;
    const payload: TaskDecisionPayload = {
      taskId: '',
      taskKey,
      decision,
      comment,
      data: data as Record<string, unknown>,
      attachments: [],
      actor: { username: by.username, name: by.name, orgUnitCode: null },
      decidedAt: iso(now()),
    };
    completeOpenTask(taskKey, payload);
  };

  /** Runs `work` against a limit: at `dueAtMs` (calendar), `onBreach` runs once if work is not done. */
  const withDeadline = async <T>(
    dueAtMs: number,
    onBreach: () => void,
    work: () => Promise<T>,
  ): Promise<T> => {
    let done = false;
    const watch = (async () => {
      const ms = msUntil(cal, Date.now(), dueAtMs);
      const finished = ms > 0 ? await condition(() => done, ms) : done;
      if (!finished) onBreach();
    })();
    try {
      return await work();
    } finally {
      done = true;
      await watch;
    }
  };

  /** Background 督办 tasks, closed as cancelled when the workflow ends. */
  const followUps: { scope: CancellationScope; done: Promise<void> }[] = [];
  let backgroundFailure: { error: unknown } | null = null;
  const inBackground = (routine: () => Promise<void>) => {
    const scope = new CancellationScope();
    const done = scope.run(routine).catch((error: unknown) => {
      if (!isCancellation(error)) backgroundFailure ??= { error };
    });
    followUps.push({ scope, done });
    return { scope, done };
  };
  const breach = (kind: TipDeadlineKind) => state.breaches.push(kind);

  // ── messages ─────────────────────────────────────────────────────────────────────────────────────
  setHandler(tipStateQuery, () => ({
    tipId,
    status: state.status,
    calendarNow: iso(now()),
    receivingUnitCode: state.receivingUnitCode,
    acceptanceDueAt: state.acceptanceDueMs === null ? null : iso(state.acceptanceDueMs),
    verificationDueAt: state.verifyDueMs === null ? null : iso(state.verifyDueMs),
    extension: state.extension && {
      status: state.extension.status,
      extendedDueAt: iso(state.extension.extendedDueMs),
    },
    feedbackDueAt: state.feedbackDueMs === null ? null : iso(state.feedbackDueMs),
    disputeUntil: state.disputeUntilMs === null ? null : iso(state.disputeUntilMs),
    rechecks: state.rechecks,
    followUp: state.followUp,
    reward: state.reward && {
      status: state.reward.status,
      computation: state.reward.computation,
      claimWindowEndsAt: state.reward.claimWindowEndsMs === null ? null : iso(state.reward.claimWindowEndsMs),
      paymentDueAt: state.reward.paymentDueMs === null ? null : iso(state.reward.paymentDueMs),
    },
    breaches: [...state.breaches],
    openTasks: [...openByStep.entries()].map(([step, taskKey]) => ({
      taskKey,
      step,
      decisions: TIP_STEP_DEFS[step].decisions.map((d) => d.code),
    })),
  }));

  setHandler(
    decideTipAcceptanceUpdate,
    (req) => {
      complete('decideAcceptance', req.decision, req.by, req, req.reason ?? '');
      return req.decision === 'accept'
        ? { accepted: true, verificationDueAt: iso(dueAfter(now(), rules.verification)) }
        : { accepted: true };
    },
    {
      validator: (req) => {
        const r = validateAcceptance(isOpen('decideAcceptance'), req);
        if (r) throw rejection(r);
      },
      description: '受理决定: accept, not within scope, or forward to the competent department',
    },
  );

  setHandler(
    recordTipVerificationUpdate,
    (req) => {
      submittedVerification = req;
      complete('verify', req.outcome, req.by, req, req.summary);
      const verifiedMs = effectiveInstant(req.verifiedAt, state.originMs, now());
      return { accepted: true, feedbackDueAt: iso(dueAfter(verifiedMs, rules.feedback)) };
    },
    {
      validator: (req) => {
        const r = validateVerification(isOpen('verify'), input.kind, req, now());
        if (r) throw rejection(r);
      },
      description: '核查结论: substantiated (with the facts and the follow-up) or unsubstantiated',
    },
  );

  setHandler(
    requestTipExtensionUpdate,
    (req) => {
      const taskKey = nextTaskKey('approveExtension');
      const extendedDueMs = dueAfter(state.verifyDueMs!, rules.verificationExtension);
      state.extension = { status: 'pending', extendedDueMs, taskKey };
      record(texts.extensionRequested(req.by.name, req.reason), req.by, {
        extendedDueAt: iso(extendedDueMs),
      });
      setStatus(state.status, { extension: { status: 'pending', extendedDueAt: iso(extendedDueMs) } });
      extensionApproval = inBackground(async () => {
        const r = await task('approveExtension', {
          taskKey,
          candidates: state.candidates.extensionApprovers,
          dueAtMs: dueAfter(now(), rules.extensionDecision),
          completion: rules.extensionDecision,
          escalate: false,
          formData: {
            reason: req.reason,
            requestedBy: actorOf(req.by),
            verificationDueAt: iso(state.verifyDueMs!),
            extendedDueAt: iso(extendedDueMs),
          },
        });
        const ext = state.extension!;
        if (r.decision === 'approve') {
          ext.status = 'approved';
          state.extensionsUsed += 1;
          state.verifyDueMs = ext.extendedDueMs;
          record(texts.extensionApproved(r.actor.name, ext.extendedDueMs), r.actor);
        } else {
          ext.status = 'rejected';
          record(texts.extensionRejected(r.actor.name, r.comment), r.actor);
        }
        setStatus(state.status, {
          extension: { status: ext.status, extendedDueAt: iso(ext.extendedDueMs) },
          verificationDueAt: iso(state.verifyDueMs!),
          ...(ext.status === 'approved' ? { verificationOverdue: false } : {}),
        });
      });
      return { accepted: true, taskKey, extendedDueAt: iso(extendedDueMs) };
    },
    {
      validator: (req) => {
        const r = validateExtensionRequest(
          {
            verifying: state.status === 'verifying' && isOpen('verify'),
            pending: state.extension?.status === 'pending',
            used: state.extensionsUsed,
            max: rules.maxExtensions,
            dueMs: state.verifyDueMs,
          },
          req,
          now(),
        );
        if (r) throw rejection(r);
      },
      description: '延期申请: ask the level above to extend the verification (once, before the deadline)',
    },
  );
  let extensionApproval: { scope: CancellationScope; done: Promise<void> } | null = null;
  /** The accepted verification, kept apart from its task: an extension may re-issue the task meanwhile. */
  let submittedVerification: RecordTipVerificationInput | null = null;

  setHandler(
    recordTipFineUpdate,
    (req) => {
      complete('recordFine', 'recorded', req.by, req);
      return { accepted: true };
    },
    {
      validator: (req) => {
        const r = validateFine(isOpen('recordFine'), req);
        if (r) throw rejection(r);
      },
      description: '登记罚款: the fine decided after the verification',
    },
  );

  setHandler(
    tipFeedbackSentUpdate,
    (req) => {
      complete('feedback', 'sent', req.by, req);
      const sentMs = effectiveInstant(req.sentAt, state.originMs, now());
      const disputable =
        state.conclusion?.outcome === 'unsubstantiated' && state.rechecks < rules.maxRechecks;
      return { accepted: true, disputeUntil: disputable ? iso(dueAfter(sentMs, rules.disputeWindow)) : null };
    },
    {
      validator: (req) => {
        const r = validateFeedback(isOpen('feedback'), req);
        if (r) throw rejection(r);
      },
      description: '已反馈: tipline-service told the reporter the result',
    },
  );

  setHandler(
    approveTipRewardUpdate,
    (req) => {
      complete('approveReward', req.decision, req.by, req, req.reason ?? '');
      return req.decision === 'approve'
        ? { accepted: true, claimWindowEndsAt: iso(dueAfter(now(), rules.claimWindow)) }
        : { accepted: true };
    },
    {
      validator: (req) => {
        const r = validateRewardApproval(
          {
            open: isOpen('approveReward'),
            amountYuan: state.reward?.computation?.amountYuan ?? null,
          },
          req,
        );
        if (r) throw rejection(r);
      },
      description: '审批奖励: approve the computed amount or reject with reasons',
    },
  );

  setHandler(
    claimTipRewardUpdate,
    (req) => {
      const atMs = effectiveInstant(req.claimedAt, state.originMs, now());
      state.reward!.claim = { claimId: req.claimId, verifiedBy: req.verifiedBy, atMs };
      return { accepted: true, paymentDueAt: iso(dueAfter(atMs, rules.payment)) };
    },
    {
      validator: (req) => {
        const reward = state.reward;
        const r = validateClaim(
          {
            claimable: reward?.status === 'approved' && reward.claim === null,
            windowEndsMs: reward?.claimWindowEndsMs ?? null,
          },
          req,
          now(),
        );
        if (r) throw rejection(r);
      },
      description: '申领奖励: from tipline-service after it verified the claim code and password',
    },
  );

  setHandler(
    disputeTipUpdate,
    (req) => {
      const taskKey = nextTaskKey('recheck');
      state.dispute = { disputeId: req.disputeId, reason: req.reason, taskKey, atMs: now() };
      state.disputeOpen = false;
      return { accepted: true, taskKey, recheckDueAt: iso(dueAfter(now(), rules.recheck)) };
    },
    {
      validator: (req) => {
        const r = validateDispute(
          {
            open: state.disputeOpen && state.dispute === null,
            untilMs: state.disputeUntilMs,
            rechecks: state.rechecks,
            maxRechecks: rules.maxRechecks,
          },
          req,
          now(),
        );
        if (r) throw rejection(r);
      },
      description: '申请复查: the reporter disputes an "unsubstantiated" conclusion',
    },
  );

  setHandler(
    recordTipRecheckUpdate,
    (req) => {
      complete('recheck', req.decision, req.by, req, req.summary);
      return { accepted: true };
    },
    {
      validator: (req) => {
        const r = validateRecheck(isOpen('recheck'), input.kind, req, now());
        if (r) throw rejection(r);
      },
      description: '复查结论: upheld, or revised with the new facts',
    },
  );

  // ── 受理 ─────────────────────────────────────────────────────────────────────────────────────────
  /** Who accepted the tip (here or at a department it was forwarded to inside the system), or null. */
  const acceptance = async (): Promise<TipActor | null> => {
    const received = parseInstant(input.receivedAt);
    let fromMs = received !== null && received <= now() ? received : now();
    record(texts.received(input.kind, input.tipRef, dueAfter(fromMs, rules.acceptanceDecision)), null, {
      channel: input.channel,
      anonymous: input.anonymous,
    });
    for (;;) {
      const dueMs = dueAfter(fromMs, rules.acceptanceDecision);
      state.acceptanceDueMs = dueMs;
      setStatus('received', { receivingUnitCode: state.receivingUnitCode, acceptanceDueAt: iso(dueMs) });
      const r = await withDeadline(
        dueMs,
        () => {
          breach('acceptance');
          record(texts.acceptanceBreached(dueMs));
        },
        () =>
          task('decideAcceptance', {
            candidates: state.candidates.handlers,
            dueAtMs: dueMs,
            completion: rules.acceptanceDecision,
            escalate: true,
            completedThrough: DECIDE_TIP_ACCEPTANCE_UPDATE,
            formData: { kind: input.kind, receivedAt: input.receivedAt },
          }),
      );
      const a = r.data as unknown as DecideTipAcceptanceInput;
      if (a.decision === 'accept') return actorOf(a.by);
      const reason = a.reason?.trim() ?? '';
      if (a.decision === 'notInScope') {
        record(texts.notAccepted(a.by.name, reason), a.by);
        setStatus('notAccepted', { notAcceptedReason: reason, closedAt: iso(now()) });
        notify('notAccepted', notices.notAccepted(input.tipRef, reason));
        return null;
      }
      const to = a.forwardTo!;
      record(texts.forwarded(a.by.name, to.name, to.external, reason), a.by, { forwardedTo: to });
      notify('forwarded', notices.forwarded(input.tipRef, to.name));
      if (to.external) {
        setStatus('forwarded', { forwardedTo: to, closedAt: iso(now()) });
        return null;
      }
      // 转办 inside the system: the department decides afresh and, if it accepts, verifies and pays
      // (谁受理、谁奖励).
      state.receivingUnitCode = to.code;
      state.candidates = a.forwardCandidates!;
      fromMs = now();
      setStatus('received', { forwardedTo: to, receivingUnitCode: to.code });
    }
  };

  // ── 核查 (60 days, +30 with approval; one breach and one 督办 per deadline) ─────────────────────────
  const verification = async (acceptedBy: TipActor): Promise<RecordTipVerificationInput> => {
    const acceptedMs = now();
    state.verifyDueMs = dueAfter(acceptedMs, rules.verification);
    record(texts.accepted(acceptedBy.name, state.verifyDueMs), acceptedBy);
    setStatus('verifying', {
      acceptedAt: iso(acceptedMs),
      verificationDueAt: iso(state.verifyDueMs),
      receivingUnitCode: state.receivingUnitCode,
    });
    notify('accepted', notices.accepted(input.tipRef));

    const done = () => submittedVerification !== null;
    const watch = (async () => {
      let breachedFor: number | null = null;
      while (!done()) {
        const due = state.verifyDueMs!;
        const ms = msUntil(cal, Date.now(), due);
        const moved = () => done() || state.verifyDueMs !== due;
        if (ms > 0 && (await condition(moved, ms))) continue;
        if (moved()) continue;
        if (breachedFor !== due) {
          breachedFor = due;
          breach('verification');
          record(texts.verificationBreached(due), null, { dueAt: iso(due) });
          setStatus(state.status, { verificationOverdue: true });
          inBackground(async () => {
            const r = await task('breachFollowUp', {
              candidates: state.candidates.supervisors,
              dueAtMs: null,
              formData: { kind: 'verification', dueAt: iso(due) },
            });
            record(texts.followedUp(r.actor.name, r.comment), r.actor, { kind: 'verification' });
          });
        }
        await condition(moved);
      }
    })();

    // The verify task carries the deadline people see; an approved extension re-issues it (verify#2).
    for (;;) {
      const due = state.verifyDueMs;
      const scope = new CancellationScope();
      const attempt = scope.run(() =>
        task('verify', {
          candidates: state.candidates.handlers,
          dueAtMs: due,
          completion: rules.verification,
          completedThrough: RECORD_TIP_VERIFICATION_UPDATE,
          formData: { kind: input.kind, verificationDueAt: iso(due) },
        }),
      );
      await condition(() => done() || state.verifyDueMs !== due);
      if (done()) {
        await attempt;
        break;
      }
      scope.cancel();
      try {
        await attempt;
      } catch (e) {
        if (!isCancellation(e)) throw e;
      }
      if (done()) break; // decided in the same activation as the extension
    }
    await watch;
    // A pending extension request is moot once the verification is recorded.
    if (extensionApproval && state.extension?.status === 'pending') {
      extensionApproval.scope.cancel();
      await extensionApproval.done;
    }
    return submittedVerification!;
  };

  // ── the conclusion: follow-up, feedback, dispute ─────────────────────────────────────────────────
  const openFollowUp = async (c: RecordTipVerificationInput) => {
    const follow = c.followUp;
    if (state.followUp !== null || !follow || follow.kind === 'none') return;
    try {
      if (follow.kind === 'hazard') {
        const { hazardId, caseRef } = await tipline.createHazardFromTip({
          tipId,
          eventKey: `${workflowId}:followUp.hazard`,
          source: 'PublicReport',
          hazard: follow.hazard,
          requestedBy: actorOf(c.by),
        });
        state.followUp = { kind: 'hazard', id: hazardId, ref: caseRef };
        record(texts.hazardCreated(caseRef), null, { hazardId, caseRef });
      } else {
        const { caseId, caseNo } = await tipline.createEnforcementCaseFromTip({
          tipId,
          eventKey: `${workflowId}:followUp.enforcementCase`,
          source: 'PublicReport',
          enforcementCase: follow.enforcementCase,
          requestedBy: actorOf(c.by),
        });
        state.followUp = { kind: 'enforcementCase', id: caseId, ref: caseNo };
        record(texts.caseCreated(caseNo), null, { caseId, caseNo });
      }
    } catch (e) {
      // Refused for good (e.g. the draft does not pass hazards-service): the handler registers it by hand.
      if (
        !(e instanceof ActivityFailure) ||
        !(e.cause instanceof ApplicationFailure) ||
        !e.cause.nonRetryable
      ) {
        throw e;
      }
      record(texts.followUpFailed(e.cause.message), null, { type: e.cause.type });
    }
  };

  const conclude = (c: RecordTipVerificationInput) => {
    state.conclusion = c;
    const verifiedMs = effectiveInstant(c.verifiedAt, state.originMs, now());
    const patch: TipStatusPatch = { verifiedAt: iso(verifiedMs), outcome: c.outcome };
    if (c.outcome === 'substantiated') {
      record(texts.substantiated(c.by.name), c.by, {
        summary: c.summary,
        firstReporter: c.firstReporter,
        duplicateOfTipId: c.duplicateOfTipId ?? null,
      });
      setStatus('verified', patch);
    } else {
      record(texts.unsubstantiated(c.by.name, c.summary), c.by);
      setStatus('unfounded', patch);
    }
    return verifiedMs;
  };

  const feedback = async (fromMs: number): Promise<number> => {
    const dueMs = dueAfter(fromMs, rules.feedback);
    state.feedbackDueMs = dueMs;
    record(texts.feedbackDue(dueMs));
    setStatus(state.status, { feedbackDueAt: iso(dueMs) });
    const r = await withDeadline(
      dueMs,
      () => {
        breach('feedback');
        record(texts.feedbackBreached(dueMs), null, { dueAt: iso(dueMs) });
        setStatus(state.status, { feedbackOverdue: true });
      },
      () =>
        task('feedback', {
          candidates: state.candidates.handlers,
          dueAtMs: dueMs,
          completion: rules.feedback,
          escalate: true,
          completedThrough: TIP_FEEDBACK_SENT_UPDATE,
          formData: { outcome: state.conclusion?.outcome, feedbackDueAt: iso(dueMs) },
        }),
    );
    const sent = r.data as unknown as TipFeedbackSentInput;
    const sentMs = effectiveInstant(sent.sentAt, fromMs, now());
    record(texts.feedbackSent(sent.by.name), sent.by, { channels: sent.channels, messageZh: sent.messageZh });
    setStatus(state.status, { feedbackSentAt: iso(sentMs), feedbackOverdue: false });
    return sentMs;
  };

  /** After feedback on an unsubstantiated conclusion: a 复查 if the reporter asks in time. */
  const awaitDispute = async (sentMs: number): Promise<boolean> => {
    if (state.rechecks >= rules.maxRechecks) return false;
    const untilMs = dueAfter(sentMs, rules.disputeWindow);
    state.disputeUntilMs = untilMs;
    state.disputeOpen = true;
    setStatus(state.status, { disputeUntil: iso(untilMs) });
    const ms = msUntil(cal, Date.now(), untilMs);
    const disputed = ms > 0 ? await condition(() => state.dispute !== null, ms) : state.dispute !== null;
    state.disputeOpen = false;
    setStatus(state.status, { disputeUntil: null });
    return disputed;
  };

  const recheck = async (): Promise<RecordTipRecheckInput> => {
    const d = state.dispute!;
    state.rechecks += 1;
    record(texts.disputed(d.reason), null, { disputeId: d.disputeId });
    setStatus('rechecking');
    const dueMs = dueAfter(d.atMs, rules.recheck);
    const r = await task('recheck', {
      taskKey: d.taskKey,
      candidates: state.candidates.recheckers,
      dueAtMs: dueMs,
      completion: rules.recheck,
      escalate: true,
      completedThrough: RECORD_TIP_RECHECK_UPDATE,
      formData: { disputeId: d.disputeId, reason: d.reason, conclusion: state.conclusion?.summary ?? null },
    });
    state.dispute = null;
    const rc = r.data as unknown as RecordTipRecheckInput;
    record(
      rc.decision === 'upheld'
        ? texts.recheckUpheld(rc.by.name, rc.summary)
        : texts.recheckRevised(rc.by.name, rc.summary),
      rc.by,
    );
    return rc;
  };

  // ── 奖励 ─────────────────────────────────────────────────────────────────────────────────────────
  const reward = async (c: RecordTipVerificationInput): Promise<void> => {
    const facts: RewardFacts = {
      kind: input.kind,
      substantiated: true,
      hazardGrade: c.hazardGrade ?? null,
      fineYuan: c.fineYuan ?? null,
      concealedDeaths: c.concealedDeaths ?? null,
      accidentGrade: c.accidentGrade ?? null,
      firstReporter: c.firstReporter,
      reporterExclusion: c.reporterExclusion ?? null,
    };
    state.reward = {
      status: 'awaitingFine',
      computation: null,
      claimWindowEndsMs: null,
      paymentDueMs: null,
      claim: null,
    };
    // The penalty decision often comes after the verification: wait for its fine when the rule needs it.
    if (missingRewardFacts(rules, facts).includes('fineYuan')) {
      setReward({ status: 'awaitingFine' });
      const r = await task('recordFine', {
        candidates: state.candidates.handlers,
        dueAtMs: rules.fineRecording ? dueAfter(now(), rules.fineRecording) : null,
        ...(rules.fineRecording ? { completion: rules.fineRecording } : {}),
        completedThrough: RECORD_TIP_FINE_UPDATE,
        formData: { followUp: state.followUp },
      });
      const f = r.data as unknown as RecordTipFineInput;
      facts.fineYuan = f.fineYuan;
      state.fineYuan = f.fineYuan;
      record(texts.fineRecorded(f.by.name, f.fineYuan), f.by, {
        fineYuan: f.fineYuan,
        penaltyDecisionNo: f.penaltyDecisionNo ?? null,
      });
    } else {
      state.fineYuan = facts.fineYuan ?? null;
    }

    const computation = computeReward(rules, facts);
    record(texts.rewardComputed(computation), null, {
      amountYuan: computation.amountYuan,
      lines: computation.lines,
    });
    if (computation.amountYuan === 0) {
      state.reward = { ...state.reward, status: 'notEligible', computation };
      setReward({ status: 'notEligible', computation });
      setStatus('noReward', { closedAt: iso(now()) });
      return;
    }
    state.reward = { ...state.reward, status: 'assessed', computation };
    setReward({ status: 'assessed', computation });
    setStatus('rewardAssessment');

    const approvalDueMs = dueAfter(now(), rules.rewardApproval);
    const ap = await task('approveReward', {
      candidates: state.candidates.approvers,
      dueAtMs: approvalDueMs,
      completion: rules.rewardApproval,
      escalate: true,
      completedThrough: APPROVE_TIP_REWARD_UPDATE,
      formData: { computation, anonymous: input.anonymous },
    });
    const approval = ap.data as unknown as ApproveTipRewardInput;
    if (approval.decision !== 'approve') {
      state.reward.status = 'rejected';
      record(texts.rewardRejected(approval.by.name, approval.reason), approval.by);
      setReward({
        status: 'rejected',
        rejectionReason: approval.reason ?? '',
        approvedBy: actorOf(approval.by),
      });
      setStatus('rewardRejected', { closedAt: iso(now()) });
      return;
    }
    const approvedMs = now();
    const windowEndsMs = dueAfter(approvedMs, rules.claimWindow);
    state.reward.status = 'approved';
    state.reward.claimWindowEndsMs = windowEndsMs;
    record(texts.rewardApproved(approval.by.name, computation.amountYuan, windowEndsMs), approval.by);
    setReward({
      status: 'approved',
      approvedBy: actorOf(approval.by),
      approvedAt: iso(approvedMs),
      claimWindowEndsAt: iso(windowEndsMs),
    });
    setStatus('rewardApproved');
    notify('rewardApproved', notices.rewardApproved(input.tipRef, computation.amountYuan, windowEndsMs));

    // The claim window: a claim verified by tipline-service, or the reward lapses at the window's end.
    const ms = msUntil(cal, Date.now(), windowEndsMs);
    const claimed =
      ms > 0 ? await condition(() => state.reward?.claim !== null, ms) : state.reward.claim !== null;
    const claim = state.reward.claim;
    if (!claimed || claim === null) {
      state.reward.status = 'lapsed';
      record(texts.rewardLapsed(windowEndsMs));
      setReward({ status: 'lapsed', lapsedAt: iso(windowEndsMs) });
      setStatus('rewardLapsed', { closedAt: iso(now()) });
      return;
    }
    const paymentDueMs = dueAfter(claim.atMs, rules.payment);
    state.reward.status = 'claimed';
    state.reward.paymentDueMs = paymentDueMs;
    record(texts.rewardClaimed(claim.verifiedBy, paymentDueMs), null, { claimId: claim.claimId });
    setReward({
      status: 'claimed',
      claimId: claim.claimId,
      claimedAt: iso(claim.atMs),
      paymentDueAt: iso(paymentDueMs),
    });
    setStatus('rewardClaimed');

    const pay = await withDeadline(
      paymentDueMs,
      () => {
        breach('payment');
        record(texts.paymentBreached(paymentDueMs), null, { dueAt: iso(paymentDueMs) });
      },
      () =>
        task('payReward', {
          candidates: state.candidates.finance,
          dueAtMs: paymentDueMs,
          completion: rules.payment,
          escalate: true,
          formData: {
            claimId: claim.claimId,
            amountYuan: computation.amountYuan,
            anonymous: input.anonymous,
          },
        }),
    );
    const data = pay.data as TipPaymentData;
    const paidMs = effectiveInstant(data.paidAt, claim.atMs, now());
    state.reward.status = 'paid';
    record(texts.rewardPaid(pay.actor.name, computation.amountYuan), pay.actor, {
      voucherNo: data.voucherNo ?? null,
    });
    setReward({ status: 'paid', paidAt: iso(paidMs), voucherNo: data.voucherNo ?? null });
    setStatus('rewardPaid', { closedAt: iso(now()) });
    notify('rewardPaid', notices.rewardPaid(input.tipRef));
  };

  // ── run ──────────────────────────────────────────────────────────────────────────────────────────
  const acceptedBy = await acceptance();
  if (acceptedBy) {
    let conclusion = await verification(acceptedBy);
    for (;;) {
      const verifiedMs = conclude(conclusion);
      if (conclusion.outcome === 'substantiated') await openFollowUp(conclusion);
      const sentMs = await feedback(verifiedMs);
      if (conclusion.outcome === 'substantiated') break;
      if (!(await awaitDispute(sentMs))) break;
      const rc = await recheck();
      if (rc.decision === 'revised' && rc.revised) conclusion = { ...rc.revised, by: rc.by };
      else setStatus('unfounded');
    }
    if (conclusion.outcome === 'substantiated') {
      await reward(conclusion);
    } else {
      setStatus('unfounded', { closedAt: iso(now()) });
    }
  }
  record(texts.closed());
  for (const f of followUps) f.scope.cancel();
  for (const f of followUps) await f.done;
  if (backgroundFailure) throw (backgroundFailure as { error: unknown }).error;
  await condition(allHandlersFinished);
  await settleBookkeeping();
  return {
    tipId,
    status: state.status,
    reward: state.reward?.computation
      ? { amountYuan: state.reward.computation.amountYuan, status: state.reward.status }
      : null,
    followUp: state.followUp,
    closedAt: iso(now()),
  };
}
