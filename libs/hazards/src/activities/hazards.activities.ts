import { ApplicationFailure } from '@temporalio/common';
import { endOfDay, toCivilDate } from '@zhiben/calendar';
import {
  HAZARD_EVENT_TYPES,
  HAZARD_STATUS_LABELS,
  HAZARD_STATUSES,
  LISTING_STATUS_LABELS,
  LISTING_STATUSES,
  type AcceptanceReviewEventData,
  type CloseoutEventData,
  type DualReportEventData,
  type ExtensionDecisionEventData,
  type HazardEventInput,
  type HazardsPort,
  type HazardStatus,
  type ListingAnnouncedEventData,
  type ListingDelistingEvidenceEventData,
  type ListingNoticeEventData,
  type ListingStatus,
  type PlanReturnedEventData,
  type ResponsiblesNotifiedEventData,
  type SupervisionAssignedEventData,
} from '@zhiben/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import {
  AcceptanceApplicationEntity,
  AcceptanceReviewEntity,
  CloseoutEntity,
  DualReportEntity,
  ExtensionRequestEntity,
  HazardEntity,
  ListingEntity,
  RectificationPlanEntity,
} from '../entities';
import { appendEvent } from '../hazards/ledger-events';

type Authority = { code: string; name: string } | null | undefined;

/**
 * Events the ledger writes for its own activities (the idempotency record of a change). The workflow
 * records the readable line for the same step, so these are hidden from the default timeline.
 */
export const LEDGER_EVENT_TYPES = {
  planApproved: 'ledger.planApproved',
  deadlineExtended: 'ledger.deadlineExtended',
  listingCreated: 'ledger.listingCreated',
  listingStatus: 'ledger.listingStatus',
} as const;
export const LEDGER_EVENT_PREFIX = 'ledger.';

const notFound = (what: string, id: string) =>
  ApplicationFailure.nonRetryable(`${what} ${id} not found`, `${what.replace(/\s/g, '')}NotFound`);

async function lockHazard(m: EntityManager, hazardId: string): Promise<HazardEntity> {
  const hazard = await m
    .getRepository(HazardEntity)
    .findOne({ where: { id: hazardId }, lock: { mode: 'pessimistic_write' } });
  if (!hazard) throw notFound('Hazard', hazardId);
  return hazard;
}

function str(v: unknown): string | null {
  return typeof v === 'string' && v.length > 0 ? v : null;
}

/**
 * Applies a recorded event to the ledger's tables (the types documented in HAZARD_EVENT_TYPES). Runs in
 * the event's transaction and only when the event was new, so a retried activity changes nothing twice.
 */
