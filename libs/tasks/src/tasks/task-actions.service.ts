import { Injectable } from '@nestjs/common';
import type { Principal } from '@zhiben/auth';
import type { TaskDecisionPayload } from '@zhiben/contracts';
import { DomainException } from '@zhiben/platform';
import { createHash } from 'node:crypto';
import { DataSource, QueryFailedError } from 'typeorm';
import { allowedActions, isCandidate } from '../access/task-access';
import { TasksActivities } from '../activities/tasks.activities';
import { writeInApp } from '../notifications/in-app.channel';
import { NotificationChannelRegistry, type NotificationMessage } from '../notifications/notification-channel';
import { inTransaction, type Sql } from '../store/sql';
import { appendHistory, recordLateReaction, type TaskRow } from '../store/task.store';
import { completionResult, type CompletionResult } from './completion-result';
import { beijingMinute, loadVisibleTask, type TaskContext } from './task-context';
import { TaskDecider } from './task-decider';
import type { CommentView } from './task-query.service';
import { recipientKey, taskNotice } from './task-notices';

/** The task's holder fields after a change, as every action answers. */
export interface TaskSummary {
  id: string;
  status: string;
  assignee: string | null;
  owner: string | null;
  delegatedFrom: string | null;
  version: number;
}

export interface CompleteCommand {
  decision: string;
  comment: string;
  data: Record<string, unknown>;
  attachments: string[];
  idempotencyKey?: string;
}

const OUTCOME_ZH: Record<string, string> = {
  completed: '办结',
  cancelled: '撤销',
  expired: '超期关闭',
  superseded: '被替代',
};

const forbidden = (zh: string, en: string) =>
  new DomainException('FORBIDDEN', { detail: en, messageZh: zh, messageEn: en });
const conflict = (zh: string, en: string) =>
  new DomainException('CONFLICT', { detail: en, messageZh: zh, messageEn: en });

function isLockTimeout(e: unknown): boolean {
  return e instanceof QueryFailedError && (e.driverError as { code?: string } | undefined)?.code === '55P03';
}

/** Same caller, same content → same key, when the client sends none (a double click replays). */
export function derivedIdempotencyKey(username: string, cmd: CompleteCommand): string {
  const digest = createHash('sha256')
    .update(JSON.stringify([username, cmd.decision, cmd.comment, cmd.data, cmd.attachments]))
    .digest('hex');
  return `auto-${digest.slice(0, 40)}`;
}

/**
 * Every change to a task, each in one transaction with the task row locked (SELECT … FOR UPDATE), so
 * concurrent officials serialize and the loser sees the winner's result.
 */
@Injectable()
export class TaskActionsService {
  constructor(
    private readonly ds: DataSource,
    private readonly decider: TaskDecider,
    private readonly activities: TasksActivities,
    private readonly channels: NotificationChannelRegistry,
  ) {}

  private async mutate<T>(
    p: Principal,
    id: string,
    fn: (sql: Sql, ctx: TaskContext) => Promise<{ result: T; notices?: NotificationMessage[] }>,
  ): Promise<T> {
    let out: { result: T; notices?: NotificationMessage[] };
    try {
      out = await inTransaction(this.ds, async (sql) => {
        await sql.exec(`SET LOCAL lock_timeout = '30s'`);
        return fn(sql, await loadVisibleTask(sql, p, id, { lock: true }));
      });
    } catch (e) {
      if (isLockTimeout(e)) {
        throw conflict(
          '该任务正被他人办理，请稍后刷新重试',
          'Someone else is acting on this task; reload and retry',
        );
      }
      throw e;
    }
    await this.channels.dispatch(out.notices ?? []);
    return out.result;
  }

  /** 409 for a closed task, naming who completed it and when. */
  private async closedConflict(sql: Sql, task: TaskRow): Promise<DomainException> {
    if (task.outcome === 'completed') {
      const done = await sql.one<{ actor: string; actorName: string | null }>(
        `SELECT actor, actor_name AS "actorName" FROM tasks.task_completions WHERE task_id = $1`,
        [task.id],
      );
      const username = done?.actor ?? task.completedBy ?? '?';
      const name = done?.actorName ?? username;
      const at = task.completedAt ?? task.closedAt ?? new Date();
      return new DomainException('CONFLICT', {
        detail: `task ${task.id} already completed by ${username} at ${at.toISOString()}`,
        messageZh: `该任务已由 ${name}（${username}）于 ${beijingMinute(at)} 办理（${task.decision ?? ''}），不能重复办理`,
        messageEn: `This task was already completed by ${name} (${username}) at ${at.toISOString()} (decision: ${task.decision ?? ''})`,
      });
    }
    const outcome = task.outcome ?? 'closed';
    return conflict(
      `该任务已${OUTCOME_ZH[outcome] ?? '关闭'}，不能再办理`,
      `This task is ${outcome} and can no longer be acted on`,
    );
  }

