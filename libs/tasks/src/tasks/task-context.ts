import type { Principal } from '@zhiben/auth';
import { DomainException } from '@zhiben/platform';
import { canView, type TaskAccessFacts } from '../access/task-access';
import type { Sql } from '../store/sql';
import { loadCandidates, loadTask, loadWatchers, type TaskRow } from '../store/task.store';

export interface TaskContext {
  task: TaskRow;
  facts: TaskAccessFacts;
}

/**
 * Loads a task with what the permission rules need, or fails: 404 when it does not exist, 403
 * OUT_OF_JURISDICTION when the caller may not see it (without revealing anything about it).
 */
export async function loadVisibleTask(
  sql: Sql,
  p: Principal,
  id: string,
  opts: { lock?: boolean } = {},
): Promise<TaskContext> {
  const task = await loadTask(sql, id, opts);
  if (!task) throw DomainException.notFound('task', id);
  const candidates = await loadCandidates(sql, id);
  const watchers = await loadWatchers(sql, id);
  const facts: TaskAccessFacts = {
    status: task.status,
    orgUnitCode: task.orgUnitCode,
    assignee: task.assignee,
    owner: task.owner,
    delegatedFrom: task.delegatedFrom,
    candidates,
    watchers,
  };
  if (!canView(p, facts)) {
    throw new DomainException('OUT_OF_JURISDICTION', {
      detail: `task ${id} is not visible to ${p.username}`,
    });
  }
  return { task, facts };
}

/** `2026-11-25 18:30` Beijing time, for messages people read. */
export function beijingMinute(d: Date): string {
  return new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}
