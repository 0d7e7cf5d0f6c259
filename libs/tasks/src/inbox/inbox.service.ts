import { Injectable } from '@nestjs/common';
import type { Principal } from '@zhiben/auth';
import { DataSource } from 'typeorm';
import { decodeCursor, encodeCursor } from './inbox.cursor';

export type InboxView = 'mine' | 'groups' | 'watched';

export interface InboxTask {
  id: string;
  type: string;
  title: string;
  caseRef: string | null;
  status: string;
  priority: string;
  dueAt: string | null;
  followUpAt: string | null;
  assignee: string | null;
  createdAt: string;
}

interface Row {
  id: string;
  type: string;
  title: string;
  case_ref: string | null;
  status: string;
  priority: string;
  due_at: Date | null;
  follow_up_at: Date | null;
  assignee: string | null;
  created_at: Date;
}

@Injectable()
export class InboxService {
  constructor(private readonly ds: DataSource) {}

  async inbox(
    p: Principal,
    q: { view: InboxView; limit: number; cursor?: string },
  ): Promise<{ data: InboxTask[]; nextCursor: string | null }> {
    const params: unknown[] = [];
    const add = (v: unknown) => `$${params.push(v)}`;
    const where: string[] = [`t.status IN ('open','claimed')`];
    switch (q.view) {
      case 'mine':
        where.push(`t.assignee = ${add(p.username)}`);
        break;
      case 'groups':
        if (!p.orgUnitCode || p.roles.length === 0) return { data: [], nextCursor: null };
        where.push(
          `EXISTS (SELECT 1 FROM tasks.task_candidates c WHERE c.task_id = t.id
                    AND c.role = ANY(${add(p.roles)}) AND c.org_unit_code = ${add(p.orgUnitCode)})`,
        );
        break;
      case 'watched':
        where.push(
          `EXISTS (SELECT 1 FROM tasks.task_watchers w WHERE w.task_id = t.id AND w.username = ${add(p.username)})`,
        );
        break;
    }
    if (q.cursor) {
      const c = decodeCursor(q.cursor);
      where.push(`(t.created_at, t.id) < (${add(c.createdAt)}::timestamptz, ${add(c.id)}::uuid)`);
    }
    const rows = (await this.ds.query(
      `SELECT t.id, t.type, t.title, t.case_ref, t.status, t.priority, t.due_at, t.follow_up_at, t.assignee, t.created_at
         FROM tasks.tasks t WHERE ${where.join(' AND ')}
        ORDER BY t.created_at DESC, t.id DESC LIMIT ${add(q.limit + 1)}`,
      params,
    )) as Row[];
    const page = rows.slice(0, q.limit);
    const last = page[page.length - 1];
    return {
      data: page.map((r) => ({
        id: r.id,
        type: r.type,
        title: r.title,
        caseRef: r.case_ref,
        status: r.status,
        priority: r.priority,
        dueAt: r.due_at?.toISOString() ?? null,
        followUpAt: r.follow_up_at?.toISOString() ?? null,
        assignee: r.assignee,
        createdAt: r.created_at.toISOString(),
      })),
      nextCursor:
        rows.length > q.limit && last
          ? encodeCursor({ createdAt: last.created_at.toISOString(), id: last.id })
          : null,
    };
  }
}