  private async assertActive(sql: Sql, task: TaskRow): Promise<void> {
    if (task.status === 'closed') throw await this.closedConflict(sql, task);
  }

  private async setHolder(
    sql: Sql,
    taskId: string,
    h: { assignee: string | null; owner: string | null; delegatedFrom: string | null; claim?: boolean },
  ): Promise<TaskSummary> {
    return (await sql.one<TaskSummary>(
      `UPDATE tasks.tasks SET assignee = $2, owner = $3, delegated_from = $4,
              status = CASE WHEN $2::text IS NULL THEN 'open' ELSE 'claimed' END,
              claimed_at = CASE WHEN $5 THEN coalesce(claimed_at, now()) ELSE claimed_at END,
              version = version + 1, updated_at = now()
        WHERE id = $1
        RETURNING id, status, assignee, owner, delegated_from AS "delegatedFrom", version`,
      [taskId, h.assignee, h.owner, h.delegatedFrom, h.claim ?? false],
    ))!;
  }

  private notify(
    sql: Sql,
    kind: 'assigned' | 'transferred' | 'delegated' | 'resolved',
    task: TaskRow,
    to: string,
    p: Principal,
  ) {
    return writeInApp(sql, [
      taskNotice(kind, task, { username: to }, `${kind}:${task.id}:${task.version + 1}:u:${to}`, p.name),
    ]);
  }

  async claim(p: Principal, id: string): Promise<TaskSummary> {
    return this.mutate(p, id, async (sql, { task, facts }) => {
      await this.assertActive(sql, task);
      if (task.assignee === p.username) {
        const { id: tid, status, assignee, owner, delegatedFrom, version } = task;
        return { result: { id: tid, status, assignee, owner, delegatedFrom, version } };
      }
      if (task.assignee !== null) {
        throw conflict(
          `该任务已由 ${task.assignee} 认领`,
          `This task was already claimed by ${task.assignee}`,
        );
      }
      if (!isCandidate(p, facts.candidates)) {
        throw forbidden(
          '您不在该任务的候选范围内，不能认领',
          'You are not a candidate for this task and cannot claim it',
        );
      }
      await recordLateReaction(sql, task, new Date());
      const result = await this.setHolder(sql, id, {
        assignee: p.username,
        owner: p.username,
        delegatedFrom: null,
        claim: true,
      });
      await appendHistory(sql, { taskId: id, actor: p.username, actorName: p.name, action: 'claimed' });
      return { result };
    });
  }

  async unclaim(p: Principal, id: string): Promise<TaskSummary> {
    return this.mutate(p, id, async (sql, { task, facts }) => {
      await this.assertActive(sql, task);
      if (!allowedActions(p, facts).unclaim) {
        if (task.assignee === p.username) {
          throw conflict(
            '委派中的任务须先交还委派人',
            'A delegated task must first be resolved back to its owner',
          );
        }
        throw forbidden('只有当前办理人可以取消认领', 'Only the current assignee can unclaim this task');
      }
      const result = await this.setHolder(sql, id, { assignee: null, owner: null, delegatedFrom: null });
      await appendHistory(sql, { taskId: id, actor: p.username, actorName: p.name, action: 'unclaimed' });
      return { result };
    });
  }

  async assign(p: Principal, id: string, body: { username: string; comment?: string }): Promise<TaskSummary> {
    return this.mutate(p, id, async (sql, { task, facts }) => {
      await this.assertActive(sql, task);
      if (!allowedActions(p, facts).assign) {
        throw forbidden(
          '只有任务所有人或辖区内的领导、督办人员、管理员可以分派',
          'Only the task owner or a leader, ops or admin of its jurisdiction can assign it',
        );
      }
      const result = await this.setHolder(sql, id, {
        assignee: body.username,
        owner: body.username,
        delegatedFrom: null,
      });
      await appendHistory(sql, {
        taskId: id,
        actor: p.username,
        actorName: p.name,
        action: 'assigned',
        comment: body.comment ?? null,
        changes: { assignee: { from: task.assignee, to: body.username } },
      });
      return { result, notices: await this.notify(sql, 'assigned', task, body.username, p) };
    });
  }

