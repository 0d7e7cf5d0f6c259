import { Injectable } from '@nestjs/common';
import type { Principal } from '@zhiben/auth';
import { DataSource } from 'typeorm';
import { principalUnits } from '../access/task-access';
import { decodeCursor, encodeCursor } from './inbox.cursor';

export type InboxView = 'mine' | 'groups' | 'watched';
export type InboxStatus = 'active' | 'open' | 'claimed' | 'closed';

export interface InboxQuery {
  view: InboxView;
  limit: number;
  cursor?: string;
  status: InboxStatus;
  type?: string;
  priority?: string;
  dueBefore?: string;
  overdue?: boolean;
  campaignId?: string;
  orgUnitCode?: string;
  q?: string;
}

export interface InboxTask {
  id: string;
  type: string;
  /** Chinese title (the language of record); `titleEn` is its English label. */
  title: string;
  titleEn: string | null;
  caseRef: string | null;
  caseKind: string | null;
  step: string | null;
  status: string;
  outcome: string | null;
  priority: string;
  dueAt: string | null;
  followUpAt: string | null;
  reactionDueAt: string | null;
  overdue: boolean;
  assignee: string | null;
  owner: string | null;
  delegatedFrom: string | null;
  orgUnitCode: string | null;
  campaignId: string | null;
  createdAt: string;
}

interface Row {
  id: string;
  type: string;
  title: string;
  title_en: string | null;
  case_ref: string | null;
  case_kind: string | null;
  step: string | null;
  status: string;
  outcome: string | null;
  priority: string;
  due_at: Date | null;
  follow_up_at: Date | null;
  reaction_due_at: Date | null;
  assignee: string | null;
  owner: string | null;
  delegated_from: string | null;
  org_unit_code: string | null;
  campaign_id: string | null;
  created_at: Date;
  /** The page order key: tasks.created_at, or its copy on the candidate row in the groups view. */
  sort_at: Date;
}

const ITEM_COLUMNS = `t.id, t.type, t.title, t.title_en, t.case_ref, t.case_kind, t.step, t.status, t.outcome,
  t.priority, t.due_at, t.follow_up_at, t.reaction_due_at, t.assignee, t.owner, t.delegated_from,
  t.org_unit_code, t.campaign_id, t.created_at`;

const STATUS_SQL: Record<InboxStatus, string> = {
  active: `t.status IN ('open','claimed')`,
  open: `t.status = 'open'`,
  claimed: `t.status = 'claimed'`,
  closed: `t.status = 'closed'`,
};