async function project(m: EntityManager, hazard: HazardEntity, e: HazardEventInput): Promise<void> {
  const data = (e.data ?? {}) as Record<string, unknown>;
  const actor = e.actor ?? null;
  const now = new Date();
  switch (e.type) {
    case HAZARD_EVENT_TYPES.dualReportDiscovery:
    case HAZARD_EVENT_TYPES.dualReportRectification: {
      const d = data as DualReportEventData;
      const recipient =
        d.recipient ??
        (hazard.supervisingDeptCode
          ? {
              code: hazard.supervisingDeptCode,
              name: hazard.supervisingDeptName ?? hazard.supervisingDeptCode,
            }
          : { code: hazard.townCode, name: hazard.townName });
      await m
        .createQueryBuilder()
        .insert()
        .into(DualReportEntity)
        .values({
          hazardId: hazard.id,
          kind: e.type === HAZARD_EVENT_TYPES.dualReportDiscovery ? 'discovery' : 'rectification',
          reportedAt: str(d.reportedAt) ? new Date(d.reportedAt!) : now,
          reportedBy: actor?.username ?? null,
          reportedByName: actor?.name ?? null,
          recipientCode: recipient.code,
          recipientName: recipient.name,
          content: str(d.content),
        })
        .orIgnore()
        .execute();
      return;
    }
    case HAZARD_EVENT_TYPES.planReturned: {
      const d = data as unknown as PlanReturnedEventData;
      await m.getRepository(RectificationPlanEntity).update(
        { hazardId: hazard.id, planVersion: Number(d.planVersion) },
        {
          status: 'returned',
          reviewComment: str(d.comment) ?? e.summaryZh,
          reviewedBy: actor?.username ?? null,
          reviewedByName: actor?.name ?? null,
          reviewedAt: now,
        },
      );
      return;
    }
    case HAZARD_EVENT_TYPES.acceptancePassed:
    case HAZARD_EVENT_TYPES.acceptanceFailed: {
      const d = data as unknown as AcceptanceReviewEventData;
      const decision = e.type === HAZARD_EVENT_TYPES.acceptancePassed ? 'passed' : 'failed';
      const application =
        (str(d.applicationId) &&
          (await m
            .getRepository(AcceptanceApplicationEntity)
            .findOneBy({ id: d.applicationId, hazardId: hazard.id }))) ||
        (await m.getRepository(AcceptanceApplicationEntity).findOne({
          where: { hazardId: hazard.id },
          order: { seq: 'DESC' },
        }));
      await m.getRepository(AcceptanceReviewEntity).insert({
        hazardId: hazard.id,
        applicationId: application?.id ?? null,
        decision,
        comment: str(d.comment) ?? e.summaryZh,
        reviewedBy: actor?.username ?? null,
        reviewedByName: actor?.name ?? null,
        reviewedAt: now,
        eventKey: e.eventKey,
      });
      if (application)
        await m.getRepository(AcceptanceApplicationEntity).update(application.id, { status: decision });
      return;
    }
    case HAZARD_EVENT_TYPES.closeoutApproved: {
      const d = data as CloseoutEventData;
      await m
        .createQueryBuilder()
        .insert()
        .into(CloseoutEntity)
        .values({
          hazardId: hazard.id,
          authorityCode: d.authority?.code ?? null,
          authorityName: d.authority?.name ?? null,
          approvedBy: actor?.username ?? null,
          approvedByName: actor?.name ?? null,
          comment: str(d.comment),
          closedAt: now,
          eventKey: e.eventKey,
        })
        .orIgnore()
        .execute();
      if (!hazard.closedAt) await m.getRepository(HazardEntity).update(hazard.id, { closedAt: now });
      return;
    }
    case HAZARD_EVENT_TYPES.extensionRejected: {
      const d = data as ExtensionDecisionEventData;
      const pending = await pendingExtension(m, hazard.id, str(d.extensionId));
      if (pending) {
        await m.getRepository(ExtensionRequestEntity).update(pending.id, {
          status: 'rejected',
          decidedBy: actor?.username ?? null,
          decidedByName: actor?.name ?? null,
          decidedAt: now,
          decisionComment: str(d.comment) ?? e.summaryZh,
        });
      }
      return;
    }
    case HAZARD_EVENT_TYPES.extensionApproved: {
      // extendDeadline marked the request approved; the decision event says who approved it and why.
      const d = data as ExtensionDecisionEventData;
      const repo = m.getRepository(ExtensionRequestEntity);
      const approved = await repo.findOne({
        where: {
          hazardId: hazard.id,
          status: 'approved',
          ...(str(d.extensionId) ? { id: d.extensionId } : {}),
        },
        order: { requestedAt: 'DESC' },
      });
      if (approved && !approved.decidedBy) {
        await repo.update(approved.id, {
          decidedBy: actor?.username ?? null,
          decidedByName: actor?.name ?? null,
          decisionComment: str(d.comment) ?? e.summaryZh,
        });
      }
      return;
    }
    case HAZARD_EVENT_TYPES.supervisionAssigned: {
      const d = data as unknown as SupervisionAssignedEventData;
      await m.getRepository(HazardEntity).update(hazard.id, {
        supervisingDeptCode: d.department?.code ?? null,
        supervisingDeptName: d.department?.name ?? null,
      });
      return;
    }
    case HAZARD_EVENT_TYPES.responsiblesNotified: {
      const d = data as ResponsiblesNotifiedEventData;
      const patch = {
        ...(d.principal && !hazard.principalNotifiedAt ? { principalNotifiedAt: now } : {}),
        ...(d.actualController && !hazard.actualControllerNotifiedAt
          ? { actualControllerNotifiedAt: now }
          : {}),
      };
      if (Object.keys(patch).length > 0) await m.getRepository(HazardEntity).update(hazard.id, patch);
      return;
    }
    case HAZARD_EVENT_TYPES.listingNotice: {
      const d = data as ListingNoticeEventData;
      const listing = await listingOf(m, hazard.id, str(d.listingId));
      if (!listing) return;
      await m.getRepository(ListingEntity).update(listing.id, {
        noticeText: str(d.noticeText) ?? e.summaryZh,
        ...(d.noticeDeadlineAt !== undefined
          ? { noticeDeadlineAt: d.noticeDeadlineAt ? new Date(d.noticeDeadlineAt) : null }
          : {}),
        ...(d.authority ? { authorityCode: d.authority.code, authorityName: d.authority.name } : {}),
      });
      return;
    }
    case HAZARD_EVENT_TYPES.listingAnnounced: {
      const d = data as ListingAnnouncedEventData;
      const listing = await listingOf(m, hazard.id, str(d.listingId));
      if (!listing) return;
      await m.getRepository(ListingEntity).update(listing.id, {
        publicAnnouncementAt: now,
        publicAnnouncementText: str(d.text) ?? e.summaryZh,
      });
      return;
    }
    case HAZARD_EVENT_TYPES.listingDelistingEvidence: {
      const d = data as ListingDelistingEvidenceEventData;
      const listing = await listingOf(m, hazard.id, str(d.listingId));
      if (!listing) return;
      await m.getRepository(ListingEntity).update(listing.id, {
        delistingFileIds: Array.isArray(d.attachments)
          ? d.attachments.filter((f): f is string => typeof f === 'string')
          : [],
        delistingNote: str(d.comment),
      });
      return;
    }
    default:
      return; // timeline only
  }
}