  /** 转办: the new user becomes assignee and owner. */
  async transfer(
    p: Principal,
    id: string,
    body: { username: string; comment: string },
  ): Promise<TaskSummary> {
    return this.mutate(p, id, async (sql, { task, facts }) => {
      await this.assertActive(sql, task);
      if (!allowedActions(p, facts).transfer) {
        throw forbidden(
          '只有当前办理人或辖区内的领导、督办人员、管理员可以转办（委派中的任务须先交还）',
          'Only the current assignee or a leader, ops or admin of its jurisdiction can transfer it (a delegated task must be resolved first)',
        );
      }
      if (body.username === task.assignee) {
        throw DomainException.field(
          'username',
          '不能转办给当前办理人',
          'Cannot transfer to the current assignee',
        );
      }
      const result = await this.setHolder(sql, id, {
        assignee: body.username,
        owner: body.username,
        delegatedFrom: null,
      });
      await appendHistory(sql, {
        taskId: id,
        actor: p.username,
        actorName: p.name,
        action: 'transferred',
        comment: body.comment,
        changes: {
          assignee: { from: task.assignee, to: body.username },
          owner: { from: task.owner, to: body.username },
        },
      });
      return { result, notices: await this.notify(sql, 'transferred', task, body.username, p) };
    });
  }

  /** 委派: the delegate acts and resolves; the task then returns to its owner for completion. */
  async delegate(
    p: Principal,
    id: string,
    body: { username: string; comment: string },
  ): Promise<TaskSummary> {
    return this.mutate(p, id, async (sql, { task, facts }) => {
      await this.assertActive(sql, task);
      if (!allowedActions(p, facts).delegate) {
        throw forbidden('只有当前办理人可以委派', 'Only the current assignee can delegate this task');
      }
      if (body.username === p.username) {
        throw DomainException.field('username', '不能委派给自己', 'Cannot delegate to yourself');
      }
      const result = await this.setHolder(sql, id, {
        assignee: body.username,
        owner: task.owner ?? p.username,
        delegatedFrom: p.username,
      });
      await appendHistory(sql, {
        taskId: id,
        actor: p.username,
        actorName: p.name,
        action: 'delegated',
        comment: body.comment,
        changes: { assignee: { from: task.assignee, to: body.username }, owner: task.owner ?? p.username },
      });
      return { result, notices: await this.notify(sql, 'delegated', task, body.username, p) };
    });
  }

  /** The delegate hands the task back to its owner. */
  async resolve(p: Principal, id: string, body: { comment: string }): Promise<TaskSummary> {
    return this.mutate(p, id, async (sql, { task, facts }) => {
      await this.assertActive(sql, task);
      if (!allowedActions(p, facts).resolve) {
        throw forbidden(
          '只有受委派人可以交还任务',
          'Only the delegate can resolve this task back to its owner',
        );
      }
      const owner = task.owner ?? task.delegatedFrom!;
      const result = await this.setHolder(sql, id, { assignee: owner, owner, delegatedFrom: null });
      await appendHistory(sql, {
        taskId: id,
        actor: p.username,
        actorName: p.name,
        action: 'resolved',
        comment: body.comment,
        changes: { assignee: { from: p.username, to: owner } },
      });
      return { result, notices: await this.notify(sql, 'resolved', task, owner, p) };
    });
  }

  async comment(p: Principal, id: string, body: string): Promise<CommentView> {
    return this.mutate(p, id, async (sql, { task }) => {
      const row = (await sql.one<{ id: string; createdAt: Date }>(
        `INSERT INTO tasks.task_comments (task_id, author, author_name, body) VALUES ($1, $2, $3, $4)
         RETURNING id, created_at AS "createdAt"`,
        [id, p.username, p.name, body],
      ))!;
      await appendHistory(sql, {
        taskId: id,
        actor: p.username,
        actorName: p.name,
        action: 'commented',
        comment: body,
        changes: { commentId: row.id },
      });
      const holders = [task.assignee, task.owner].filter((u): u is string => !!u && u !== p.username);
      const notices = await writeInApp(
        sql,
        [...new Set(holders)].map((u) =>
          taskNotice(
            'commented',
            task,
            { username: u },
            `comment:${row.id}:${recipientKey({ username: u })}`,
            p.name,
          ),
        ),
      );
      return {
        result: {
          id: row.id,
          author: p.username,
          authorName: p.name,
          body,
          createdAt: row.createdAt.toISOString(),
        },
        notices,
      };
    });
  }

