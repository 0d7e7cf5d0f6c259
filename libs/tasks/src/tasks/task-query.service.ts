import { Injectable } from '@nestjs/common';
import type { Principal } from '@zhiben/auth';
import type { CandidateRule, DecisionOption, SlaPolicy } from '@zhiben/contracts';
import { DataSource } from 'typeorm';
import { allowedActions, type TaskActions } from '../access/task-access';
import { type Sql, withSql } from '../store/sql';
import type { TaskRow } from '../store/task.store';
import { loadVisibleTask } from './task-context';

export interface HistoryView {
  id: string;
  at: string;
  actor: string;
  actorName: string | null;
  action: string;
  decision: string | null;
  comment: string | null;
  changes: Record<string, unknown> | null;
}

export interface CommentView {
  id: string;
  author: string;
  authorName: string | null;
  body: string;
  createdAt: string;
}

export interface AttachmentView {
  id: string;
  name: string;
  size: number;
  contentType: string;
  sha256: string;
  uploadedBy: string;
  createdAt: string;
}

export interface TaskDetail {
  id: string;
  taskKey: string | null;
  workflowId: string;
  type: string;
  title: string;
  titleZh: string;
  titleEn: string | null;
  caseRef: string | null;
  caseKind: string | null;
  step: string | null;
  status: string;
  outcome: string | null;
  priority: string;
  assignee: string | null;
  owner: string | null;
  delegatedFrom: string | null;
  orgUnitCode: string | null;
  campaignId: string | null;
  decisions: DecisionOption[];
  formSchema: Record<string, unknown> | null;
  formData: Record<string, unknown> | null;
  sla: SlaPolicy | null;
  dueAt: string | null;
  followUpAt: string | null;
  reactionDueAt: string | null;
  overdue: boolean;
  claimedAt: string | null;
  completedAt: string | null;
  completedBy: string | null;
  decision: string | null;
  closedAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
  candidates: CandidateRule[];
  watchers: string[];
  watching: boolean;
  actions: TaskActions;
  breaches: Array<{ kind: string; dueAt: string; breachedAt: string }>;
  history: HistoryView[];
  comments: CommentView[];
  attachments: AttachmentView[];
}

const iso = (d: Date | null): string | null => d?.toISOString() ?? null;

export function isOverdue(task: Pick<TaskRow, 'status' | 'dueAt'>, now = new Date()): boolean {
  return task.status !== 'closed' && task.dueAt !== null && task.dueAt < now;
}

/** Reads of one task, each checked against the caller's visibility. */
@Injectable()
export class TaskQueryService {
  constructor(private readonly ds: DataSource) {}

  async detail(p: Principal, id: string): Promise<TaskDetail> {
    return withSql(this.ds, async (sql) => {
      const { task, facts } = await loadVisibleTask(sql, p, id);
      const breaches = await sql.rows<{ kind: string; dueAt: Date; breachedAt: Date }>(
        `SELECT kind, due_at AS "dueAt", breached_at AS "breachedAt" FROM tasks.sla_breaches
          WHERE task_id = $1 ORDER BY breached_at`,
        [id],
      );
      return {
        id: task.id,
        taskKey: task.taskKey,
        workflowId: task.workflowId,
        type: task.type,
        title: task.titleZh,
        titleZh: task.titleZh,
        titleEn: task.titleEn,
        caseRef: task.caseRef,
        caseKind: task.caseKind,
        step: task.step,
        status: task.status,
        outcome: task.outcome,
        priority: task.priority,
        assignee: task.assignee,
        owner: task.owner,
        delegatedFrom: task.delegatedFrom,
        orgUnitCode: task.orgUnitCode,
        campaignId: task.campaignId,
        decisions: task.decisions ?? [],
        formSchema: task.formSchema,
        formData: task.formData,
        sla: task.sla,
        dueAt: iso(task.dueAt),
        followUpAt: iso(task.followUpAt),
        reactionDueAt: iso(task.reactionDueAt),
        overdue: isOverdue(task),
        claimedAt: iso(task.claimedAt),
        completedAt: iso(task.completedAt),
        completedBy: task.completedBy,
        decision: task.decision,
        closedAt: iso(task.closedAt),
        createdAt: task.createdAt.toISOString(),
        updatedAt: task.updatedAt.toISOString(),
        version: task.version,
        candidates: [...facts.candidates],
        watchers: [...(facts.watchers ?? [])],
        watching: (facts.watchers ?? []).includes(p.username),
        actions: allowedActions(p, facts),
        breaches: breaches.map((b) => ({
          kind: b.kind,
          dueAt: b.dueAt.toISOString(),
          breachedAt: b.breachedAt.toISOString(),
        })),
        history: await this.historyRows(sql, id),
        comments: await this.commentRows(sql, id),
        attachments: await this.attachmentRows(sql, id),
      };
    });
  }

  async history(p: Principal, id: string): Promise<{ data: HistoryView[] }> {
    return withSql(this.ds, async (sql) => {
      await loadVisibleTask(sql, p, id);
      return { data: await this.historyRows(sql, id) };
    });
  }

  async comments(p: Principal, id: string): Promise<{ data: CommentView[] }> {
    return withSql(this.ds, async (sql) => {
      await loadVisibleTask(sql, p, id);
      return { data: await this.commentRows(sql, id) };
    });
  }

  async attachments(p: Principal, id: string): Promise<{ data: AttachmentView[] }> {
    return withSql(this.ds, async (sql) => {
      await loadVisibleTask(sql, p, id);
      return { data: await this.attachmentRows(sql, id) };
    });
  }

  private async historyRows(sql: Sql, id: string): Promise<HistoryView[]> {
    const rows = await sql.rows<Omit<HistoryView, 'at'> & { at: Date }>(
      `SELECT id::text AS id, at, actor, actor_name AS "actorName", action, decision, comment, changes
         FROM tasks.task_history WHERE task_id = $1 ORDER BY id`,
      [id],
    );
    return rows.map((r) => ({ ...r, at: r.at.toISOString() }));
  }

  private async commentRows(sql: Sql, id: string): Promise<CommentView[]> {
    const rows = await sql.rows<Omit<CommentView, 'createdAt'> & { createdAt: Date }>(
      `SELECT id, author, author_name AS "authorName", body, created_at AS "createdAt"
         FROM tasks.task_comments WHERE task_id = $1 ORDER BY created_at, id`,
      [id],
    );
    return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
  }

  private async attachmentRows(sql: Sql, id: string): Promise<AttachmentView[]> {
    const rows = await sql.rows<Omit<AttachmentView, 'createdAt'> & { createdAt: Date }>(
      `SELECT id, name, size, content_type AS "contentType", sha256, uploaded_by AS "uploadedBy",
              created_at AS "createdAt"
         FROM tasks.task_attachments WHERE task_id = $1 ORDER BY created_at, id`,
      [id],
    );
    return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
  }
}
