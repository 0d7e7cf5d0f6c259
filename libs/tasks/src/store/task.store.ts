import type {
  CandidateRule,
  DecisionOption,
  SlaPolicy,
  TaskHistoryAction,
  TaskOutcome,
  TaskPriority,
  TaskStatus,
} from '@zhiben/contracts';
import type { Sql } from './sql';

/** A task as the service reads it (camelCase; Chinese title as `titleZh`). */
export interface TaskRow {
  id: string;
  taskKey: string | null;
  workflowId: string;
  type: string;
  titleZh: string;
  titleEn: string | null;
  caseRef: string | null;
  caseKind: string | null;
  step: string | null;
  status: TaskStatus;
  outcome: TaskOutcome | null;
  priority: TaskPriority;
  assignee: string | null;
  owner: string | null;
  delegatedFrom: string | null;
  orgUnitCode: string | null;
  campaignId: string | null;
  decisions: DecisionOption[] | null;
  formSchema: Record<string, unknown> | null;
  formData: Record<string, unknown> | null;
  sla: SlaPolicy | null;
  dueAt: Date | null;
  followUpAt: Date | null;
  reactionDueAt: Date | null;
  claimedAt: Date | null;
  completedAt: Date | null;
  completedBy: string | null;
  decision: string | null;
  closedAt: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export const TASK_COLUMNS = `t.id, t.task_key AS "taskKey", t.workflow_id AS "workflowId", t.type,
  t.title AS "titleZh", t.title_en AS "titleEn", t.case_ref AS "caseRef", t.case_kind AS "caseKind", t.step,
  t.status, t.outcome, t.priority, t.assignee, t.owner, t.delegated_from AS "delegatedFrom",
  t.org_unit_code AS "orgUnitCode", t.campaign_id AS "campaignId", t.decisions, t.form_schema AS "formSchema",
  t.form_data AS "formData", t.sla, t.due_at AS "dueAt", t.follow_up_at AS "followUpAt",
  t.reaction_due_at AS "reactionDueAt", t.claimed_at AS "claimedAt", t.completed_at AS "completedAt",
  t.completed_by AS "completedBy", t.decision, t.closed_at AS "closedAt", t.version,
  t.created_at AS "createdAt", t.updated_at AS "updatedAt"`;

export async function loadTask(sql: Sql, id: string, opts: { lock?: boolean } = {}): Promise<TaskRow | null> {
  return sql.one<TaskRow>(
    `SELECT ${TASK_COLUMNS} FROM tasks.tasks t WHERE t.id = $1${opts.lock ? ' FOR UPDATE' : ''}`,
    [id],
  );
}

export async function loadTaskByKey(
  sql: Sql,
  workflowId: string,
  taskKey: string,
  opts: { lock?: boolean } = {},
): Promise<TaskRow | null> {
  return sql.one<TaskRow>(
    `SELECT ${TASK_COLUMNS} FROM tasks.tasks t WHERE t.workflow_id = $1 AND t.task_key = $2${opts.lock ? ' FOR UPDATE' : ''}`,
    [workflowId, taskKey],
  );
}

export async function loadCandidates(sql: Sql, taskId: string): Promise<CandidateRule[]> {
  return sql.rows<CandidateRule>(
    `SELECT role, org_unit_code AS "orgUnitCode" FROM tasks.task_candidates WHERE task_id = $1 ORDER BY role, org_unit_code`,
    [taskId],
  );
}

export async function loadWatchers(sql: Sql, taskId: string): Promise<string[]> {
  const rows = await sql.rows<{ username: string }>(
    `SELECT username FROM tasks.task_watchers WHERE task_id = $1 ORDER BY username`,
    [taskId],
  );
  return rows.map((r) => r.username);
}

/** Adds candidate rules; the database copies the task's inbox fields onto them (migration …004). */
export async function addCandidates(
  sql: Sql,
  taskId: string,
  candidates: readonly CandidateRule[],
): Promise<CandidateRule[]> {
  if (candidates.length === 0) return [];
  return sql.rows<CandidateRule>(
    `INSERT INTO tasks.task_candidates (task_id, role, org_unit_code)
     SELECT $1, c.role, c.unit FROM unnest($2::text[], $3::text[]) AS c(role, unit)
     ON CONFLICT ON CONSTRAINT pk_task_candidates DO NOTHING
     RETURNING role, org_unit_code AS "orgUnitCode"`,
    [taskId, candidates.map((c) => c.role), candidates.map((c) => c.orgUnitCode)],
  );
}

export interface HistoryEntry {
  taskId: string;
  actor: string;
  actorName?: string | null;
  action: TaskHistoryAction;
  decision?: string | null;
  comment?: string | null;
  changes?: Record<string, unknown> | null;
  /** Set by idempotent writers (activities): a second row with the same key is not added. */
  dedupeKey?: string | null;
}

/** Appends to the audit trail; false when a row with the same dedupe key already exists. */
export async function appendHistory(sql: Sql, e: HistoryEntry): Promise<boolean> {
  const inserted = await sql.rows(
    `INSERT INTO tasks.task_history (task_id, actor, actor_name, action, decision, comment, changes, dedupe_key)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT ON CONSTRAINT uq_task_history_dedupe DO NOTHING RETURNING id`,
    [
      e.taskId,
      e.actor,
      e.actorName ?? null,
      e.action,
      e.decision ?? null,
      e.comment ?? null,
      e.changes ? JSON.stringify(e.changes) : null,
      e.dedupeKey ?? null,
    ],
  );
  return inserted.length > 0;
}

/** Records a missed time limit once per task and kind; true when this call recorded it. */
export async function recordBreach(
  sql: Sql,
  taskId: string,
  kind: 'reaction' | 'completion',
  dueAt: Date,
): Promise<boolean> {
  const inserted = await sql.rows(
    `INSERT INTO tasks.sla_breaches (task_id, kind, due_at) VALUES ($1, $2, $3)
     ON CONFLICT ON CONSTRAINT uq_sla_breaches_task_kind DO NOTHING RETURNING id`,
    [taskId, kind, dueAt],
  );
  return inserted.length > 0;
}

/** 响应超时: the first claim or action came after reaction_due_at. */
export async function recordLateReaction(sql: Sql, task: TaskRow, at: Date): Promise<boolean> {
  if (!task.reactionDueAt || task.claimedAt || at <= task.reactionDueAt) return false;
  const recorded = await recordBreach(sql, task.id, 'reaction', task.reactionDueAt);
  if (recorded) {
    await appendHistory(sql, {
      taskId: task.id,
      actor: 'system',
      action: 'breached',
      changes: { kind: 'reaction', dueAt: task.reactionDueAt.toISOString() },
      dedupeKey: 'breach:reaction',
    });
  }
  return recorded;
}

/** Marks a task closed; a trigger takes it out of every group inbox (task_candidates.active). */
export async function closeTaskRow(
  sql: Sql,
  taskId: string,
  close: { outcome: TaskOutcome; decision?: string | null; completedBy?: string | null; at: Date },
): Promise<void> {
  const completed = close.outcome === 'completed';
  await sql.exec(
    `UPDATE tasks.tasks SET status = 'closed', outcome = $2, decision = $3, closed_at = $4,
            completed_at = CASE WHEN $5 THEN $4::timestamptz ELSE completed_at END,
            completed_by = CASE WHEN $5 THEN $6 ELSE completed_by END,
            assignee = CASE WHEN $5 AND $6::text IS NOT NULL THEN $6 ELSE assignee END,
            claimed_at = CASE WHEN $5 THEN coalesce(claimed_at, $4::timestamptz) ELSE claimed_at END,
            delegated_from = NULL, version = version + 1, updated_at = now()
      WHERE id = $1`,
    [taskId, close.outcome, close.decision ?? null, close.at, completed, close.completedBy ?? null],
  );
}
