import { defineQuery, defineUpdate } from '@temporalio/workflow';
import {
  OPEN_TASKS_QUERY,
  TASK_DECIDE_UPDATE,
  type OpenTaskInfo,
  type TaskDecisionPayload,
  type TaskDecisionResult,
} from '@zhiben/contracts/workflow';

/** Sent by the tasks service when an authorised official completes a task (validator first). */
export const decideUpdate = defineUpdate<TaskDecisionResult, [TaskDecisionPayload]>(TASK_DECIDE_UPDATE);

/** The workflow's open human tasks and the decisions each allows. */
export const openTasksQuery = defineQuery<OpenTaskInfo[]>(OPEN_TASKS_QUERY);