  async watch(p: Principal, id: string, on: boolean): Promise<{ watching: boolean }> {
    return this.mutate(p, id, async (sql) => {
      const changed = on
        ? await sql.exec(
            `INSERT INTO tasks.task_watchers (task_id, username) VALUES ($1, $2)
             ON CONFLICT ON CONSTRAINT pk_task_watchers DO NOTHING`,
            [id, p.username],
          )
        : await sql.exec(`DELETE FROM tasks.task_watchers WHERE task_id = $1 AND username = $2`, [
            id,
            p.username,
          ]);
      if (changed > 0) {
        await appendHistory(sql, {
          taskId: id,
          actor: p.username,
          actorName: p.name,
          action: on ? 'watched' : 'unwatched',
        });
      }
      return { result: { watching: on } };
    });
  }

  /**
   * 办理: sends the decision to the workflow as a Temporal Update while holding the task row, and
   * records the completion in the same transaction once the workflow accepted it. Replays with the
   * same idempotency key return the stored result; anyone else gets 409 naming who completed it.
   */
  async complete(
    p: Principal,
    id: string,
    cmd: CompleteCommand,
  ): Promise<{ result: CompletionResult; replayed: boolean }> {
    const key = cmd.idempotencyKey ?? derivedIdempotencyKey(p.username, cmd);
    return this.mutate<{ result: CompletionResult; replayed: boolean }>(
      p,
      id,
      async (sql, { task, facts }) => {
        if (task.status === 'closed') {
          const done = await sql.one<{ idempotencyKey: string; actor: string; result: CompletionResult }>(
            `SELECT idempotency_key AS "idempotencyKey", actor, result FROM tasks.task_completions WHERE task_id = $1`,
            [id],
          );
          if (done && done.idempotencyKey === key && done.actor === p.username) {
            return { result: { result: done.result, replayed: true } };
          }
          throw await this.closedConflict(sql, task);
        }
        if (!allowedActions(p, facts).complete) {
          if (task.delegatedFrom !== null) {
            throw conflict(
              '任务委派中：须由受委派人交还后，由任务所有人办理',
              'The task is delegated: the delegate must resolve it back to the owner, who then completes it',
            );
          }
          if (task.assignee !== null && task.assignee !== p.username) {
            throw conflict(`该任务由 ${task.assignee} 办理中`, `This task is held by ${task.assignee}`);
          }
          throw forbidden(
            '您不是该任务的办理人或候选人',
            'You are neither the assignee nor a candidate of this task',
          );
        }
        if (cmd.attachments.length > 0) {
          const found = await sql.rows<{ id: string }>(
            `SELECT id FROM tasks.task_attachments WHERE task_id = $1 AND id = ANY($2::uuid[])`,
            [id, cmd.attachments],
          );
          if (found.length !== new Set(cmd.attachments).size) {
            throw DomainException.field(
              'attachments',
              '附件不属于该任务',
              'An attachment does not belong to this task',
            );
          }
        }
        if (!task.taskKey) {
          throw conflict(
            '该任务不属于任何流程，不能办理',
            'This task belongs to no process and cannot be completed',
          );
        }
        const payload: TaskDecisionPayload = {
          taskId: task.id,
          taskKey: task.taskKey,
          decision: cmd.decision,
          comment: cmd.comment,
          data: cmd.data,
          attachments: cmd.attachments,
          actor: { username: p.username, name: p.name, orgUnitCode: p.orgUnitCode },
          decidedAt: new Date().toISOString(),
          requestId: key,
        };
        const outcome = await this.decider.decide(task.workflowId, payload, `${task.id}:${key}`);
        switch (outcome.kind) {
          case 'accepted':
            break;
          case 'gone':
            throw conflict(
              '该任务所属流程已结束，不能再办理',
              'The process this task belongs to has ended; the task can no longer be completed',
            );
          case 'rejected': {
            const r = outcome.rejection;
            if (r.type === 'TaskNotOpen') {
              throw new DomainException('CONFLICT', {
                detail: r.messageEn,
                messageZh: r.messageZh,
                messageEn: r.messageEn,
              });
            }
            throw new DomainException('VALIDATION_FAILED', {
              detail: r.messageEn,
              messageZh: r.messageZh,
              messageEn: r.messageEn,
              errors: [{ path: r.field ?? 'decision', messageZh: r.messageZh, messageEn: r.messageEn }],
            });
          }
        }
        await this.activities.recordCompletion(sql, task, payload, key, 'api');
        return { result: { result: completionResult(task, payload), replayed: false } };
      },
    );
  }
}
