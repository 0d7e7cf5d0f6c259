import { Injectable } from '@nestjs/common';
import type { Principal } from '@zhiben/auth';
import { DomainException } from '@zhiben/platform';
import { DataSource } from 'typeorm';
import { principalUnits } from '../access/task-access';

export interface NotificationView {
  id: string;
  kind: string;
  taskId: string | null;
  messageZh: string;
  messageEn: string;
  createdAt: string;
  readAt: string | null;
}

/** Addressed to the caller: by name, or by one of their roles within one of their units. */
const MINE = `(n.recipient = $1 OR (n.recipient_role = ANY($2::text[]) AND n.recipient_unit = ANY($3::text[])))`;

@Injectable()
export class NotificationsService {
  constructor(private readonly ds: DataSource) {}

  private params(p: Principal): unknown[] {
    return [p.username, p.roles, principalUnits(p)];
  }

  async list(
    p: Principal,
    q: { unread?: boolean; limit: number },
  ): Promise<{ data: NotificationView[]; unreadCount: number }> {
    const rows = (await this.ds.query(
      `SELECT n.id, n.kind, n.task_id AS "taskId", n.message_zh AS "messageZh", n.message_en AS "messageEn",
              n.created_at AS "createdAt", r.read_at AS "readAt"
         FROM tasks.notifications n
         LEFT JOIN tasks.notification_reads r ON r.notification_id = n.id AND r.username = $1
        WHERE ${MINE} ${q.unread ? 'AND r.read_at IS NULL' : ''}
        ORDER BY (r.read_at IS NULL) DESC, n.created_at DESC, n.id DESC
        LIMIT $4`,
      [...this.params(p), q.limit],
    )) as Array<Omit<NotificationView, 'createdAt' | 'readAt'> & { createdAt: Date; readAt: Date | null }>;
    const [{ n }] = (await this.ds.query(
      `SELECT count(*)::int AS n FROM tasks.notifications n
        WHERE ${MINE} AND NOT EXISTS (
          SELECT 1 FROM tasks.notification_reads r WHERE r.notification_id = n.id AND r.username = $1)`,
      this.params(p),
    )) as [{ n: number }];
    return {
      data: rows.map((r) => ({
        ...r,
        createdAt: r.createdAt.toISOString(),
        readAt: r.readAt?.toISOString() ?? null,
      })),
      unreadCount: n,
    };
  }

  async markRead(p: Principal, id: string): Promise<{ id: string; readAt: string }> {
    const mine = (await this.ds.query(`SELECT n.id FROM tasks.notifications n WHERE n.id = $4 AND ${MINE}`, [
      ...this.params(p),
      id,
    ])) as unknown[];
    if (mine.length === 0) throw DomainException.notFound('notification', id);
    await this.ds.query(
      `INSERT INTO tasks.notification_reads (notification_id, username) VALUES ($1, $2)
       ON CONFLICT ON CONSTRAINT pk_notification_reads DO NOTHING`,
      [id, p.username],
    );
    const [row] = (await this.ds.query(
      `SELECT read_at AS "readAt" FROM tasks.notification_reads WHERE notification_id = $1 AND username = $2`,
      [id, p.username],
    )) as [{ readAt: Date }];
    return { id, readAt: row.readAt.toISOString() };
  }

  async markAllRead(p: Principal): Promise<{ marked: number }> {
    const rows = (await this.ds.query(
      `INSERT INTO tasks.notification_reads (notification_id, username)
       SELECT n.id, $1 FROM tasks.notifications n WHERE ${MINE}
       ON CONFLICT ON CONSTRAINT pk_notification_reads DO NOTHING RETURNING notification_id`,
      this.params(p),
    )) as unknown[];
    return { marked: rows.length };
  }
}
