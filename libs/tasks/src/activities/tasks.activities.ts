import { Injectable, Logger } from '@nestjs/common';
import { ApplicationFailure } from '@temporalio/common';
import type {
  CandidateRule,
  CloseTaskRequest,
  OpenTaskRequest,
  OpenTaskResult,
  RemindTaskRequest,
  TasksPort,
} from '@zhiben/contracts';
import { DataSource } from 'typeorm';
import { NotificationChannelRegistry, type NotificationMessage } from '../notifications/notification-channel';
import { writeInApp } from '../notifications/in-app.channel';
import { inTransaction, type Sql } from '../store/sql';
import {
  addCandidates,
  appendHistory,
  closeTaskRow,
  loadCandidates,
  loadTaskByKey,
  recordBreach,
  recordLateReaction,
  type TaskRow,
} from '../store/task.store';
import { completionResult, decisionAction } from '../tasks/completion-result';
import { slaDeadline } from '../tasks/sla';
import { openTaskRequestSchema } from '../tasks/task.schemas';
import { recipientKey, taskNotice } from '../tasks/task-notices';

/** Who hears about a task now: its holder(s) if someone holds it, else every candidate rule. */
function audience(
  task: TaskRow,
  candidates: readonly CandidateRule[],
): Array<{ username: string } | CandidateRule> {
  if (task.assignee) {
    const people = new Set([task.assignee, task.owner, task.delegatedFrom].filter((u): u is string => !!u));
    return [...people].map((username) => ({ username }));
  }
  return [...candidates];
}

/**
 * The TasksPort activities, hosted by tasks-service on TASK_QUEUES.tasks. Every effect is idempotent
 * under retries: tasks by (workflowId, taskKey), reminders by seq, notifications by key, breaches by
 * (task, kind), history rows by dedupe key — each in one transaction with the task row locked.
 */
@Injectable()
export class TasksActivities {
  private readonly logger = new Logger('TasksActivities');

  constructor(
    private readonly ds: DataSource,
    private readonly channels: NotificationChannelRegistry,
  ) {}

  /** The activity functions, bound, for the worker. */
  asActivities(): TasksPort & Record<string, (...args: never[]) => Promise<unknown>> {
    return {
      openTask: (req: OpenTaskRequest) => this.openTask(req),
      closeTask: (req: CloseTaskRequest) => this.closeTask(req),
      remindTask: (req: RemindTaskRequest) => this.remindTask(req),
    };
  }

  private async afterCommit<T>(work: Promise<{ result: T; notices: NotificationMessage[] }>): Promise<T> {
    const { result, notices } = await work;
    await this.channels.dispatch(notices);
    return result;
  }

