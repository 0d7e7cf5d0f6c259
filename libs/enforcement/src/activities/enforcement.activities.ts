import { ApplicationFailure } from '@temporalio/common';
import {
  ENFORCEMENT_ACTION_KINDS,
  ENFORCEMENT_ACTION_LABELS,
  ENFORCEMENT_CASE_STAGE_LABELS,
  ENFORCEMENT_CASE_STAGES,
  ENFORCEMENT_EVENT_TYPES,
  REFERRAL_DEADLINE_LABELS,
  REFERRAL_STAGE_LABELS,
  REFERRAL_STAGES,
  SUSPECTED_CRIME_LABELS,
  type EnforcementPort,
  type PenaltyParty,
} from '@zhiben/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import {
  EnforcementActionEntity,
  PenaltyCaseEntity,
  ReferralDeadlineEntity,
  ReferralEntity,
} from '../entities';
import { appendEvent } from '../events';
import { insertReferral, referralFromCase } from '../referrals/referral-input';

const notFound = (what: string, id: string) =>
  ApplicationFailure.nonRetryable(`${what} ${id} not found`, `${what}NotFound`);

async function lock<T extends PenaltyCaseEntity | ReferralEntity>(
  m: EntityManager,
  entity: new () => T,
  what: string,
  id: string,
): Promise<T> {
  const row = await m
    .getRepository<T>(entity)
    .findOne({ where: { id } as never, lock: { mode: 'pessimistic_write' } });
  if (!row) throw notFound(what, id);
  return row;
}

const date = (v: unknown) => (typeof v === 'string' && v ? new Date(v) : null);

/**
 * Activities hosted on TASK_QUEUES.enforcement (EnforcementPort). Each is idempotent by `eventKey`: the
 * event row and the change it carries commit together, and a retry finds the key taken and changes
 * nothing. A deadline's breach is recorded at most once per referral and kind, with one alert event.
 */
