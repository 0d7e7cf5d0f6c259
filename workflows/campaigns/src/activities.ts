import { proxyActivities } from '@temporalio/workflow';
import {
  TASK_QUEUES,
  type CampaignsPort,
  type EnforcementFiguresPort,
  type HazardFiguresPort,
} from '@zhiben/contracts/workflow';

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

/**
 * enforcement-service: the enforcement rows of the pre-fill (read-only). Bounded by a schedule-to-close
 * timeout so a deployment without enforcement-service still opens the report (those rows by hand).
 */
export const enforcementFigures = proxyActivities<EnforcementFiguresPort>({
  taskQueue: TASK_QUEUES.enforcement,
  startToCloseTimeout: '1 minute',
  scheduleToCloseTimeout: '5 minutes',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});
