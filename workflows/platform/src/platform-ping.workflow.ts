import { TASK_QUEUES } from '@zhiben/contracts/workflow';
import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { DirectoryPort } from './ports';

const directory = proxyActivities<DirectoryPort>({
  taskQueue: TASK_QUEUES.directory,
  startToCloseTimeout: '10 seconds',
  retry: { maximumAttempts: 5, initialInterval: '1 second' },
});

export interface PlatformPingInput {
  orgUnitCode: string;
}

export interface PlatformPingResult {
  workflowId: string;
  orgUnit: { code: string; name: string; kind: string } | null;
}

/**
 * Smoke workflow: proves the worker bundles workflow code and reaches a service's activity
 * queue through Temporal.
 */
export async function platformPing(input: PlatformPingInput): Promise<PlatformPingResult> {
  const orgUnit = await directory.describeOrgUnit({ code: input.orgUnitCode });
  return { workflowId: workflowInfo().workflowId, orgUnit };
}
