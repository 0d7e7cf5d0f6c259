import { Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import {
  CRIMINAL_REFERRAL_WORKFLOW_TYPE,
  ENFORCEMENT_CASE_WORKFLOW_TYPE,
  type CriminalReferralInput,
  type EnforcementCaseInput,
} from '@zhiben/contracts';
import { OutboxWorkflowStarter, type OutboxRow } from '@zhiben/temporal-client';
import { DataSource } from 'typeorm';
import { table } from '../schema';
import { EnforcementWorkflowGateway } from './enforcement-workflow.gateway';

export type StartKind = 'case' | 'referral';
type Row<I> = OutboxRow<I> & { workflowId: string };
type Startable = Row<EnforcementCaseInput> | Row<CriminalReferralInput>;

/** The outbox of one table (penalty cases or referrals): see OutboxWorkflowStarter. */
class TableStarter<I> extends OutboxWorkflowStarter<I, Row<I>> {
  constructor(
    ds: DataSource,
    kind: StartKind,
    private readonly tableName: string,
    private readonly workflowType: string,
    private readonly gateway: EnforcementWorkflowGateway,
  ) {
    super(ds, kind, tableName);
  }

  protected start(input: I, timeoutMs: number | undefined, row: Row<I>) {
    return this.gateway.start(this.workflowType, row.workflowId, input, timeoutMs);
  }

  protected pending(olderThan: Date, limit: number): Promise<Row<I>[]> {
    return this.ds.query(
      `SELECT id, workflow_id AS "workflowId", workflow_started_at AS "workflowStartedAt",
              workflow_input AS "workflowInput"
         FROM ${this.tableName}
        WHERE workflow_started_at IS NULL AND created_at < $1
        ORDER BY created_at LIMIT $2`,
      [olderThan, limit],
    );
  }
}

/**
 * Outbox for the enforcement workflows: a case or referral is stored with its workflow input first and
 * its workflow started after the commit; failed starts are retried on boot, every 30 s and when someone
 * opens the record (OutboxWorkflowStarter, one per table).
 */
@Injectable()
export class WorkflowStarter implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly starters: {
    case: TableStarter<EnforcementCaseInput>;
    referral: TableStarter<CriminalReferralInput>;
  };

  constructor(ds: DataSource, gateway: EnforcementWorkflowGateway) {
    this.starters = {
      case: new TableStarter(ds, 'case', table('penalty_cases'), ENFORCEMENT_CASE_WORKFLOW_TYPE, gateway),
      referral: new TableStarter(
        ds,
        'referral',
        table('referrals'),
        CRIMINAL_REFERRAL_WORKFLOW_TYPE,
        gateway,
      ),
    };
  }

  onApplicationBootstrap(): void {
    this.starters.case.onApplicationBootstrap();
    this.starters.referral.onApplicationBootstrap();
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([
      this.starters.case.onApplicationShutdown(),
      this.starters.referral.onApplicationShutdown(),
    ]);
  }

  /** Starts the record's workflow if it has not been; true once it is known to be started. */
  ensureStarted(kind: StartKind, row: Startable, timeoutMs?: number): Promise<boolean> {
    return kind === 'case'
      ? this.starters.case.ensureStarted(row as Row<EnforcementCaseInput>, timeoutMs)
      : this.starters.referral.ensureStarted(row as Row<CriminalReferralInput>, timeoutMs);
  }

  /** One pass over cases and referrals whose workflow has not started yet. */
  async sweep(): Promise<number> {
    const [a, b] = await Promise.all([this.starters.case.sweep(), this.starters.referral.sweep()]);
    return a + b;
  }
}
