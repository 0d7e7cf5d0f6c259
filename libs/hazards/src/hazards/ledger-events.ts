import type { HazardActor } from '@zhiben/contracts';
import type { EntityManager } from 'typeorm';
import { HazardEventEntity } from '../entities';

export interface LedgerEvent {
  hazardId: string;
  eventKey: string;
  type: string;
  summaryZh: string;
  summaryEn: string;
  actor?: HazardActor | null;
  data?: Record<string, unknown>;
  /** When it happened (ISO; a workflow passes its own time), default: now. The timeline orders by it. */
  at?: string | null;
}

/**
 * Appends one timeline event; false when an event with the same key already exists (a retry). Callers
 * apply the event's side effects only when this returns true, in the same transaction.
 */
export async function appendEvent(m: EntityManager, e: LedgerEvent): Promise<boolean> {
  const result = await m
    .createQueryBuilder()
    .insert()
    .into(HazardEventEntity)
    .values({
      hazardId: e.hazardId,
      eventKey: e.eventKey,
      type: e.type,
      summaryZh: e.summaryZh,
      summaryEn: e.summaryEn,
      actorUsername: e.actor?.username ?? null,
      actorName: e.actor?.name ?? null,
      data: (e.data ?? {}) as never,
      ...(e.at ? { occurredAt: new Date(e.at) } : {}),
    })
    .orIgnore()
    .returning(['id'])
    .execute();
  return (result.raw as unknown[]).length > 0;
}
