import { proxyActivities } from '@temporalio/workflow';
import { TASK_QUEUES, type EnforcementPort } from '@zhiben/contracts/workflow';

/**
 * enforcement-service's activities (case and referral read models, timeline, actions, the referral
 * board's deadlines). All idempotent by eventKey, so retrying until the service is back is safe.
 */
export const enforcement = proxyActivities<EnforcementPort>({
  taskQueue: TASK_QUEUES.enforcement,
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});
