import {
  publicTipStatus,
  PUBLIC_TIP_STATUS_LABELS,
  type PublicTipStatusDto,
  type RewardComputation,
  type RewardDto,
  type RewardStatus,
  type TipActor,
  type TipDto,
  type TipEventDto,
  type TipFollowUpRef,
} from '@zhiben/contracts';
import type { TipEntity, TipEventEntity } from './entities';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the read model is loosely typed jsonb
type Read = Record<string, any>;
const iso = (v: unknown): string | null =>
  typeof v === 'string' ? v : v instanceof Date ? v.toISOString() : null;

export function toRewardDto(t: TipEntity): RewardDto | null {
  const r = t.reward as Read | null;
  if (!r) return null;
  const computation = (r['computation'] as RewardComputation | undefined) ?? null;
  return {
    tipId: t.id,
    tipRef: t.ref,
    status: r['status'] as RewardStatus,
    computation,
    amountYuan: computation ? computation.amountYuan : null,
    anonymous: t.anonymous,
    approvedBy: (r['approvedBy'] as TipActor | undefined) ?? null,
    approvedAt: iso(r['approvedAt']),
    rejectionReason: (r['rejectionReason'] as string | undefined) ?? null,
    claimWindowEndsAt: iso(r['claimWindowEndsAt']),
    claimedAt: iso(r['claimedAt']),
    paymentDueAt: iso(r['paymentDueAt']),
    paidAt: iso(r['paidAt']),
    voucherNo: (r['voucherNo'] as string | undefined) ?? null,
    rulesVersion: computation?.rulesVersion ?? t.rulesVersion,
    jurisdiction: computation?.jurisdiction ?? 'national',
  };
}

/** A tip as officials see it: the pseudonymous reporter id only, never an identity. */
export function toTipDto(t: TipEntity): TipDto {
  const r = t.read as Read;
  const v = (r['verification'] as Read | undefined) ?? null;
  return {
    id: t.id,
    ref: t.ref,
    kind: t.kind,
    status: t.status,
    channel: t.channel,
    reporterId: t.reporterId,
    anonymous: t.anonymous,
    receivedAt: t.receivedAt.toISOString(),
    receivingUnit: { code: t.receivingUnitCode, name: t.receivingUnitName },
    town: t.townCode ? { code: t.townCode, name: t.townCode } : null,
    enterprise:
      t.enterpriseCreditCode || t.enterpriseName
        ? { creditCode: t.enterpriseCreditCode, name: t.enterpriseName }
        : null,
    location: t.location,
    description: t.description,
    photos: t.photos,
    acceptance: (r['acceptance'] as TipDto['acceptance']) ?? null,
    acceptanceDueAt: iso(r['acceptanceDueAt']),
    verification: r['verificationDueAt']
      ? {
          dueAt: String(r['verificationDueAt']),
          extension: (r['extension'] as NonNullable<TipDto['verification']>['extension'] | undefined) ?? null,
          overdue: r['verificationOverdue'] === true,
          outcome: (r['outcome'] as 'substantiated' | 'unsubstantiated' | undefined) ?? null,
          verifiedAt: iso(r['verifiedAt']),
          summary: (v?.['summary'] as string | undefined) ?? null,
          firstReporter: (v?.['firstReporter'] as boolean | undefined) ?? null,
          duplicateOfTipId: (v?.['duplicateOfTipId'] as string | undefined) ?? null,
        }
      : null,
    followUp: (r['followUp'] as TipFollowUpRef | undefined) ?? null,
    feedback: r['feedbackDueAt']
      ? {
          dueAt: String(r['feedbackDueAt']),
          sentAt: iso(r['feedbackSentAt']),
          overdue: r['feedbackOverdue'] === true,
          messageZh: (r['feedbackMessageZh'] as string | undefined) ?? null,
        }
      : null,
    disputes: t.disputes,
    reward: toRewardDto(t),
    closedAt: t.closedAt?.toISOString() ?? null,
    rulesVersion: t.rulesVersion,
    workflow: { id: t.workflowId, started: t.workflowStartedAt !== null },
    version: t.version,
  };
}

/** The enterprise never receives tips; this is the list shape for the handlers' queue. */
export function toQueueItem(t: TipEntity) {
  const r = t.read as Read;
  const dto = toTipDto(t);
  const { description: _d, photos: _p, ...rest } = dto;
  return {
    ...rest,
    clocks: {
      acceptanceDueAt: iso(r['acceptanceDueAt']),
      verificationDueAt: iso(r['verificationDueAt']),
      feedbackDueAt: iso(r['feedbackDueAt']),
      claimWindowEndsAt: dto.reward?.claimWindowEndsAt ?? null,
      paymentDueAt: dto.reward?.paymentDueAt ?? null,
    },
  };
}

export function toEventDto(e: TipEventEntity): TipEventDto {
  return {
    id: e.id,
    at: e.occurredAt.toISOString(),
    type: e.type,
    summaryZh: e.summaryZh,
    summaryEn: e.summaryEn,
    actor: e.actorUsername ? { username: e.actorUsername, name: e.actorName ?? e.actorUsername } : null,
    data: e.data,
  };
}

export function toPublicStatus(t: TipEntity, now = new Date()): PublicTipStatusDto {
  const status = publicTipStatus(t.status);
  const reward = toRewardDto(t);
  const disputeUntil = iso((t.read as Read)['disputeUntil']);
  return {
    ref: t.ref,
    kind: t.kind,
    status,
    statusLabel: PUBLIC_TIP_STATUS_LABELS[status],
    receivedAt: t.receivedAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
    messages: t.messages,
    reward: reward
      ? {
          status: reward.status,
          amountYuan: reward.amountYuan,
          claimWindowEndsAt: reward.claimWindowEndsAt,
          canClaim: reward.status === 'approved',
        }
      : null,
    dispute: {
      canDispute:
        t.status === 'unfounded' && disputeUntil !== null && Date.parse(disputeUntil) > now.getTime(),
      until: disputeUntil,
    },
  };
}
