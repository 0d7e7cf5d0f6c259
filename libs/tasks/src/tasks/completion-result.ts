import type { TaskDecisionPayload } from '@zhiben/contracts';

/** The response of a completed task, stored so that a replay with the same key returns it again. */
export interface CompletionResult {
  taskId: string;
  taskKey: string | null;
  status: 'closed';
  outcome: 'completed';
  decision: string;
  comment: string;
  completedBy: { username: string; name: string };
  completedAt: string;
}

export function completionResult(
  task: { id: string; taskKey: string | null },
  decided: Pick<TaskDecisionPayload, 'decision' | 'comment' | 'actor' | 'decidedAt'>,
): CompletionResult {
  return {
    taskId: task.id,
    taskKey: task.taskKey,
    status: 'closed',
    outcome: 'completed',
    decision: decided.decision,
    comment: decided.comment,
    completedBy: { username: decided.actor.username, name: decided.actor.name },
    completedAt: decided.decidedAt,
  };
}

/** The history action a decision records: 退回 is a decision, but the trail names it. */
export function decisionAction(decision: string): 'returned' | 'completed' {
  return decision === 'return' ? 'returned' : 'completed';
}