export function createEnforcementActivities(ds: DataSource): EnforcementPort {
  return {
    async recordEnforcementEvent(input) {
      await ds.transaction((m) =>
        appendEvent(m, {
          subject: input.subject,
          eventKey: input.eventKey,
          type: input.type,
          summaryZh: input.summaryZh,
          summaryEn: input.summaryEn,
          actor: input.actor ?? null,
          data: input.data,
          at: input.at,
        }),
      );
    },

    async setCaseStage({ caseId, stage, eventKey, patch }) {
      if (!(ENFORCEMENT_CASE_STAGES as readonly string[]).includes(stage)) {
        throw ApplicationFailure.nonRetryable(`Unknown case stage ${String(stage)}`, 'InvalidCaseStage');
      }
      await ds.transaction(async (m) => {
        const row = await lock(m, PenaltyCaseEntity, 'Case', caseId);
        const from = ENFORCEMENT_CASE_STAGE_LABELS[row.stage];
        const to = ENFORCEMENT_CASE_STAGE_LABELS[stage];
        const inserted = await appendEvent(m, {
          subject: { kind: 'case', id: caseId },
          eventKey,
          type: ENFORCEMENT_EVENT_TYPES.caseStage,
          summaryZh: row.stage === stage ? `案件处于「${to.zh}」` : `案件由「${from.zh}」进入「${to.zh}」`,
          summaryEn: row.stage === stage ? `Case at ${to.en}` : `Case moved from ${from.en} to ${to.en}`,
          data: { from: row.stage, to: stage, ...(patch ?? {}) },
        });
        if (!inserted) return;
        const p = patch ?? {};
        const closing = stage === 'closed' || stage === 'dismissed';
        await m.getRepository(PenaltyCaseEntity).update(caseId, {
          stage,
          ...(p.parties ? { parties: p.parties as PenaltyParty[] } : {}),
          ...(p.decidedAt !== undefined ? { decidedAt: date(p.decidedAt) } : {}),
          ...(p.servedAt !== undefined ? { servedAt: date(p.servedAt) } : {}),
          ...(p.serveDueAt !== undefined ? { serveDueAt: date(p.serveDueAt) } : {}),
          ...(p.rectificationDeadlineAt !== undefined
            ? { rectificationDeadlineAt: date(p.rectificationDeadlineAt) }
            : {}),
          ...(p.reinspectionDueAt !== undefined ? { reinspectionDueAt: date(p.reinspectionDueAt) } : {}),
          ...(p.reinspectionResult !== undefined ? { reinspectionResult: p.reinspectionResult } : {}),
          ...(p.suspectedCrime !== undefined ? { suspectedCrime: p.suspectedCrime } : {}),
          ...(p.referralId !== undefined ? { referralId: p.referralId } : {}),
          ...(closing && !row.closedAt ? { closedAt: new Date() } : {}),
        });
      });
    },

    async recordAction({ caseId, kind, eventKey, detail, deadlineAt, amountYuan, by, at }) {
      if (!(ENFORCEMENT_ACTION_KINDS as readonly string[]).includes(kind)) {
        throw ApplicationFailure.nonRetryable(`Unknown action ${String(kind)}`, 'InvalidActionKind');
      }
      await ds.transaction(async (m) => {
        await lock(m, PenaltyCaseEntity, 'Case', caseId);
        const inserted = await m
          .createQueryBuilder()
          .insert()
          .into(EnforcementActionEntity)
          .values({
            caseId,
            kind,
            detail,
            deadlineAt: date(deadlineAt),
            amountYuan: amountYuan ?? null,
            byUsername: by?.username ?? null,
            byName: by?.name ?? null,
            at: new Date(at),
            eventKey,
          })
          .orIgnore()
          .returning(['id'])
          .execute();
        if ((inserted.raw as unknown[]).length === 0) return;
        const label = ENFORCEMENT_ACTION_LABELS[kind];
        await appendEvent(m, {
          subject: { kind: 'case', id: caseId },
          eventKey: `${eventKey}:event`,
          type: ENFORCEMENT_EVENT_TYPES.actionRecorded,
          summaryZh: `${label.zh}：${detail}`,
          summaryEn: `${label.en}: ${detail}`,
          actor: by ?? null,
          data: { kind, deadlineAt: deadlineAt ?? null, amountYuan: amountYuan ?? null },
          at,
        });
      });
    },

    async createReferralFromCase({ caseId, suspectedCrime, suspects, proposedBy, reason, eventKey }) {
      const created = await ds.transaction(async (m) => {
        const existing = await m.getRepository(ReferralEntity).findOneBy({ creationEventKey: eventKey });
        if (existing) return { row: existing, fresh: false };
        const c = await lock(m, PenaltyCaseEntity, 'Case', caseId);
        const base = referralFromCase(c);
        const persons = (c.parties ?? []).filter((p) => p.kind !== 'unit').length;
        const crime = SUSPECTED_CRIME_LABELS[suspectedCrime];
        const row = await insertReferral(m, {
          ...base,
          title: `${c.enterpriseName}涉嫌${crime.zh}`,
          suspectedCrime,
          suspects: suspects && suspects > 0 ? suspects : Math.max(1, persons),
          createdBy: proposedBy,
          creationEventKey: eventKey,
        });
        // The case workflow starts the referral as its child (deterministic id) right after this
        // activity, so the outbox must not start it as well: mark it started.
        await m.getRepository(ReferralEntity).update(row.id, { workflowStartedAt: new Date() });
        row.workflowStartedAt = new Date();
        await m.getRepository(PenaltyCaseEntity).update(caseId, {
          referralId: c.referralId ?? row.id,
          suspectedCrime: c.suspectedCrime ?? suspectedCrime,
        });
        await appendEvent(m, {
          subject: { kind: 'referral', id: row.id },
          eventKey: `${eventKey}:referral.created`,
          type: ENFORCEMENT_EVENT_TYPES.referralCreated,
          summaryZh: `处罚案件 ${c.caseNo} 提出移送：涉嫌${crime.zh}。${reason}`,
          summaryEn: `Case ${c.caseNo} proposed a referral: ${crime.en}. ${reason}`,
          actor: proposedBy,
          data: { caseId, suspectedCrime },
        });
        return { row, fresh: true };
      });
      return { referralId: created.row.id, referralNo: created.row.referralNo };
    },

    async setReferralStage({ referralId, stage, eventKey, patch }) {
      if (!(REFERRAL_STAGES as readonly string[]).includes(stage)) {
        throw ApplicationFailure.nonRetryable(
          `Unknown referral stage ${String(stage)}`,
          'InvalidReferralStage',
        );
      }
      await ds.transaction(async (m) => {
        const row = await lock(m, ReferralEntity, 'Referral', referralId);
        const from = REFERRAL_STAGE_LABELS[row.stage];
        const to = REFERRAL_STAGE_LABELS[stage];
        const inserted = await appendEvent(m, {
          subject: { kind: 'referral', id: referralId },
          eventKey,
          type: ENFORCEMENT_EVENT_TYPES.referralStage,
          summaryZh: row.stage === stage ? `移送处于「${to.zh}」` : `移送由「${from.zh}」进入「${to.zh}」`,
          summaryEn:
            row.stage === stage ? `Referral at ${to.en}` : `Referral moved from ${from.en} to ${to.en}`,
          data: { from: row.stage, to: stage, ...(patch ?? {}) },
        });
        if (!inserted) return;
        const closing = stage === 'closed' || stage === 'notApproved';
        await m.getRepository(ReferralEntity).update(referralId, {
          stage,
          ...projectPatch(row, patch ?? {}),
          ...(closing && !row.closedAt ? { closedAt: new Date() } : {}),
        });
      });
    },

    async trackReferralDeadline({ referralId, kind, eventKey, startedAt, dueAt, metAt, breachedAt }) {
      await ds.transaction(async (m) => {
        const referral = await lock(m, ReferralEntity, 'Referral', referralId);
        const label = REFERRAL_DEADLINE_LABELS[kind];
        const type = breachedAt
          ? ENFORCEMENT_EVENT_TYPES.deadlineBreached
          : metAt
            ? ENFORCEMENT_EVENT_TYPES.deadlineMet
            : ENFORCEMENT_EVENT_TYPES.deadlineOpened;
        const repo = m.getRepository(ReferralDeadlineEntity);
        await m
          .createQueryBuilder()
          .insert()
          .into(ReferralDeadlineEntity)
          .values({
            referralId,
            kind,
            startedAt: date(startedAt),
            dueAt: date(dueAt),
            metAt: null,
            breachedAt: null,
          })
          .orIgnore()
          .execute();
        const row = await repo.findOneByOrFail({ referralId, kind });
        if (startedAt || dueAt) {
          // A (re)opened clock: the latest start and due date win until the step is met.
          if (!row.metAt) {
            await repo.update(row.id, {
              ...(startedAt ? { startedAt: new Date(startedAt) } : {}),
              ...(dueAt ? { dueAt: new Date(dueAt) } : {}),
            });
          }
        }
        if (metAt && !row.metAt) await repo.update(row.id, { metAt: new Date(metAt) });
        let breachRecorded = false;
        if (breachedAt) {
          const res = await m
            .createQueryBuilder()
            .update(ReferralDeadlineEntity)
            .set({ breachedAt: new Date(breachedAt) })
            .where('id = :id AND breached_at IS NULL', { id: row.id })
            .execute();
          breachRecorded = (res.affected ?? 0) > 0;
        }
        // The breach alert is written once per referral and kind, whatever the event key.
        if (breachedAt && !breachRecorded) return;
        await appendEvent(m, {
          subject: { kind: 'referral', id: referralId },
          eventKey: breachedAt ? `referral:${referralId}:deadline:${kind}:breached` : eventKey,
          type,
          summaryZh: breachedAt
            ? `【超期预警】${referral.referralNo}「${label.zh}」已超期`
            : metAt
              ? `「${label.zh}」按期完成`
              : `「${label.zh}」开始计时${dueAt ? `，期限 ${dueAt}` : ''}`,
          summaryEn: breachedAt
            ? `[Deadline breached] ${referral.referralNo}: ${label.en}`
            : metAt
              ? `${label.en}: met`
              : `${label.en}: clock started${dueAt ? `, due ${dueAt}` : ''}`,
          data: {
            kind,
            startedAt: startedAt ?? null,
            dueAt: dueAt ?? null,
            metAt: metAt ?? null,
            breachedAt: breachedAt ?? null,
            alert: !!breachedAt,
            eventKey,
          },
          at: breachedAt ?? metAt ?? startedAt ?? null,
        });
      });
    },
  };
}

/** Known fields of a setReferralStage patch, in the shapes the referral row keeps. */
function projectPatch(row: ReferralEntity, patch: Record<string, unknown>): Partial<ReferralEntity> {
  const out: Partial<ReferralEntity> = {};
  const sub = (v: unknown) => (v && typeof v === 'object' ? (v as Record<string, unknown>) : null);
  if (typeof patch['reportedAt'] === 'string') out.reportedAt = new Date(patch['reportedAt']);
  if (typeof patch['handedOverAt'] === 'string') out.handedOverAt = new Date(patch['handedOverAt']);
  for (const key of [
    'headDecision',
    'transfer',
    'police',
    'reconsideration',
    'procuratorate',
    'outcome',
  ] as const) {
    const v = sub(patch[key]);
    if (v) (out as Record<string, unknown>)[key] = { ...((row[key] as object | null) ?? {}), ...v };
  }
  if (Array.isArray(patch['officers'])) out.officers = patch['officers'] as ReferralEntity['officers'];
  return out;
}