/** The listing an event names, else the hazard's latest listing. */
async function listingOf(m: EntityManager, hazardId: string, listingId: string | null) {
  const repo = m.getRepository(ListingEntity);
  if (listingId) return repo.findOneBy({ id: listingId, hazardId });
  return repo.findOne({ where: { hazardId }, order: { createdAt: 'DESC' } });
}

async function pendingExtension(m: EntityManager, hazardId: string, extensionId: string | null) {
  const repo = m.getRepository(ExtensionRequestEntity);
  if (extensionId) return repo.findOneBy({ id: extensionId, hazardId, status: 'pending' });
  return repo.findOne({ where: { hazardId, status: 'pending' }, order: { requestedAt: 'DESC' } });
}

/** HazardsPort plus two optional fields the port may grow (listing authority). */
export interface HazardsActivities extends HazardsPort {
  createListing(input: {
    hazardId: string;
    proposedBy: string;
    reason: string;
    eventKey: string;
    authority?: Authority;
  }): Promise<{ listingId: string }>;
  setListingStatus(input: {
    listingId: string;
    status: string;
    eventKey: string;
    noticeDeadlineAt?: string | null;
    authority?: Authority;
  }): Promise<void>;
}

/**
 * Activities hosted on TASK_QUEUES.hazards. Each is idempotent by `eventKey`: the event insert and the
 * change it carries commit together, and a retry finds the key taken and changes nothing.
 */