  async openTask(raw: OpenTaskRequest): Promise<OpenTaskResult> {
    const parsed = openTaskRequestSchema.safeParse(raw);
    if (!parsed.success) {
      throw ApplicationFailure.nonRetryable(
        `Invalid OpenTaskRequest: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
        'InvalidTaskRequest',
      );
    }
    const req = parsed.data;
    return this.afterCommit<OpenTaskResult>(
      inTransaction(this.ds, async (sql) => {
        const now = new Date();
        const reactionDueAt = req.reactionDueAt
          ? new Date(req.reactionDueAt)
          : req.sla?.reaction
            ? slaDeadline(now, req.sla.reaction)
            : null;
        const assignee = req.assignee ?? null;
        const inserted = await sql.one<{ id: string }>(
          `INSERT INTO tasks.tasks (workflow_id, task_key, type, title, title_en, case_ref, case_kind, step,
                                    status, priority, assignee, owner, org_unit_code, campaign_id, decisions,
                                    form_schema, form_data, sla, due_at, follow_up_at, reaction_due_at, version)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, 1)
           ON CONFLICT ON CONSTRAINT uq_tasks_workflow_task_key DO NOTHING
           RETURNING id`,
          [
            req.workflowId,
            req.taskKey,
            req.type,
            req.titleZh,
            req.titleEn,
            req.caseRef || null,
            req.caseKind || null,
            req.step,
            assignee ? 'claimed' : 'open',
            req.priority,
            assignee,
            req.orgUnitCode,
            req.campaignId ?? null,
            JSON.stringify(req.decisions),
            req.formSchema ? JSON.stringify(req.formSchema) : null,
            req.formData ? JSON.stringify(req.formData) : null,
            req.sla ? JSON.stringify(req.sla) : null,
            req.dueAt,
            req.followUpAt ?? null,
            reactionDueAt,
          ],
        );
        if (!inserted) {
          const existing = await sql.one<{ id: string }>(
            `SELECT id FROM tasks.tasks WHERE workflow_id = $1 AND task_key = $2`,
            [req.workflowId, req.taskKey],
          );
          return { result: { taskId: existing!.id, created: false }, notices: [] };
        }
        const taskId = inserted.id;
        await addCandidates(sql, taskId, req.candidates);
        await appendHistory(sql, {
          taskId,
          actor: 'system',
          action: 'opened',
          changes: {
            step: req.step,
            candidates: req.candidates,
            assignee,
            dueAt: req.dueAt,
            reactionDueAt: reactionDueAt?.toISOString() ?? null,
          },
          dedupeKey: 'opened',
        });
        const task = { id: taskId, titleZh: req.titleZh, titleEn: req.titleEn };
        const targets: Array<{ username: string } | CandidateRule> = assignee
          ? [{ username: assignee }]
          : req.candidates;
        const notices = await writeInApp(
          sql,
          targets.map((to) => taskNotice('task', task, to, `open:${taskId}:${recipientKey(to)}`)),
        );
        return { result: { taskId, created: true }, notices };
      }),
    );
  }

  async closeTask(req: CloseTaskRequest): Promise<void> {
    await this.afterCommit(
      inTransaction(this.ds, async (sql) => {
        const task = await loadTaskByKey(sql, req.workflowId, req.taskKey, { lock: true });
        // Never opened (the workflow was cancelled before openTask ran) or already closed: nothing to do.
        if (!task || task.status === 'closed') return { result: undefined, notices: [] };
        const at = new Date();
        const decided = req.outcome === 'completed' ? req.decided : undefined;
        if (decided) {
          // The request that sent the Update did not commit (it crashed or timed out): heal here.
          await this.recordCompletion(
            sql,
            task,
            decided,
            decided.requestId ?? `workflow:${task.id}`,
            'workflow',
          );
          return { result: undefined, notices: [] };
        }
        await closeTaskRow(sql, task.id, { outcome: req.outcome, decision: req.decision ?? null, at });
        await appendHistory(sql, {
          taskId: task.id,
          actor: 'system',
          action: 'closed',
          decision: req.decision ?? null,
          changes: { outcome: req.outcome },
          dedupeKey: 'closed',
        });
        const notices = task.assignee
          ? await writeInApp(sql, [
              taskNotice('closed', task, { username: task.assignee }, `close:${task.id}:u:${task.assignee}`),
            ])
          : [];
        return { result: undefined, notices };
      }),
    );
  }

  /** Records an accepted decision as the task's completion (also used by the REST completion). */
  async recordCompletion(
    sql: Sql,
    task: TaskRow,
    decided: NonNullable<CloseTaskRequest['decided']>,
    idempotencyKey: string,
    recordedBy: 'api' | 'workflow',
  ): Promise<void> {
    const result = completionResult(task, decided);
    await recordLateReaction(sql, task, new Date(decided.decidedAt));
    await closeTaskRow(sql, task.id, {
      outcome: 'completed',
      decision: decided.decision,
      completedBy: decided.actor.username,
      at: new Date(decided.decidedAt),
    });
    if (Object.keys(decided.data).length > 0) {
      // The submitted form becomes the task's form data (the workflow's prefill, overwritten per field).
      await sql.exec(
        `UPDATE tasks.tasks SET form_data = coalesce(form_data, '{}'::jsonb) || $2::jsonb WHERE id = $1`,
        [task.id, JSON.stringify(decided.data)],
      );
    }
    await sql.exec(
      `INSERT INTO tasks.task_completions (task_id, idempotency_key, actor, actor_name, result)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT ON CONSTRAINT pk_task_completions DO NOTHING`,
      [task.id, idempotencyKey, decided.actor.username, decided.actor.name, JSON.stringify(result)],
    );
    await appendHistory(sql, {
      taskId: task.id,
      actor: decided.actor.username,
      actorName: decided.actor.name,
      action: decisionAction(decided.decision),
      decision: decided.decision,
      comment: decided.comment || null,
      changes: {
        step: task.step,
        data: decided.data,
        attachments: decided.attachments,
        ...(recordedBy === 'workflow' ? { recordedBy } : {}),
      },
      dedupeKey: 'completed',
    });
  }

  async remindTask(req: RemindTaskRequest): Promise<void> {
    await this.afterCommit(
      inTransaction(this.ds, async (sql) => {
        const task = await loadTaskByKey(sql, req.workflowId, req.taskKey, { lock: true });
        if (!task || task.status === 'closed') return { result: undefined, notices: [] };
        const marker = `remind:${req.seq}`;
        const seen = await sql.one(
          `SELECT 1 FROM tasks.task_history WHERE task_id = $1 AND dedupe_key = $2`,
          [task.id, marker],
        );
        if (seen) return { result: undefined, notices: [] };

        let candidates = await loadCandidates(sql, task.id);
        let action: 'reminded' | 'breached' | 'escalated' = 'reminded';
        const changes: Record<string, unknown> = { kind: req.kind, seq: req.seq };
        const targets = audience(task, candidates);
        switch (req.kind) {
          case 'reminder':
            break;
          case 'overdue':
            if (await recordBreach(sql, task.id, 'completion', task.dueAt ?? new Date())) {
              action = 'breached';
              changes['dueAt'] = task.dueAt?.toISOString() ?? null;
            }
            break;
          case 'escalation': {
            const added = await addCandidates(sql, task.id, req.escalateTo ?? []);
            candidates = await loadCandidates(sql, task.id);
            action = 'escalated';
            changes['candidatesAdded'] = added;
            for (const c of req.escalateTo ?? [])
              if (!targets.some((t) => recipientKey(t) === recipientKey(c))) targets.push(c);
            break;
          }
        }
        await appendHistory(sql, {
          taskId: task.id,
          actor: 'system',
          action,
          comment: req.messageZh,
          changes,
          dedupeKey: marker,
        });
        const notices = await writeInApp(
          sql,
          targets.map((to) => ({
            idempotencyKey: `remind:${task.id}:${req.seq}:${recipientKey(to)}`,
            kind: req.kind,
            taskId: task.id,
            to: 'username' in to ? to : { role: to.role, orgUnitCode: to.orgUnitCode },
            messageZh: req.messageZh,
            messageEn: req.messageEn,
          })),
        );
        this.logger.debug({ msg: 'task reminder', taskId: task.id, kind: req.kind, seq: req.seq });
        return { result: undefined, notices };
      }),
    );
  }
}
