/** Temporal task queues: one per context that hosts activities, one for workflow code. */
export const TASK_QUEUES = {
  workflows: 'zhiben-workflows',
  directory: 'zhiben-directory',
  tasks: 'zhiben-tasks',
  hazards: 'zhiben-hazards',
  campaigns: 'zhiben-campaigns',
  enforcement: 'zhiben-enforcement',
  tipline: 'zhiben-tipline',
} as const;

export type TaskQueue = (typeof TASK_QUEUES)[keyof typeof TASK_QUEUES];
