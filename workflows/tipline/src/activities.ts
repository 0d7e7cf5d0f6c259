import { proxyActivities } from '@temporalio/workflow';
import { TASK_QUEUES, type TiplinePort } from '@zhiben/contracts/workflow';

/**
 * tipline-service's activities (the tip's read model and timeline, the reward record, the linked hazard or
 * enforcement case, notices to the reporter). All idempotent by eventKey, so retrying until the service
 * is back is safe; a request the service refuses for good (e.g. hazards-service rejects the draft) is a
 * non-retryable `ApplicationFailure`.
 */
export const tipline = proxyActivities<TiplinePort>({
  taskQueue: TASK_QUEUES.tipline,
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});
