import { Injectable } from '@nestjs/common';
import { TIP_VERIFICATION_WORKFLOW_TYPE, type TipVerificationInput } from '@zhiben/contracts';
import { OutboxWorkflowStarter, type OutboxRow } from '@zhiben/temporal-client';
import { DataSource } from 'typeorm';
import { table } from '../schema';
import { TiplineWorkflowGateway } from './tipline-workflow.gateway';

type Row = OutboxRow<TipVerificationInput> & { workflowId: string };

/**
 * Outbox for `tipVerification`: a tip is committed with its workflow input before the 2xx, and its
 * workflow started after the commit; a failed start (Temporal down, a flood) is retried on boot, every
 * 30 s and whenever someone opens the tip — an accepted tip is never dropped.
 */
@Injectable()
export class TipWorkflowStarter extends OutboxWorkflowStarter<TipVerificationInput, Row> {
  constructor(
    ds: DataSource,
    private readonly gateway: TiplineWorkflowGateway,
  ) {
    super(ds, 'tip', table('tips'));
  }

  protected start(input: TipVerificationInput, timeoutMs: number | undefined, row: Row) {
    return this.gateway.start(TIP_VERIFICATION_WORKFLOW_TYPE, row.workflowId, input, timeoutMs);
  }

  protected pending(olderThan: Date, limit: number): Promise<Row[]> {
    return this.ds.query(
      `SELECT id, workflow_id AS "workflowId", workflow_started_at AS "workflowStartedAt",
              workflow_input AS "workflowInput"
         FROM ${table('tips')}
        WHERE workflow_started_at IS NULL AND created_at < $1
        ORDER BY created_at LIMIT $2`,
      [olderThan, limit],
    );
  }
}
