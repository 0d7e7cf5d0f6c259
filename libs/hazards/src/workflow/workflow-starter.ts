import { Injectable } from '@nestjs/common';
import type { MajorHazardWorkflowInput } from '@zhiben/contracts';
import { OutboxWorkflowStarter } from '@zhiben/temporal-client';
import { DataSource, IsNull, LessThan } from 'typeorm';
import { HazardEntity } from '../entities';
import { table } from '../schema';
import { HazardWorkflowGateway } from './hazard-workflow.gateway';

type HazardRow = Pick<HazardEntity, 'id' | 'workflowStartedAt' | 'workflowInput'>;

/**
 * The hazard ledger's outbox for `majorHazardRectification` starts: registration stores the hazard with
 * its workflow input first and starts the workflow after the commit; failed starts are retried (see
 * OutboxWorkflowStarter). The workflow id derives from the hazard id.
 */
@Injectable()
export class WorkflowStarter extends OutboxWorkflowStarter<MajorHazardWorkflowInput, HazardRow> {
  constructor(
    ds: DataSource,
    private readonly gateway: HazardWorkflowGateway,
  ) {
    super(ds, 'hazard', table('hazards'));
  }

  protected start(input: MajorHazardWorkflowInput, timeoutMs?: number) {
    return this.gateway.start(input, timeoutMs);
  }

  protected pending(olderThan: Date, limit: number): Promise<HazardRow[]> {
    return this.ds.getRepository(HazardEntity).find({
      select: { id: true, workflowStartedAt: true, workflowInput: true },
      where: { workflowStartedAt: IsNull(), createdAt: LessThan(olderThan) },
      order: { createdAt: 'ASC' },
      take: limit,
    });
  }
}