function likeEscape(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * The inbox: keyset pages over (created_at DESC, id DESC), no OFFSET, no counts. Each view walks one
 * index in page order: `mine` the assignee index, `groups` one candidate-index range per role × unit
 * of the caller (merged), `watched` the watcher index.
 */
@Injectable()
export class InboxService {
  constructor(private readonly ds: DataSource) {}

  async inbox(p: Principal, q: InboxQuery): Promise<{ data: InboxTask[]; nextCursor: string | null }> {
    const params: unknown[] = [];
    const add = (v: unknown) => `$${params.push(v)}`;
    const cursor = q.cursor ? decodeCursor(q.cursor) : undefined;
    const limit = add(q.limit + 1);

    /** The filters, on the task row (`t`) or on its copy in the candidate index (`c`). */
    const filtersOn = (a: 't' | 'c'): string[] => {
      const col = (task: string, candidate: string) => (a === 't' ? `t.${task}` : `c.${candidate}`);
      const out: string[] = [];
      if (q.type) out.push(`${col('type', 'task_type')} = ${add(q.type)}`);
      if (q.priority) out.push(`${col('priority', 'task_priority')} = ${add(q.priority)}`);
      if (q.campaignId) out.push(`${col('campaign_id', 'task_campaign_id')} = ${add(q.campaignId)}`);
      const due = col('due_at', 'task_due_at');
      if (q.dueBefore) out.push(`${due} <= ${add(q.dueBefore)}::timestamptz`);
      if (q.overdue === true) out.push(`${due} < now()`);
      if (q.overdue === false) out.push(`(${due} IS NULL OR ${due} >= now())`);
      if (q.orgUnitCode) {
        const unit = col('org_unit_code', 'task_org_unit_code');
        out.push(
          `(${unit} = ${add(q.orgUnitCode)} OR ${unit} LIKE ${add(`${likeEscape(q.orgUnitCode)}.%`)})`,
        );
      }
      if (q.q) {
        const pattern = add(`%${likeEscape(q.q.toLowerCase())}%`);
        out.push(
          a === 't'
            ? `lower(concat_ws(' ', t.title, t.title_en, t.case_ref)) LIKE ${pattern}`
            : `c.task_search LIKE ${pattern}`,
        );
      }
      return out;
    };

    let sql: string;
    switch (q.view) {
      case 'mine':
      case 'watched': {
        const where = [STATUS_SQL[q.status], ...filtersOn('t')];
        where.push(
          q.view === 'mine'
            ? `t.assignee = ${add(p.username)}`
            : `EXISTS (SELECT 1 FROM tasks.task_watchers w WHERE w.task_id = t.id AND w.username = ${add(p.username)})`,
        );
        if (cursor)
          where.push(
            `(t.created_at, t.id) < (${add(cursor.createdAt)}::timestamptz, ${add(cursor.id)}::uuid)`,
          );
        sql = `SELECT ${ITEM_COLUMNS}, t.created_at AS sort_at FROM tasks.tasks t
                WHERE ${where.join(' AND ')} ORDER BY t.created_at DESC, t.id DESC LIMIT ${limit}`;
        break;
      }
      case 'groups': {
        const units = principalUnits(p);
        if (units.length === 0 || p.roles.length === 0) return { data: [], nextCursor: null };
        const pairs = p.roles.flatMap((role) => units.map((unit) => [role, unit] as const));
        const roles = add(pairs.map(([r]) => r));
        const unitsParam = add(pairs.map(([, u]) => u));
        const where: string[] = [];
        let join = '';
        if (q.status === 'closed') {
          // Closed tasks have left the inbox index; this rarer view reads the task rows.
          join = `JOIN tasks.tasks t ON t.id = c.task_id`;
          where.push(STATUS_SQL.closed, ...filtersOn('t'));
        } else {
          // Open tasks: one index range per role × unit, filtered inside the index.
          where.push('c.active', ...filtersOn('c'));
          if (q.status !== 'active')
            join = `JOIN tasks.tasks t ON t.id = c.task_id AND ${STATUS_SQL[q.status]}`;
        }
        if (cursor) {
          where.push(
            `(c.task_created_at, c.task_id) < (${add(cursor.createdAt)}::timestamptz, ${add(cursor.id)}::uuid)`,
          );
        }
        sql = `SELECT ${ITEM_COLUMNS}, x.sort_at FROM (
                 SELECT DISTINCT ON (y.sort_at, y.task_id) y.* FROM unnest(${roles}::text[], ${unitsParam}::text[]) AS g(role, unit)
                 CROSS JOIN LATERAL (
                   SELECT c.task_id, c.task_created_at AS sort_at FROM tasks.task_candidates c ${join}
                    WHERE c.role = g.role AND c.org_unit_code = g.unit AND ${where.join(' AND ')}
                    ORDER BY c.task_created_at DESC, c.task_id DESC LIMIT ${limit}
                 ) y
                 ORDER BY y.sort_at DESC, y.task_id DESC LIMIT ${limit}
               ) x JOIN tasks.tasks t ON t.id = x.task_id
               ORDER BY x.sort_at DESC, x.task_id DESC`;
        break;
      }
    }
    const rows = (await this.ds.query(sql, params)) as Row[];
    const page = rows.slice(0, q.limit);
    const last = page[page.length - 1];
    const now = new Date();
    return {
      data: page.map((r) => ({
        id: r.id,
        type: r.type,
        title: r.title,
        titleEn: r.title_en,
        caseRef: r.case_ref,
        caseKind: r.case_kind,
        step: r.step,
        status: r.status,
        outcome: r.outcome,
        priority: r.priority,
        dueAt: r.due_at?.toISOString() ?? null,
        followUpAt: r.follow_up_at?.toISOString() ?? null,
        reactionDueAt: r.reaction_due_at?.toISOString() ?? null,
        overdue: r.status !== 'closed' && r.due_at !== null && r.due_at < now,
        assignee: r.assignee,
        owner: r.owner,
        delegatedFrom: r.delegated_from,
        orgUnitCode: r.org_unit_code,
        campaignId: r.campaign_id,
        createdAt: r.created_at.toISOString(),
      })),
      nextCursor:
        rows.length > q.limit && last
          ? encodeCursor({ createdAt: last.sort_at.toISOString(), id: last.id })
          : null,
    };
  }
}
