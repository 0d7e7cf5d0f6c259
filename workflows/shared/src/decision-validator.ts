import type { DecisionOption, TaskDecisionPayload, TaskDecisionRejection } from '@zhiben/contracts/workflow';

/** A human task the workflow is waiting on. */
export interface OpenTaskState {
  taskKey: string;
  /** Known once openTask returned; an Update may arrive before that and is checked by key only. */
  taskId: string | null;
  step: string;
  decisions: DecisionOption[];
  decided?: TaskDecisionPayload;
  /**
   * The task completes only through this workflow Update (e.g. a package submission the service
   * validates first), never through the generic decide Update.
   */
  completedThrough?: string;
}

function labels(decisions: readonly DecisionOption[], lang: 'zh' | 'en'): string {
  return decisions
    .map((d) => (lang === 'zh' ? `${d.labelZh}（${d.code}）` : `${d.labelEn} (${d.code})`))
    .join(lang === 'zh' ? '、' : ', ');
}

/**
 * Why the decide Update must be rejected, or null to accept it. Pure: the Update validator throws
 * what this returns, and unit tests call it directly.
 */
export function validateDecision(
  task: OpenTaskState | undefined,
  payload: Partial<TaskDecisionPayload> | undefined,
): TaskDecisionRejection | null {
  const key = typeof payload?.taskKey === 'string' ? payload.taskKey : '';
  if (
    !task ||
    task.decided !== undefined ||
    (task.taskId !== null &&
      typeof payload?.taskId === 'string' &&
      // An empty id: the caller saw the task while it was still being opened; the key identifies it.
      payload.taskId !== '' &&
      payload.taskId !== task.taskId)
  ) {
    return {
      type: 'TaskNotOpen',
      messageZh: `任务「${key}」当前不在办理中（可能已办结、已撤销或已超期关闭）`,
      messageEn: `Task "${key}" is not open in this process (it may have been completed, cancelled or closed as overdue)`,
    };
  }
  const decision = typeof payload?.decision === 'string' ? payload.decision : '';
  if (task.completedThrough) {
    return {
      type: 'DecisionNotAllowed',
      field: 'decision',
      messageZh: `「${task.step}」环节须通过专门的提交功能办理，不能直接办结`,
      messageEn: `Step "${task.step}" is completed through its own submission (${task.completedThrough}), not by a decision`,
    };
  }
  const option = task.decisions.find((d) => d.code === decision);
  if (!option) {
    return {
      type: 'DecisionNotAllowed',
      field: 'decision',
      messageZh: `「${task.step}」环节不允许办理结果「${decision}」，可选：${labels(task.decisions, 'zh')}`,
      messageEn: `Decision "${decision}" is not allowed at step "${task.step}"; allowed: ${labels(task.decisions, 'en')}`,
    };
  }
  const comment = typeof payload?.comment === 'string' ? payload.comment.trim() : '';
  if (option.requiresComment && comment.length === 0) {
    return {
      type: 'CommentRequired',
      field: 'comment',
      messageZh: `办理结果「${option.labelZh}」须填写审批意见`,
      messageEn: `A comment (审批意见) is required for "${option.labelEn}"`,
    };
  }
  return null;
}