export function createHazardsActivities(ds: DataSource): HazardsActivities {
  return {
    async recordHazardEvent(input) {
      await ds.transaction(async (m) => {
        const hazard = await lockHazard(m, input.hazardId);
        if (await appendEvent(m, input)) await project(m, hazard, input);
      });
    },

    async setHazardStatus({ hazardId, status, eventKey, deadlineAt }) {
      if (!(HAZARD_STATUSES as readonly string[]).includes(status)) {
        throw ApplicationFailure.nonRetryable(
          `Unknown hazard status ${String(status)}`,
          'InvalidHazardStatus',
        );
      }
      await ds.transaction(async (m) => {
        const hazard = await lockHazard(m, hazardId);
        const from = HAZARD_STATUS_LABELS[hazard.status];
        const to = HAZARD_STATUS_LABELS[status];
        const deadline = deadlineAt ? new Date(deadlineAt) : null;
        const inserted = await appendEvent(m, {
          hazardId,
          eventKey,
          type: HAZARD_EVENT_TYPES.statusChanged,
          summaryZh: `状态由「${from.zh}」变为「${to.zh}」${deadline ? `，整改期限 ${toCivilDate(deadline)}` : ''}`,
          summaryEn: `Status changed from ${from.en} to ${to.en}${deadline ? `; deadline ${toCivilDate(deadline)}` : ''}`,
          data: { from: hazard.status, to: status, ...(deadlineAt !== undefined ? { deadlineAt } : {}) },
        });
        if (!inserted) return;
        await m.getRepository(HazardEntity).update(hazardId, {
          status: status as HazardStatus,
          ...(deadlineAt !== undefined ? { rectificationDeadline: deadline } : {}),
          ...(status === 'closed' && !hazard.closedAt ? { closedAt: new Date() } : {}),
        });
      });
    },

    async approvePlan({ hazardId, planVersion, eventKey }) {
      return ds.transaction(async (m) => {
        const hazard = await lockHazard(m, hazardId);
        const plan = await m.getRepository(RectificationPlanEntity).findOneBy({ hazardId, planVersion });
        if (!plan) throw notFound('Plan', `${hazardId} v${planVersion}`);
        const deadline = endOfDay(plan.deadline);
        const inserted = await appendEvent(m, {
          hazardId,
          eventKey,
          type: LEDGER_EVENT_TYPES.planApproved,
          summaryZh: `整改方案第 ${planVersion} 版获批准，整改期限 ${plan.deadline}`,
          summaryEn: `Rectification plan v${planVersion} approved; deadline ${plan.deadline}`,
          data: { planVersion, deadlineAt: deadline.toISOString() },
        });
        if (inserted) {
          await m
            .createQueryBuilder()
            .update(RectificationPlanEntity)
            .set({ status: 'superseded' })
            .where(`hazard_id = :hazardId AND status = 'submitted' AND plan_version <> :planVersion`, {
              hazardId,
              planVersion,
            })
            .execute();
          await m
            .getRepository(RectificationPlanEntity)
            .update(plan.id, { status: 'approved', reviewedAt: new Date() });
          await m.getRepository(HazardEntity).update(hazard.id, { rectificationDeadline: deadline });
        }
        return { deadlineAt: deadline.toISOString() };
      });
    },

    async extendDeadline({ hazardId, newDeadlineAt, eventKey }) {
      const deadline = new Date(newDeadlineAt);
      if (Number.isNaN(deadline.getTime())) {
        throw ApplicationFailure.nonRetryable(`Bad deadline ${newDeadlineAt}`, 'InvalidDeadline');
      }
      await ds.transaction(async (m) => {
        const hazard = await lockHazard(m, hazardId);
        const inserted = await appendEvent(m, {
          hazardId,
          eventKey,
          type: LEDGER_EVENT_TYPES.deadlineExtended,
          summaryZh: `延期申请获批准，整改期限延至 ${toCivilDate(deadline)}`,
          summaryEn: `Extension approved; deadline moved to ${toCivilDate(deadline)}`,
          data: { previousDeadlineAt: hazard.rectificationDeadline?.toISOString() ?? null, newDeadlineAt },
        });
        if (!inserted) return;
        await m.getRepository(HazardEntity).update(hazardId, { rectificationDeadline: deadline });
        const pending = await pendingExtension(m, hazardId, null);
        if (pending) {
          await m
            .getRepository(ExtensionRequestEntity)
            .update(pending.id, { status: 'approved', decidedAt: new Date() });
        }
      });
    },

    async createListing({ hazardId, proposedBy, reason, eventKey, authority }) {
      return ds.transaction(async (m) => {
        await lockHazard(m, hazardId);
        const existing = await m.getRepository(ListingEntity).findOneBy({ eventKey });
        if (existing) return { listingId: existing.id };
        const listing = await m.getRepository(ListingEntity).save({
          hazardId,
          proposedBy,
          reason,
          status: 'proposed',
          authorityCode: authority?.code ?? null,
          authorityName: authority?.name ?? null,
          eventKey,
        });
        await appendEvent(m, {
          hazardId,
          eventKey: `${eventKey}:listing.created`,
          type: LEDGER_EVENT_TYPES.listingCreated,
          summaryZh: `拟挂牌督办${authority ? `（挂牌单位：${authority.name}）` : ''}，理由：${reason}`,
          summaryEn: `Listed supervision proposed${authority ? ` (authority: ${authority.name})` : ''}: ${reason}`,
          data: { listingId: listing.id, proposedBy },
        });
        return { listingId: listing.id };
      });
    },

    async setListingStatus({ listingId, status, eventKey, noticeDeadlineAt, authority }) {
      if (!(LISTING_STATUSES as readonly string[]).includes(status)) {
        throw ApplicationFailure.nonRetryable(`Unknown listing status ${status}`, 'InvalidListingStatus');
      }
      await ds.transaction(async (m) => {
        const listing = await m.getRepository(ListingEntity).findOne({
          where: { id: listingId },
          lock: { mode: 'pessimistic_write' },
        });
        if (!listing) throw notFound('Listing', listingId);
        const to = LISTING_STATUS_LABELS[status as ListingStatus];
        const deadline = noticeDeadlineAt ? new Date(noticeDeadlineAt) : null;
        const inserted = await appendEvent(m, {
          hazardId: listing.hazardId,
          eventKey,
          type: LEDGER_EVENT_TYPES.listingStatus,
          summaryZh: `挂牌督办：${to.zh}${deadline ? `（督办期限 ${toCivilDate(deadline)}）` : ''}`,
          summaryEn: `Listed supervision: ${to.en}${deadline ? ` (deadline ${toCivilDate(deadline)})` : ''}`,
          data: { listingId, from: listing.status, to: status, noticeDeadlineAt: noticeDeadlineAt ?? null },
        });
        if (!inserted) return;
        await m.getRepository(ListingEntity).update(listingId, {
          status: status as ListingStatus,
          ...(noticeDeadlineAt !== undefined ? { noticeDeadlineAt: deadline } : {}),
          ...(authority ? { authorityCode: authority.code, authorityName: authority.name } : {}),
          ...(status === 'delisted' && !listing.delistedAt ? { delistedAt: new Date() } : {}),
        });
      });
    },
  };
}
