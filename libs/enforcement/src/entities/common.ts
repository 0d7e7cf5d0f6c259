import { Column } from 'typeorm';

/** Where a record sits, copied from the directory when it is created (the directory owns the units). */
export abstract class JurisdictionColumns {
  /** The enforcing department (org unit code) and its name. */
  @Column({ name: 'department_code', type: 'text' })
  departmentCode!: string;

  @Column({ name: 'department_name', type: 'text' })
  departmentName!: string;

  @Column({ name: 'town_code', type: 'text' })
  townCode!: string;

  @Column({ name: 'town_name', type: 'text' })
  townName!: string;

  /** The town's materialised path in the directory, for subtree scoping. */
  @Column({ name: 'org_path', type: 'text' })
  orgPath!: string;

  @Column({ name: 'district_code', type: 'text', nullable: true })
  districtCode!: string | null;

  @Column({ type: 'text' })
  sector!: string;

  @Column({ name: 'enterprise_credit_code', type: 'text' })
  enterpriseCreditCode!: string;

  @Column({ name: 'enterprise_name', type: 'text' })
  enterpriseName!: string;
}

/** The outbox of a workflow start: the input is stored first, the start is retried until it happens. */
export abstract class WorkflowOutboxColumns extends JurisdictionColumns {
  @Column({ name: 'workflow_id', type: 'text' })
  workflowId!: string;

  @Column({ name: 'workflow_started_at', type: 'timestamptz', nullable: true })
  workflowStartedAt!: Date | null;

  @Column({ name: 'workflow_start_attempts', type: 'integer', default: 0 })
  workflowStartAttempts!: number;

  @Column({ name: 'workflow_start_error', type: 'text', nullable: true })
  workflowStartError!: string | null;

  @Column({ name: 'rules_org_unit_code', type: 'text' })
  rulesOrgUnitCode!: string;

  @Column({ name: 'rules_version', type: 'integer' })
  rulesVersion!: number;

  /** Length of a day of the workflow's clock (scaled in tests). */
  @Column({ name: 'ms_per_day', type: 'integer' })
  msPerDay!: number;

  @Column({ name: 'created_by', type: 'text' })
  createdBy!: string;

  @Column({ name: 'created_by_name', type: 'text' })
  createdByName!: string;

  /** Client `Idempotency-Key`, unique per caller. */
  @Column({ name: 'idempotency_key', type: 'text', nullable: true })
  idempotencyKey!: string | null;

  @Column({ name: 'request_hash', type: 'text', nullable: true })
  requestHash!: string | null;
}
