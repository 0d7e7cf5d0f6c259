import { proxyActivities } from '@temporalio/workflow';
import { TASK_QUEUES, type CampaignsPort, type HazardFiguresPort } from '@zhiben/contracts/workflow';

/** campaigns-service: idempotent by eventKey / reportId, so retrying until the service is back is safe. */
export const campaigns = proxyActivities<CampaignsPort>({
  taskQueue: TASK_QUEUES.campaigns,
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/** hazards-service: the ledger figures a dispatch form is pre-filled with (read-only). */
export const hazardFigures = proxyActivities<HazardFiguresPort>({
  taskQueue: TASK_QUEUES.hazards,
  startToCloseTimeout: '1 minute',
  retry: {
    initialInterval: '1 second',
    backoffCoefficient: 2,
    maximumInterval: '1 minute',
    maximumAttempts: 5,
  },
});
