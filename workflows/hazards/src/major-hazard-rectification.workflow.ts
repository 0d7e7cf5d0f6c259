import {
  ApplicationFailure,
  CancellationScope,
  ParentClosePolicy,
  allHandlersFinished,
  condition,
  continueAsNew,
  setHandler,
  startChild,
  workflowInfo,
} from '@temporalio/workflow';
import { listingWorkflowId, type MajorHazardWorkflowInput } from '@zhiben/contracts/workflow';
import {
  bookkeepingInBackground,
  deadlineAfter,
  inOrder,
  installHumanTasks,
  settleBookkeeping,
} from '@zhiben/workflows-shared';
import { hazards } from './activities';
import { CaseContext, decided } from './case-context';
import { RUNG_STEPS } from './hazard-steps';
import {
  hazardStateQuery,
  listingStatusSignal,
  proposeListingUpdate,
  requestExtensionUpdate,
  type HazardStateView,
  type HazardUpdateRejection,
  type ListingStatusChange,
  type Person,
  type ProposeListingResult,
} from './hazard.messages';
import { listedSupervision } from './listed-supervision.workflow';
import {
  initialState,
  listingOpen,
  statusOf,
  validateExtensionRequest,
  validateListingProposal,
  type RectificationState,
} from './rectification-state';
import {
  afterExtension,
  climbed,
  dueForTask,
  ladderSchedule,
  markAfter,
  markAt,
  markNow,
  msUntil,
  nextRung,
  parseInstant,
  resumeLadder,
  type Mark,
  type ScheduledRung,
} from './schedule';
import { inStage, type TaskGroup } from './task-group';
import { texts } from './timeline-texts';

/** What continue-as-new carries into the next run. */
export interface RectificationCarry {
  state: RectificationState;
}

export interface RectificationResult {
  hazardId: string;
  status: 'closed';
  closedAt: string;
}

const rejection = (r: HazardUpdateRejection) =>
  ApplicationFailure.create({
    type: r.type,
    message: `${r.messageZh} / ${r.messageEn}`,
    details: [r],
    nonRetryable: true,
  });

/**
 * The life of one hazard (P-02), from registration to 销号, for both grades:
 * - major (重大): plan → review → rectification with progress reports, deadline, 延期 and the
 *   escalation ladder (函告 → 通报 → 约谈 → 曝光 → 挂牌督办) → acceptance (验收) → close-out review;
 *   a listing (`listedSupervision`, child) must be delisted before close-out.
 * - general (一般): fix on the spot or by a deadline → verification by the town.
 * Continues as new between stages when the history grows long, carrying its whole state.
 */
