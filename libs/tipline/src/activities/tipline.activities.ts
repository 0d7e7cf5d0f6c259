import { ApplicationFailure } from '@temporalio/common';
import type { TipActor, TipHazardDraft, TiplinePort } from '@zhiben/contracts';
import { CORRELATION_HEADER } from '@zhiben/platform';
import type { DataSource, EntityManager } from 'typeorm';
import { TipEventEntity } from '../entities';
import { table } from '../schema';
import type { ServiceTokenSource } from './service-token';

export interface TiplineActivityDeps {
  hazardsUrl: string;
  serviceToken: Pick<ServiceTokenSource, 'token'>;
}

/** Applies `apply` once per key (tip_applied_keys), in one transaction with the key. */
async function once(
  ds: DataSource,
  tipId: string,
  eventKey: string,
  apply: (m: EntityManager) => Promise<void>,
) {
  await ds.transaction(async (m) => {
    const inserted = (await m.query(
      `INSERT INTO ${table('tip_applied_keys')} (event_key, tip_id) VALUES ($1, $2)
       ON CONFLICT (event_key) DO NOTHING RETURNING event_key`,
      [eventKey, tipId],
    )) as unknown[];
    if (inserted.length === 0) return;
    await apply(m);
  });
}

/**
 * TiplinePort on TASK_QUEUES.tipline: the read model, the timeline, notices to the reporter and the
 * follow-up in the hazards context. Every write is once-only by eventKey; nothing takes or returns
 * identity (notices go to the status page; SMS/letters to real-name reporters are not wired yet).
 */
export function createTiplineActivities(ds: DataSource, deps: TiplineActivityDeps): TiplinePort {
  return {
    async recordTipEvent(input) {
      await ds
        .createQueryBuilder()
        .insert()
        .into(TipEventEntity)
        .values({
          tipId: input.tipId,
          eventKey: input.eventKey,
          type: input.type,
          summaryZh: input.summaryZh,
          summaryEn: input.summaryEn,
          actorUsername: input.actor?.username ?? null,
          actorName: input.actor?.name ?? null,
          data: (input.data ?? {}) as never,
          ...(input.at ? { occurredAt: new Date(input.at) } : {}),
        })
        .orIgnore()
        .execute();
      // The follow-up reaches the read model through its timeline event (hazardCreated / caseCreated).
      const d = input.data ?? {};
      const followUp =
        typeof d['hazardId'] === 'string'
          ? { kind: 'hazard', id: d['hazardId'], ref: String(d['caseRef'] ?? d['hazardId']) }
          : typeof d['caseId'] === 'string'
            ? { kind: 'enforcementCase', id: d['caseId'], ref: String(d['caseNo'] ?? d['caseId']) }
            : null;
      if (followUp) {
        await ds.query(
          `UPDATE ${table('tips')} SET read = read || $2::jsonb, updated_at = now()
            WHERE id = $1 AND NOT (read ? 'followUp')`,
          [input.tipId, JSON.stringify({ followUp })],
        );
      }
    },

    async setTipStatus({ tipId, status, eventKey, patch }) {
      await once(ds, tipId, eventKey, async (m) => {
        const p = { ...(patch ?? {}) };
        const { receivingUnitCode, closedAt } = p;
        await m.query(
          `UPDATE ${table('tips')} SET status = $2, read = read || $3::jsonb,
             receiving_unit_code = coalesce($4, receiving_unit_code),
             receiving_unit_name = CASE WHEN $4::text IS NULL THEN receiving_unit_name ELSE coalesce($6, $4) END,
             closed_at = coalesce($5::timestamptz, closed_at),
             version = version + 1, updated_at = now()
           WHERE id = $1`,
          [
            tipId,
            status,
            JSON.stringify(p),
            receivingUnitCode ?? null,
            closedAt ?? null,
            p.forwardedTo?.name ?? null,
          ],
        );
      });
    },

    async setTipReward({ tipId, eventKey, reward }) {
      await once(ds, tipId, eventKey, async (m) => {
        await m.query(
          `UPDATE ${table('tips')} SET reward = coalesce(reward, '{}'::jsonb) || $2::jsonb,
             version = version + 1, updated_at = now() WHERE id = $1`,
          [tipId, JSON.stringify(reward)],
        );
      });
    },

    async notifyReporter({ tipId, eventKey, messageZh, messageEn }) {
      await once(ds, tipId, eventKey, async (m) => {
        await m.query(
          `UPDATE ${table('tips')} SET messages = messages || $2::jsonb, updated_at = now() WHERE id = $1`,
          [tipId, JSON.stringify([{ at: new Date().toISOString(), zh: messageZh, en: messageEn }])],
        );
      });
    },

    async createHazardFromTip({ tipId, eventKey, hazard, requestedBy }) {
      return registerHazard(deps, tipId, eventKey, hazard, requestedBy);
    },

    async createEnforcementCaseFromTip() {
      // [design] enforcement-service files cases from signed inspections only; until it takes a tip as a
      // case origin the handler files the case there and links it (recorded as followUp.failed).
      throw ApplicationFailure.nonRetryable(
        '执法立案须在执法系统中由执法人员办理 / File the enforcement case in the enforcement module',
        'FollowUpNotSupported',
      );
    },
  };
}

async function registerHazard(
  deps: TiplineActivityDeps,
  tipId: string,
  eventKey: string,
  hazard: TipHazardDraft,
  requestedBy: TipActor,
): Promise<{ hazardId: string; caseRef: string }> {
  const url = `${deps.hazardsUrl.replace(/\/$/, '')}/api/hazards/hazards`;
  const token = await deps.serviceToken.token();
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      accept: 'application/json',
      // One hazard per tip however often retried (hazards-service replays the first answer).
      'idempotency-key': `tipline:${eventKey}`,
      [CORRELATION_HEADER]: `tip-${tipId}`,
    },
    // The verified facts in the handler's words; never the report itself (regulations C2).
    body: JSON.stringify({
      ...hazard,
      source: 'PublicReport',
      foundBy: requestedBy.name,
    }),
    signal: AbortSignal.timeout(20_000),
  });
  const json = (await res.json().catch(() => null)) as Record<string, unknown> | null;
  if (res.ok && json && typeof json['id'] === 'string') {
    return {
      hazardId: json['id'],
      caseRef: typeof json['caseRef'] === 'string' ? json['caseRef'] : json['id'],
    };
  }
  const reason = `${String(json?.['messageZh'] ?? `隐患服务返回 ${res.status}`)} / ${String(
    json?.['messageEn'] ?? `hazards-service answered ${res.status}`,
  )}${Array.isArray(json?.['errors']) ? ` ${JSON.stringify(json['errors'])}` : ''}`;
  if (res.status >= 400 && res.status < 500 && res.status !== 401 && res.status !== 429) {
    throw ApplicationFailure.nonRetryable(reason, 'HazardRefused');
  }
  throw new Error(reason);
}
