import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CampaignEntity } from '../entities';
import { table } from '../schema';
import { CampaignWorkflowGateway } from './campaign-workflow.gateway';

const SWEEP_EVERY_MS = 30_000;

/**
 * Outbox for `campaign` workflow starts (like the hazard ledger's): submission stores the workflow input
 * first and starts the workflow after the commit; a failed start is retried on boot, every 30 s and when
 * the campaign is opened. The workflow id is derived from the campaign id, so a repeated start is a no-op.
 */
@Injectable()
export class CampaignWorkflowStarter implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('CampaignWorkflowStarter');
  private timer?: NodeJS.Timeout;
  private sweeping?: Promise<number>;

  constructor(
    private readonly ds: DataSource,
    private readonly gateway: CampaignWorkflowGateway,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep(), SWEEP_EVERY_MS);
    this.timer.unref();
    void this.sweep();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.sweeping?.catch(() => undefined);
  }

  async ensureStarted(
    c: Pick<CampaignEntity, 'id' | 'workflowStartedAt' | 'workflowInput'>,
    timeoutMs?: number,
  ): Promise<boolean> {
    if (c.workflowStartedAt) return true;
    if (!c.workflowInput) return false;
    try {
      const outcome = await this.gateway.start(c.workflowInput, timeoutMs);
      const now = new Date();
      await this.ds.query(
        `UPDATE ${table('campaigns')} SET workflow_started_at = $2, workflow_start_error = NULL,
           workflow_start_attempts = workflow_start_attempts + 1
         WHERE id = $1 AND workflow_started_at IS NULL`,
        [c.id, now],
      );
      c.workflowStartedAt = now;
      this.logger.log({ msg: 'campaign workflow started', campaignId: c.id, outcome });
      return true;
    } catch (e) {
      await this.ds.query(
        `UPDATE ${table('campaigns')} SET workflow_start_error = $2,
           workflow_start_attempts = workflow_start_attempts + 1 WHERE id = $1`,
        [c.id, String(e).slice(0, 1000)],
      );
      this.logger.warn({
        msg: 'campaign workflow start failed; will retry',
        campaignId: c.id,
        error: String(e),
      });
      return false;
    }
  }

  sweep(): Promise<number> {
    this.sweeping ??= this.sweepOnce().finally(() => (this.sweeping = undefined));
    return this.sweeping;
  }

  private async sweepOnce(): Promise<number> {
    let started = 0;
    try {
      const pending = await this.ds
        .getRepository(CampaignEntity)
        .createQueryBuilder('c')
        .select(['c.id', 'c.workflowStartedAt', 'c.workflowInput'])
        .where('c.workflow_started_at IS NULL AND c.submitted_at IS NOT NULL')
        .andWhere("c.submitted_at < now() - interval '5 seconds'")
        .orderBy('c.submitted_at', 'ASC')
        .take(50)
        .getMany();
      for (const c of pending) if (await this.ensureStarted(c)) started++;
    } catch (e) {
      this.logger.warn({ msg: 'campaign workflow start sweep failed', error: String(e) });
    }
    return started;
  }
}