export async function majorHazardRectification(
  input: MajorHazardWorkflowInput,
  carried?: RectificationCarry,
): Promise<RectificationResult> {
  installHumanTasks();
  const { workflowId } = workflowInfo();
  const { rules, clock } = input;
  const state: RectificationState = carried?.state ?? initialState(input.grade);
  const ctx = new CaseContext(
    {
      workflowId,
      hazardId: input.hazardId,
      caseRef: input.caseRef,
      caseKind: 'hazard',
      titleZh: input.titleZh,
      enterpriseCreditCode: input.enterpriseCreditCode,
      enterpriseName: input.enterpriseName,
      townCode: input.townCode,
      departmentCode: input.departmentCode,
      clock,
    },
    state,
  );
  const enterprise = input.enterpriseName;

  // ── ledger status: derived from the state, published whenever it changes ────────────────────
  let publishing: Promise<void> = Promise.resolve();
  const publishNow = async () => {
    const status = statusOf(state);
    const deadlineAt = state.deadline ? new Date(state.deadline.atMs).toISOString() : null;
    const key = `${status}|${deadlineAt ?? ''}`;
    if (key === state.lastPublished) return;
    state.lastPublished = key;
    await hazards.setHazardStatus({
      hazardId: input.hazardId,
      status,
      eventKey: ctx.eventKey(`status.${status}`),
      deadlineAt,
    });
  };
  /** Serialised and never cancelled, so the ledger sees the statuses in order. */
  const publish = (): Promise<void> => {
    if (bookkeepingInBackground()) {
      // The status as of now, on the same ordered chain as the timeline; nobody waits for it.
      const status = statusOf(state);
      const deadlineAt = state.deadline ? new Date(state.deadline.atMs).toISOString() : null;
      const key = `${status}|${deadlineAt ?? ''}`;
      if (key === state.lastPublished) return Promise.resolve();
      state.lastPublished = key;
      const eventKey = ctx.eventKey(`status.${status}`);
      void inOrder(() => hazards.setHazardStatus({ hazardId: input.hazardId, status, eventKey, deadlineAt }));
      return Promise.resolve();
    }
    const run = publishing.then(() => CancellationScope.nonCancellable(publishNow));
    publishing = run.catch(() => undefined);
    return run;
  };

  // ── 挂牌督办: started by the ladder or proposed by an official; the child reports back ──────────
  /** Run-local flags (not carried: a new run starts with no listing being started). */
  const rt = { listingDirty: false, listingStarting: null as Promise<ProposeListingResult> | null };

  const applyListingChange = (change: Pick<ListingStatusChange, 'listingId' | 'status'>) => {
    if (!state.listing || state.listing.listingId !== change.listingId) return;
    if (state.listing.status === change.status) return;
    // Terminal statuses are final: a late duplicate (signal and child result) must not reopen them.
    if (state.listing.status === 'delisted' || state.listing.status === 'rejected') return;
    state.listing = { ...state.listing, status: change.status };
    rt.listingDirty = true;
  };

  const startListing = (proposer: Person | null, reason: string): Promise<ProposeListingResult> => {
    if (rt.listingStarting) return rt.listingStarting;
    state.listing = { listingId: '', workflowId: '', status: 'proposed' };
    state.listingsStarted += 1;
    const proposedBy = proposer ? ctx.personLabel(proposer) : '逾期升级（系统）';
    const started = CancellationScope.nonCancellable(async () => {
      await ctx.record(texts.listingProposed(proposedBy, reason), proposer);
      const { listingId } = await hazards.createListing({
        hazardId: input.hazardId,
        proposedBy,
        reason,
        eventKey: ctx.eventKey(`listing.create.${state.listingsStarted}`),
      });
      const childId = listingWorkflowId(listingId);
      state.listing = { listingId, workflowId: childId, status: 'proposed' };
      // The proposal is in the ledger before the listing's own events.
      await settleBookkeeping();
      const child = await startChild(listedSupervision, {
        workflowId: childId,
        parentClosePolicy: ParentClosePolicy.ABANDON,
        args: [
          {
            listingId,
            hazardId: input.hazardId,
            caseRef: input.caseRef,
            titleZh: input.titleZh,
            enterpriseCreditCode: input.enterpriseCreditCode,
            enterpriseName: input.enterpriseName,
            townCode: input.townCode,
            proposedBy,
            reason,
            rules,
            clock,
          },
        ],
      });
      // The child also signals every status change; its result covers a lost signal in this run.
      void child.result().then(
        (outcome) => applyListingChange({ listingId: outcome.listingId, status: outcome.outcome }),
        () => undefined,
      );
      return { listingId, workflowId: childId };
    });
    rt.listingStarting = started;
    void started.then(
      () => (rt.listingStarting = null),
      () => (rt.listingStarting = null),
    );
    return started;
  };

  const watchListing = async (): Promise<void> => {
    for (;;) {
      await condition(() => rt.listingDirty);
      rt.listingDirty = false;
      const listing = state.listing;
      if (listing && (listing.status === 'delisted' || listing.status === 'rejected')) {
        await ctx.record(texts.listingClosedForHazard(listing.status), null, {
          listingId: listing.listingId,
        });
      }
      await publish();
    }
  };

  // ── messages ──────────────────────────────────────────────────────────────────────────────────
  setHandler(hazardStateQuery, (): HazardStateView => {
    const next =
      state.overdue && state.deadline
        ? ladderSchedule(rules.escalationLadder, state.ladder, state.deadline, clock)[0]
        : undefined;
    return {
      hazardId: input.hazardId,
      caseRef: input.caseRef,
      grade: input.grade,
      stage: state.stage,
      status: statusOf(state),
      deadlineAt: state.deadline ? new Date(state.deadline.atMs).toISOString() : null,
      overdue: state.overdue,
      escalation: {
        climbed: [...state.climbed],
        rung: state.climbed[state.climbed.length - 1] ?? null,
        next: next ? { rung: next.rung, at: new Date(next.mark.atMs).toISOString() } : null,
      },
      openTasks: ctx.openTaskViews(),
      pendingExtension: state.pendingExtension,
      listing: state.listing,
      history: [...state.history],
    };
  });

  setHandler(
    requestExtensionUpdate,
    async (req) => {
      const taskKey = ctx.nextTaskKey('approveExtension');
      state.pendingExtension = { ...req, taskKey };
      await ctx.record(
        texts.extensionRequested(
          ctx.enterpriseLabel(req.requestedBy),
          parseInstant(req.newDeadlineAt)!,
          req.reason,
        ),
        req.requestedBy,
        { newDeadlineAt: req.newDeadlineAt, taskKey },
      );
      return { accepted: true, taskKey };
    },
    {
      validator: (req) => {
        const r = validateExtensionRequest(state, req);
        if (r) throw rejection(r);
      },
      description: '延期申请: ask to move the rectification deadline (opens approveExtension)',
    },
  );

  setHandler(proposeListingUpdate, (req) => startListing(req.proposedBy, req.reason.trim()), {
    validator: (req) => {
      const r = validateListingProposal(state, input.grade, req);
      if (r) throw rejection(r);
    },
    description: '提请挂牌督办: start listed supervision (listedSupervision child workflow)',
  });

  setHandler(listingStatusSignal, (change) => applyListingChange(change));

  // ── major hazard stages ─────────────────────────────────────────────────────────────────────
  const officials = ctx.officials();
  const daily = { amount: 1, unit: 'naturalDays' } as const;

  const planning = async () => {
    await publish();
    const r = await ctx.task('submitPlan', {
      candidates: ctx.enterprise(),
      due: rules.planSubmission,
      completion: rules.planSubmission,
      remindAt: [0.5, 0.8],
      overdue: { escalateTo: ctx.townOfficials(), remindEvery: daily, maxReminders: 5, action: 'wait' },
    });
    const d = decided(r);
    const version = Number(d.data.planVersion);
    state.planVersion = Number.isSafeInteger(version) && version > 0 ? version : (state.planVersion ?? 0) + 1;
    await ctx.record(texts.planSubmitted(ctx.enterpriseLabel(d.actor), state.planVersion), d.actor, {
      planVersion: state.planVersion,
      attachments: d.attachments,
    });
    state.stage = 'plan_review';
  };

  const planReview = async () => {
    await publish();
    const r = decided(
      await ctx.task('reviewPlan', {
        candidates: officials,
        due: rules.planReview,
        completion: rules.planReview,
        remindAt: [0.5, 0.8],
        overdue: {
          escalateTo: await ctx.districtOfficials(),
          remindEvery: daily,
          maxReminders: 5,
          action: 'wait',
        },
        formData: { planVersion: state.planVersion },
      }),
    );
    const actor = await ctx.officialLabel(r.actor);
    if (r.decision !== 'approve') {
      await ctx.record(texts.planReturned(actor, r.comment), r.actor, { planVersion: state.planVersion });
      state.stage = 'planning';
      return;
    }
    const { deadlineAt } = await hazards.approvePlan({
      hazardId: input.hazardId,
      planVersion: state.planVersion ?? 1,
      eventKey: ctx.eventKey('plan.approve'),
    });
    const deadlineMs = parseInstant(deadlineAt);
    if (deadlineMs === null) {
      throw ApplicationFailure.nonRetryable(
        `approvePlan returned an invalid deadline ${deadlineAt}`,
        'InvalidDeadline',
      );
    }
    setDeadline(markAt(markNow(Date.now()), deadlineMs, clock));
    await ctx.record(texts.planApproved(actor, deadlineMs), r.actor, {
      planVersion: state.planVersion,
      deadlineAt,
    });
    state.stage = 'rectifying';
  };

  const setDeadline = (mark: Mark) => {
    state.deadline = mark;
    state.deadlineVersion += 1;
  };

  /** Rectifying until the enterprise applies for acceptance; progress, deadline, 延期 and ladder run beside it. */
  const rectifying = async () => {
    await publish();
    const applied = await inStage(async (group) => {
      group.spawn(progressReports);
      group.spawn(() => deadlineWatch(group));
      group.spawn(extensionApprovals);
      return decided(
        await ctx.task('applyAcceptance', {
          candidates: ctx.enterprise(),
          due: { atMs: dueForTask(Date.now(), state.deadline!, clock) },
          overdue: { action: 'wait' },
        }),
      );
    });
    if (state.pendingExtension) {
      state.pendingExtension = null;
      await ctx.record(texts.extensionWithdrawn());
    }
    await ctx.record(
      texts.acceptanceApplied(ctx.enterpriseLabel(applied.actor), applied.attachments.length),
      applied.actor,
      {
        attachments: applied.attachments,
        comment: applied.comment,
      },
    );
    state.stage = 'acceptance_review';
  };

  const progressReports = async () => {
    for (;;) {
      const start = markNow(Date.now());
      const end = markAfter(start, rules.progressReportEvery, clock);
      const n = (state.visits.progressReport ?? 0) + 1;
      const r = await ctx.task('progressReport', {
        candidates: ctx.enterprise(),
        due: { atMs: end.atMs },
        completion: rules.progressReportEvery,
        remindAt: [0.8],
        overdue: { escalateTo: ctx.townOfficials(), action: 'return' },
      });
      if (r.kind === 'decided') {
        await ctx.record(texts.progressReported(ctx.enterpriseLabel(r.actor), n, r.comment), r.actor, {
          attachments: r.attachments,
          ...r.data,
        });
        const rest = msUntil(Date.now(), end);
        if (rest > 0) await condition(() => false, rest);
      } else {
        await ctx.record(texts.progressMissed(enterprise, n));
      }
    }
  };

  /** Marks the hazard overdue at the deadline and climbs the ladder until the stage ends. */
  const deadlineWatch = async (group: TaskGroup) => {
    for (;;) {
      const version = state.deadlineVersion;
      const moved = () => state.deadlineVersion !== version;
      const deadline = state.deadline!;
      if (Date.now() < deadline.fireMs) {
        if (state.overdue) {
          state.overdue = false;
          await publish();
        }
        if (await waitUnless(moved, deadline)) continue;
      }
      if (!state.overdue) {
        state.overdue = true;
        await ctx.record(texts.overdue(deadline.atMs));
        await publish();
      }
      const next = nextRung(rules.escalationLadder, state.ladder, deadline, clock);
      if (!next) {
        await condition(moved);
        continue;
      }
      if (await waitUnless(moved, next.mark)) continue;
      state.ladder = climbed(state.ladder, next);
      state.climbed.push(next.rung);
      await climb(next, group);
    }
  };

  const climb = async (rung: ScheduledRung, group: TaskGroup) => {
    const step = RUNG_STEPS[rung.rung];
    if (step === null) {
      await ctx.record(texts.escalation(rung.rung, (await ctx.authorityOrTown('listing')).name), null, {
        rung: rung.rung,
      });
      if (!listingOpen(state.listing))
        await startListing(null, `隐患逾期未整改，按升级督办规则提请挂牌督办（第${rung.index + 1}级）`);
      return;
    }
    const unit = rung.rung === 'letter' ? null : await ctx.authorityOrTown('listing');
    const unitName = unit?.name ?? (await ctx.unitName(input.townCode)) ?? input.townCode;
    const candidates: typeof officials = unit
      ? [{ role: 'official', orgUnitCode: unit.code }]
      : ctx.townOfficials();
    await ctx.record(texts.escalation(rung.rung, unitName), null, { rung: rung.rung, candidates });
    // A letter the town does not send goes up to the district; district tasks have no one above here.
    const escalateTo = unit ? [] : await ctx.districtOfficials();
    group.spawn(async () => {
      const r = await ctx.task(step, {
        candidates,
        due: rules.planReview,
        completion: rules.planReview,
        remindAt: [0.5],
        overdue: { escalateTo, action: 'wait' },
        formData: { rung: rung.rung, deadlineAt: new Date(state.deadline!.atMs).toISOString() },
      });
      const d = decided(r);
      await ctx.record(
        texts.escalationDone(rung.rung, await ctx.officialLabel(d.actor), d.comment),
        d.actor,
        {
          rung: rung.rung,
          attachments: d.attachments,
        },
      );
    });
  };

  const extensionApprovals = async () => {
    for (;;) {
      await condition(() => state.pendingExtension !== null);
      const req = state.pendingExtension!;
      const r = decided(
        await ctx.task('approveExtension', {
          taskKey: req.taskKey,
          candidates: officials,
          due: rules.planReview,
          completion: rules.planReview,
          remindAt: [0.5, 0.8],
          overdue: {
            escalateTo: await ctx.districtOfficials(),
            remindEvery: daily,
            maxReminders: 3,
            action: 'wait',
          },
          formData: {
            newDeadlineAt: req.newDeadlineAt,
            reason: req.reason,
            requestedBy: req.requestedBy,
            currentDeadlineAt: new Date(state.deadline!.atMs).toISOString(),
          },
        }),
      );
      // Settle the state first, so a new request is validated against the decided one.
      state.pendingExtension = null;
      if (r.decision === 'approve') {
        // The approver may grant a shorter extension than asked, never one before the current deadline.
        const granted = parseInstant(r.data.newDeadlineAt);
        const newMs =
          granted !== null && granted > state.deadline!.atMs ? granted : parseInstant(req.newDeadlineAt)!;
        const newDeadlineAt = new Date(newMs).toISOString();
        setDeadline(markAt(state.deadline!, newMs, clock));
        state.ladder = afterExtension(state.ladder);
        await CancellationScope.nonCancellable(() =>
          hazards.extendDeadline({
            hazardId: input.hazardId,
            newDeadlineAt,
            eventKey: ctx.eventKey('extension.apply'),
          }),
        );
        await ctx.record(
          texts.extensionApproved(await ctx.officialLabel(r.actor), newMs, r.comment),
          r.actor,
          { newDeadlineAt, taskKey: req.taskKey },
        );
        await publish();
      } else {
        await ctx.record(texts.extensionRejected(await ctx.officialLabel(r.actor), r.comment), r.actor, {
          taskKey: req.taskKey,
        });
      }
    }
  };

  const acceptanceReview = async () => {
    await publish();
    const r = decided(
      await ctx.task('reviewAcceptance', {
        candidates: officials,
        due: rules.acceptanceReview,
        completion: rules.acceptanceReview,
        remindAt: [0.5, 0.8],
        overdue: {
          escalateTo: await ctx.districtOfficials(),
          remindEvery: daily,
          maxReminders: 10,
          action: 'wait',
        },
      }),
    );
    const actor = await ctx.officialLabel(r.actor);
    if (r.decision === 'pass') {
      await ctx.record(texts.acceptancePassed(actor, r.comment), r.actor, { attachments: r.attachments });
      state.overdue = false;
      state.stage = listingOpen(state.listing) ? 'awaiting_delisting' : 'closeout_review';
      if (state.stage === 'awaiting_delisting') await ctx.record(texts.awaitingDelisting());
      return;
    }
    await ctx.record(texts.acceptanceFailed(actor, r.comment), r.actor, { attachments: r.attachments });
    backToRectifying();
  };

  const backToRectifying = () => {
    state.stage = 'rectifying';
    state.ladder = resumeLadder(state.ladder, state.deadline!, Date.now());
  };

  const awaitingDelisting = async () => {
    await publish();
    await condition(() => !listingOpen(state.listing));
    state.stage = 'closeout_review';
  };

  const closeOutReview = async () => {
    await publish();
    const authority = await ctx.authorityOrTown('closeOut');
    const r = decided(
      await ctx.task('approveCloseOut', {
        candidates: [{ role: 'official', orgUnitCode: authority.code }],
        due: rules.closeOutReview,
        completion: rules.closeOutReview,
        remindAt: [0.5, 0.8],
        overdue: { remindEvery: daily, maxReminders: 5, action: 'wait' },
        formData: { authority },
      }),
    );
    const actor = await ctx.officialLabel(r.actor);
    if (r.decision === 'approve') {
      // The 销号 record (CloseoutEventData) keeps the signing authority and its opinion.
      await ctx.record(texts.closeOutApproved(actor), r.actor, {
        attachments: r.attachments,
        comment: r.comment,
        authority,
      });
      state.stage = 'closed';
      await publish();
      return;
    }
    await ctx.record(texts.closeOutRejected(actor, r.comment), r.actor);
    backToRectifying();
  };

  // ── general hazard stages ───────────────────────────────────────────────────────────────────
  const generalFixing = async () => {
    await publish();
    const r = decided(
      await ctx.task('fixGeneral', {
        candidates: ctx.enterprise(),
        due: rules.generalFixDefault,
        completion: rules.generalFixDefault,
        remindAt: [0.5, 0.8],
        overdue: { escalateTo: ctx.townOfficials(), remindEvery: daily, maxReminders: 3, action: 'wait' },
      }),
    );
    const actor = ctx.enterpriseLabel(r.actor);
    if (r.decision === 'fixedNow') {
      await ctx.record(texts.generalFixedNow(actor), r.actor, { attachments: r.attachments });
      state.stage = 'general_verifying';
      return;
    }
    const now = Date.now();
    const asked = parseInstant(r.data.deadline);
    const deadlineMs = asked !== null && asked > now ? asked : deadlineAfter(now, rules.generalFixDefault);
    setDeadline(markAt(markNow(now), deadlineMs, clock));
    state.overdue = false;
    await ctx.record(texts.generalFixByDeadline(actor, deadlineMs), r.actor, {
      deadlineAt: new Date(deadlineMs).toISOString(),
    });
    state.stage = 'general_rectifying';
  };

  const generalRectifying = async () => {
    await publish();
    const r = await inStage(async (group) => {
      group.spawn(async () => {
        const deadline = state.deadline!;
        if (Date.now() < deadline.fireMs) await condition(() => false, msUntil(Date.now(), deadline));
        state.overdue = true;
        await ctx.record(texts.generalOverdue(deadline.atMs));
        await publish();
      });
      return decided(
        await ctx.task('reportGeneralFix', {
          candidates: ctx.enterprise(),
          due: { atMs: dueForTask(Date.now(), state.deadline!, clock) },
          remindAt: [0.8],
          overdue: { escalateTo: ctx.townOfficials(), remindEvery: daily, maxReminders: 3, action: 'wait' },
        }),
      );
    });
    await ctx.record(texts.generalReported(ctx.enterpriseLabel(r.actor)), r.actor, {
      attachments: r.attachments,
    });
    state.overdue = false;
    state.stage = 'general_verifying';
  };

  const generalVerifying = async () => {
    await publish();
    const r = decided(
      await ctx.task('verifyGeneral', {
        candidates: ctx.townOfficials(),
        due: rules.acceptanceReview,
        completion: rules.acceptanceReview,
        remindAt: [0.5, 0.8],
        overdue: {
          escalateTo: await ctx.districtOfficials(),
          remindEvery: daily,
          maxReminders: 3,
          action: 'wait',
        },
      }),
    );
    const actor = await ctx.officialLabel(r.actor);
    if (r.decision === 'pass') {
      await ctx.record(texts.generalVerified(actor), r.actor, { attachments: r.attachments });
      state.stage = 'closed';
      await publish();
      return;
    }
    await ctx.record(texts.generalFailed(actor, r.comment), r.actor);
    state.deadline = null;
    state.stage = 'general_fixing';
  };

  // ── run ─────────────────────────────────────────────────────────────────────────────────────
  void watchListing().catch(() => undefined);
  if (!carried) {
    if (input.grade === 'major') await ctx.record(texts.planRequested(enterprise));
    await publish();
  }

  for (;;) {
    switch (state.stage) {
      case 'planning':
        await planning();
        break;
      case 'plan_review':
        await planReview();
        break;
      case 'rectifying':
        await rectifying();
        break;
      case 'acceptance_review':
        await acceptanceReview();
        break;
      case 'awaiting_delisting':
        await awaitingDelisting();
        break;
      case 'closeout_review':
        await closeOutReview();
        break;
      case 'general_fixing':
        await generalFixing();
        break;
      case 'general_rectifying':
        await generalRectifying();
        break;
      case 'general_verifying':
        await generalVerifying();
        break;
      case 'closed':
        await publishing;
        await condition(allHandlersFinished);
        await settleBookkeeping();
        return { hazardId: input.hazardId, status: 'closed', closedAt: new Date().toISOString() };
    }
    // A safe point: between stages no human task is open in this run (not worth it once closed).
    if (!isClosed(state) && workflowInfo().continueAsNewSuggested) {
      if (rt.listingStarting) await rt.listingStarting;
      await publishing;
      await condition(allHandlersFinished);
      await settleBookkeeping();
      await continueAsNew<typeof majorHazardRectification>(input, { state });
    }
  }
}

/** A call, not a comparison, so the compiler does not narrow the stage across the stage functions. */
const isClosed = (s: RectificationState) => s.stage === 'closed';

/** Waits until `mark` fires; true if `changed` became true first. */
async function waitUnless(changed: () => boolean, mark: Mark): Promise<boolean> {
  const ms = msUntil(Date.now(), mark);
  if (ms <= 0) return changed();
  return condition(changed, ms);
}
