import {
  CancellationScope,
  allHandlersFinished,
  condition,
  continueAsNew,
  getExternalWorkflowHandle,
  isCancellation,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import { hazardWorkflowId, type ListedSupervisionInput } from '@zhiben/contracts/workflow';
import { deadlineAfter, installHumanTasks, settleBookkeeping } from '@zhiben/workflows-shared';
import { hazards } from './activities';
import { CaseContext, decided } from './case-context';
import {
  listingStateQuery,
  listingStatusSignal,
  type ListingOutcome,
  type ListingStatus,
  type ListingStateView,
} from './hazard.messages';
import { DEFAULT_NOTICE_PERIOD, initialListingState, type ListingState } from './listing-state';
import { dueForTask, markAfter, markAt, markNow, msUntil, parseInstant } from './schedule';
import { inStage } from './task-group';
import { texts } from './timeline-texts';

/** The parent passes what the timeline texts need beyond the contract's input. */
export type ListedSupervisionArgs = ListedSupervisionInput & { enterpriseName?: string };

export interface ListingCarry {
  state: ListingState;
}

/**
 * 挂牌督办 of one major hazard (P-03, B5): the listing authority (from org data) approves, issues the
 * supervision notice with a deadline, follows periodic progress, reviews on site within
 * `rules.delistingReview` of the enterprise's application, and approves 摘牌销号 with a public
 * announcement. Returns the outcome to the hazard's workflow and signals it every status change.
 */
export async function listedSupervision(
  input: ListedSupervisionArgs,
  carried?: ListingCarry,
): Promise<ListingOutcome> {
  installHumanTasks();
  const { workflowId } = workflowInfo();
  const { rules, clock } = input;
  const state: ListingState = carried?.state ?? initialListingState();
  const enterpriseName = input.enterpriseName ?? '企业';
  const ctx = new CaseContext(
    {
      workflowId,
      hazardId: input.hazardId,
      caseRef: input.caseRef,
      caseKind: 'listing',
      titleZh: input.titleZh,
      enterpriseCreditCode: input.enterpriseCreditCode,
      enterpriseName,
      townCode: input.townCode,
      departmentCode: null,
      clock,
    },
    state,
  );

  setHandler(listingStateQuery, (): ListingStateView => ({
    listingId: input.listingId,
    hazardId: input.hazardId,
    status: state.status,
    noticeDeadlineAt: state.noticeDeadline ? new Date(state.noticeDeadline.atMs).toISOString() : null,
    authority: state.authorities.listing ?? null,
    openTasks: ctx.openTaskViews(),
    history: [...state.history],
  }));

  /** Ledger status of the listing, and the hazard's workflow told (it owns the hazard status). */
  const setStatus = async (status: ListingStatus) => {
    state.status = status;
    const noticeDeadlineAt = state.noticeDeadline ? new Date(state.noticeDeadline.atMs).toISOString() : null;
    await CancellationScope.nonCancellable(async () => {
      await hazards.setListingStatus({
        listingId: input.listingId,
        status,
        eventKey: ctx.eventKey(`listing.status.${status}`),
        noticeDeadlineAt,
      });
      // What this listing recorded reaches the ledger before the hazard's workflow hears of the change.
      await settleBookkeeping();
      try {
        await getExternalWorkflowHandle(hazardWorkflowId(input.hazardId)).signal(listingStatusSignal, {
          listingId: input.listingId,
          hazardId: input.hazardId,
          status,
          at: new Date().toISOString(),
          noticeDeadlineAt,
        });
      } catch (err) {
        // A listing without a running hazard workflow (closed, or started by hand) has no one to tell.
        if (isCancellation(err)) throw err;
      }
    });
  };

  const setNoticeDeadline = (asked: unknown) => {
    const now = Date.now();
    const askedMs = parseInstant(asked);
    const ms = askedMs !== null && askedMs > now ? askedMs : deadlineAfter(now, DEFAULT_NOTICE_PERIOD);
    state.noticeDeadline = markAt(markNow(now), ms, clock);
    return ms;
  };

  const authority = await ctx.authorityOrTown('listing');
  const authorityOfficials = [{ role: 'official' as const, orgUnitCode: authority.code }];
  const daily = { amount: 1, unit: 'naturalDays' } as const;

  const approval = async () => {
    await setStatus('proposed');
    const r = decided(
      await ctx.task('approveListing', {
        candidates: authorityOfficials,
        due: rules.planReview,
        completion: rules.planReview,
        remindAt: [0.5, 0.8],
        overdue: { remindEvery: daily, maxReminders: 5, action: 'wait' },
        formData: { proposedBy: input.proposedBy, reason: input.reason, hazardId: input.hazardId },
      }),
    );
    const actor = await ctx.officialLabel(r.actor);
    if (r.decision !== 'approve') {
      await ctx.record(texts.listingRejected(actor, r.comment), r.actor, { listingId: input.listingId });
      state.outcome = 'rejected';
      await setStatus('rejected');
      state.stage = 'done';
      return;
    }
    const deadlineMs = setNoticeDeadline(r.data.noticeDeadlineAt);
    await ctx.record(texts.listingNotice(actor, deadlineMs), r.actor, {
      listingId: input.listingId,
      noticeDeadlineAt: new Date(deadlineMs).toISOString(),
      attachments: r.attachments,
      authority, // the ledger's listing record names who listed it (ListingNoticeEventData)
    });
    await setStatus('listed');
    state.stage = 'supervising';
  };

  /** Until the enterprise applies for delisting: progress reports and the notice deadline beside it. */
  const supervising = async () => {
    const applied = await inStage(async (group) => {
      group.spawn(async () => {
        for (;;) {
          const end = markAfter(markNow(Date.now()), rules.progressReportEvery, clock);
          const n = (state.visits.listingProgress ?? 0) + 1;
          const r = await ctx.task('listingProgress', {
            candidates: ctx.enterprise(),
            due: { atMs: end.atMs },
            completion: rules.progressReportEvery,
            remindAt: [0.8],
            overdue: { escalateTo: authorityOfficials, action: 'return' },
          });
          if (r.kind === 'decided') {
            await ctx.record(texts.listingProgress(ctx.enterpriseLabel(r.actor), n, r.comment), r.actor, {
              attachments: r.attachments,
              ...r.data,
            });
            const rest = msUntil(Date.now(), end);
            if (rest > 0) await condition(() => false, rest);
          } else {
            await ctx.record(texts.listingProgressMissed(enterpriseName, n));
          }
        }
      });
      group.spawn(async () => {
        const deadline = state.noticeDeadline!;
        const rest = msUntil(Date.now(), deadline);
        if (rest > 0) await condition(() => false, rest);
        if (state.status !== 'overdue') {
          await ctx.record(texts.listingOverdue(deadline.atMs));
          await setStatus('overdue');
        }
      });
      return decided(
        await ctx.task('applyDelisting', {
          candidates: ctx.enterprise(),
          due: { atMs: dueForTask(Date.now(), state.noticeDeadline!, clock) },
          remindAt: [0.8],
          // Late: 督办 reminders to the authority until the enterprise applies.
          overdue: {
            escalateTo: authorityOfficials,
            remindEvery: rules.progressReportEvery,
            maxReminders: 10,
            action: 'wait',
          },
        }),
      );
    });
    await ctx.record(
      texts.delistingApplied(ctx.enterpriseLabel(applied.actor), applied.attachments.length),
      applied.actor,
      {
        attachments: applied.attachments,
        comment: applied.comment,
      },
    );
    await setStatus('rectification_claimed');
    state.stage = 'review';
  };

  /** 现场核查 within rules.delistingReview (10 days) of the application. */
  const review = async () => {
    await setStatus('verification');
    const r = decided(
      await ctx.task('delistingReview', {
        candidates: authorityOfficials,
        due: rules.delistingReview,
        completion: rules.delistingReview,
        remindAt: [0.5, 0.8],
        overdue: { remindEvery: daily, maxReminders: 10, action: 'wait' },
      }),
    );
    const actor = await ctx.officialLabel(r.actor);
    if (r.decision === 'pass') {
      await ctx.record(texts.delistingReviewPassed(actor, r.comment), r.actor, {
        attachments: r.attachments,
      });
      await setStatus('delisting_review');
      state.stage = 'delisting_approval';
      return;
    }
    const deadlineMs = setNoticeDeadline(r.data.newDeadlineAt);
    await ctx.record(texts.delistingReviewFailed(actor, r.comment, deadlineMs), r.actor, {
      noticeDeadlineAt: new Date(deadlineMs).toISOString(),
      attachments: r.attachments,
    });
    await setStatus('listed');
    state.stage = 'supervising';
  };

  const delistingApproval = async () => {
    const r = decided(
      await ctx.task('approveDelisting', {
        candidates: authorityOfficials,
        due: rules.closeOutReview,
        completion: rules.closeOutReview,
        remindAt: [0.5, 0.8],
        overdue: { remindEvery: daily, maxReminders: 5, action: 'wait' },
      }),
    );
    const actor = await ctx.officialLabel(r.actor);
    if (r.decision === 'approve') {
      await ctx.record(texts.delisted(actor), r.actor, { listingId: input.listingId });
      await ctx.record(texts.delistingAnnounced(input.titleZh, input.caseRef, authority.name), null, {
        listingId: input.listingId,
        announcement: true,
      });
      state.outcome = 'delisted';
      await setStatus('delisted');
      state.stage = 'done';
      return;
    }
    await ctx.record(texts.delistingRejected(actor, r.comment), r.actor);
    await setStatus(Date.now() < state.noticeDeadline!.fireMs ? 'listed' : 'overdue');
    state.stage = 'supervising';
  };

  for (;;) {
    switch (state.stage) {
      case 'approval':
        await approval();
        break;
      case 'supervising':
        await supervising();
        break;
      case 'review':
        await review();
        break;
      case 'delisting_approval':
        await delistingApproval();
        break;
      case 'done':
        await condition(allHandlersFinished);
        await settleBookkeeping();
        return {
          listingId: input.listingId,
          hazardId: input.hazardId,
          outcome: state.outcome ?? 'rejected',
          at: new Date().toISOString(),
        };
    }
    // A safe point: between stages no human task is open in this run.
    if (!isDone(state) && workflowInfo().continueAsNewSuggested) {
      await condition(allHandlersFinished);
      await settleBookkeeping();
      await continueAsNew<typeof listedSupervision>(input, { state });
    }
  }
}

/** A call, not a comparison, so the compiler does not narrow the stage across the stage functions. */
const isDone = (s: ListingState) => s.stage === 'done';
