import type { Sql } from '../store/sql';
import type { NotificationMessage } from './notification-channel';

/**
 * The in-app channel (站内消息): rows in tasks.notifications, written inside the sender's transaction so
 * a notification exists exactly when the change that caused it does. Returns the notifications this
 * call created (not those a retry had already written), for the other channels.
 */
export async function writeInApp(
  sql: Sql,
  messages: readonly NotificationMessage[],
): Promise<NotificationMessage[]> {
  if (messages.length === 0) return [];
  const byKey = new Map(messages.map((m) => [m.idempotencyKey, m]));
  const rows = await sql.rows<{ idempotency_key: string }>(
    `INSERT INTO tasks.notifications
       (recipient, recipient_role, recipient_unit, kind, task_id, message_zh, message_en, idempotency_key)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::uuid[], $6::text[], $7::text[], $8::text[])
     ON CONFLICT ON CONSTRAINT uq_notifications_idempotency DO NOTHING
     RETURNING idempotency_key`,
    [
      [...byKey.values()].map((m) => ('username' in m.to ? m.to.username : null)),
      [...byKey.values()].map((m) => ('role' in m.to ? m.to.role : null)),
      [...byKey.values()].map((m) => ('role' in m.to ? m.to.orgUnitCode : null)),
      [...byKey.values()].map((m) => m.kind),
      [...byKey.values()].map((m) => m.taskId),
      [...byKey.values()].map((m) => m.messageZh),
      [...byKey.values()].map((m) => m.messageEn),
      [...byKey.keys()],
    ],
  );
  return rows.map((r) => byKey.get(r.idempotency_key)!);
}
