import { proxyActivities } from '@temporalio/workflow';
import { TASK_QUEUES, type AuthorityPort, type HazardsPort } from '@zhiben/contracts/workflow';

/**
 * `describeOrgUnit` on directory-service (the same activity workflows/platform declares). Only used
 * to print unit names in timeline texts, so a failure falls back to the unit code.
 */
export interface OrgUnitNamesPort {
  describeOrgUnit(input: { code: string }): Promise<{ code: string; name: string; kind: string } | null>;
}

/** Ledger activities: idempotent by eventKey, so retrying until hazards-service is back is safe. */
export const hazards = proxyActivities<HazardsPort>({
  taskQueue: TASK_QUEUES.hazards,
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/** Who lists and who signs off a close-out comes from org data; the workflow waits for it. */
export const authorities = proxyActivities<AuthorityPort>({
  taskQueue: TASK_QUEUES.directory,
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

export const orgNames = proxyActivities<OrgUnitNamesPort>({
  taskQueue: TASK_QUEUES.directory,
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '1 second', maximumAttempts: 3 },
});
