import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { DataSource } from 'typeorm';

const SWEEP_EVERY_MS = 30_000;
/** Rows younger than this are left to the request that created them. */
const GRACE_MS = 5_000;

/** A row that owns a workflow: its id, whether the start happened, and the stored start input. */
export interface OutboxRow<I> {
  id: string;
  workflowStartedAt: Date | null;
  workflowInput: I | null;
}

/**
 * Outbox for workflow starts, one per table that owns workflows (hazards, campaigns, penalty cases,
 * referrals…). The service stores the row with its workflow input first and starts the workflow after
 * the commit; a start that fails is retried here — on boot, every 30 s, and whenever someone opens the
 * row (`ensureStarted`). The workflow id derives from the row id, so a repeated start is a no-op.
 *
 * The table has `workflow_started_at`, `workflow_start_error` and `workflow_start_attempts` columns.
 */
export abstract class OutboxWorkflowStarter<I, R extends OutboxRow<I> = OutboxRow<I>>
  implements OnApplicationBootstrap, OnApplicationShutdown
{
  protected readonly logger: Logger;
  private timer?: NodeJS.Timeout;
  private sweeping?: Promise<number>;

  /**
   * @param kind what owns the workflow, for logs (`hazard`, `campaign`…)
   * @param table the schema-qualified table
   */
  protected constructor(
    protected readonly ds: DataSource,
    private readonly kind: string,
    private readonly table: string,
  ) {
    this.logger = new Logger(`${kind}-workflow-starter`);
  }

  /** Starts the row's workflow (idempotent by workflow id); resolves with how it went, for the log. */
  protected abstract start(input: I, timeoutMs: number | undefined, row: R): Promise<unknown>;

  /** Rows whose workflow has not started yet, created before `olderThan`, oldest first, at most `limit`. */
  protected abstract pending(olderThan: Date, limit: number): Promise<R[]>;

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep(), SWEEP_EVERY_MS);
    this.timer.unref();
    void this.sweep();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.sweeping?.catch(() => undefined);
  }

  /** Starts the row's workflow if it has not been; true once it is known to be started. */
  async ensureStarted(row: R, timeoutMs?: number): Promise<boolean> {
    if (row.workflowStartedAt) return true;
    if (!row.workflowInput) return false;
    try {
      const outcome = await this.start(row.workflowInput, timeoutMs, row);
      const now = new Date();
      await this.ds.query(
        `UPDATE ${this.table} SET workflow_started_at = $2, workflow_start_error = NULL,
           workflow_start_attempts = workflow_start_attempts + 1
         WHERE id = $1 AND workflow_started_at IS NULL`,
        [row.id, now],
      );
      row.workflowStartedAt = now;
      this.logger.log({ msg: `${this.kind} workflow started`, id: row.id, outcome });
      return true;
    } catch (e) {
      await this.ds
        .query(
          `UPDATE ${this.table} SET workflow_start_error = $2,
             workflow_start_attempts = workflow_start_attempts + 1 WHERE id = $1`,
          [row.id, String(e).slice(0, 1000)],
        )
        .catch(() => undefined);
      this.logger.warn({
        msg: `${this.kind} workflow start failed; will retry`,
        id: row.id,
        error: String(e),
      });
      return false;
    }
  }

  /** One pass over the rows whose workflow has not started yet (oldest first). */
  sweep(): Promise<number> {
    this.sweeping ??= this.sweepOnce().finally(() => (this.sweeping = undefined));
    return this.sweeping;
  }

  private async sweepOnce(): Promise<number> {
    let started = 0;
    try {
      const rows = await this.pending(new Date(Date.now() - GRACE_MS), 50);
      for (const row of rows) if (await this.ensureStarted(row)) started++;
    } catch (e) {
      this.logger.warn({ msg: `${this.kind} workflow start sweep failed`, error: String(e) });
    }
    return started;
  }
}
