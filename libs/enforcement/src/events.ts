import type { EnforcementActor, EnforcementEventDto } from '@zhiben/contracts';
import type { EntityManager } from 'typeorm';
import { EnforcementEventEntity, type EventSubjectKind } from './entities';

export interface EnforcementEvent {
  subject: { kind: EventSubjectKind; id: string };
  eventKey: string;
  type: string;
  summaryZh: string;
  summaryEn: string;
  actor?: EnforcementActor | null;
  data?: Record<string, unknown>;
  /** When it happened (ISO; a workflow passes its own time), default: now. */
  at?: string | null;
}

/**
 * Appends one timeline event; false when an event with the same key already exists (a retry). Callers
 * apply the event's side effects only when this returns true, in the same transaction.
 */
export async function appendEvent(m: EntityManager, e: EnforcementEvent): Promise<boolean> {
  const result = await m
    .createQueryBuilder()
    .insert()
    .into(EnforcementEventEntity)
    .values({
      subjectKind: e.subject.kind,
      subjectId: e.subject.id,
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

export function toEventDto(e: EnforcementEventEntity): EnforcementEventDto {
  return {
    id: String(e.id),
    at: e.occurredAt.toISOString(),
    type: e.type,
    summaryZh: e.summaryZh,
    summaryEn: e.summaryEn,
    actor: e.actorUsername ? { username: e.actorUsername, name: e.actorName ?? e.actorUsername } : null,
    data: e.data ?? {},
  };
}
