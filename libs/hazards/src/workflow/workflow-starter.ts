import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource, IsNull, LessThan } from 'typeorm';
import { HazardEntity } from '../entities';
import { HazardWorkflowGateway } from './hazard-workflow.gateway';

const SWEEP_EVERY_MS = 30_000;

/**
 * Outbox for workflow starts. Registration stores the hazard (with its workflow input) first and starts
 * the workflow after the commit; a start that fails is retried here — on boot, every 30 s, and when
 * someone opens the hazard. The workflow id is derived from the hazard id, so a repeated start is a no-op.
 */
@Injectable()
export class WorkflowStarter implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('WorkflowStarter');
  private timer?: NodeJS.Timeout;
  private sweeping?: Promise<number>;

  constructor(
    private readonly ds: DataSource,
    private readonly gateway: HazardWorkflowGateway,
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

  /** Starts the hazard's workflow if it has not been; true once it is known to be started. */
  async ensureStarted(
    hazard: Pick<HazardEntity, 'id' | 'workflowStartedAt' | 'workflowInput'>,
    timeoutMs?: number,
  ): Promise<boolean> {
    if (hazard.workflowStartedAt) return true;
    const repo = this.ds.getRepository(HazardEntity);
    try {
      const outcome = await this.gateway.start(hazard.workflowInput, timeoutMs);
      const now = new Date();
      await repo
        .createQueryBuilder()
        .update()
        .set({
          workflowStartedAt: now,
          workflowStartError: null,
          workflowStartAttempts: () => 'workflow_start_attempts + 1',
        })
        .where('id = :id AND workflow_started_at IS NULL', { id: hazard.id })
        .execute();
      hazard.workflowStartedAt = now;
      this.logger.log({ msg: 'hazard workflow started', hazardId: hazard.id, outcome });
      return true;
    } catch (e) {
      await repo
        .createQueryBuilder()
        .update()
        .set({
          workflowStartError: String(e).slice(0, 1000),
          workflowStartAttempts: () => 'workflow_start_attempts + 1',
        })
        .where('id = :id', { id: hazard.id })
        .execute();
      this.logger.warn({
        msg: 'hazard workflow start failed; will retry',
        hazardId: hazard.id,
        error: String(e),
      });
      return false;
    }
  }

  /** One pass over hazards whose workflow has not started yet (oldest first). */
  sweep(): Promise<number> {
    this.sweeping ??= this.sweepOnce().finally(() => (this.sweeping = undefined));
    return this.sweeping;
  }

  private async sweepOnce(): Promise<number> {
    let started = 0;
    try {
      const pending = await this.ds.getRepository(HazardEntity).find({
        select: { id: true, workflowStartedAt: true, workflowInput: true },
        where: { workflowStartedAt: IsNull(), createdAt: LessThan(new Date(Date.now() - 5_000)) },
        order: { createdAt: 'ASC' },
        take: 50,
      });
      for (const h of pending) if (await this.ensureStarted(h)) started++;
    } catch (e) {
      this.logger.warn({ msg: 'workflow start sweep failed', error: String(e) });
    }
    return started;
  }
}
