import { Injectable } from '@nestjs/common';
import type { CampaignWorkflowInput } from '@zhiben/contracts';
import { OutboxWorkflowStarter } from '@zhiben/temporal-client';
import { DataSource } from 'typeorm';
import { CampaignEntity } from '../entities';
import { table } from '../schema';
import { CampaignWorkflowGateway } from './campaign-workflow.gateway';

type CampaignRow = Pick<CampaignEntity, 'id' | 'workflowStartedAt' | 'workflowInput'>;

/**
 * Outbox for `campaign` workflow starts: submission stores the workflow input first and starts the
 * workflow after the commit; failed starts are retried (see OutboxWorkflowStarter). The workflow id
 * derives from the campaign id.
 */
@Injectable()
export class CampaignWorkflowStarter extends OutboxWorkflowStarter<CampaignWorkflowInput, CampaignRow> {
  constructor(
    ds: DataSource,
    private readonly gateway: CampaignWorkflowGateway,
  ) {
    super(ds, 'campaign', table('campaigns'));
  }

  protected start(input: CampaignWorkflowInput, timeoutMs?: number) {
    return this.gateway.start(input, timeoutMs);
  }

  protected pending(olderThan: Date, limit: number): Promise<CampaignRow[]> {
    return this.ds
      .getRepository(CampaignEntity)
      .createQueryBuilder('c')
      .select(['c.id', 'c.workflowStartedAt', 'c.workflowInput'])
      .where('c.workflow_started_at IS NULL AND c.submitted_at IS NOT NULL')
      .andWhere('c.submitted_at < :olderThan', { olderThan })
      .orderBy('c.submitted_at', 'ASC')
      .take(limit)
      .getMany();
  }
}
