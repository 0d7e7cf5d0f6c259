import type {
  EnforcementCaseInput,
  EnforcementActor,
  EnforcementCaseStage,
  PenaltyParty,
  SuspectedCrime,
} from '@zhiben/contracts';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { WorkflowOutboxColumns } from './common';

/** A penalty case (行政处罚案件); the `enforcementCase` workflow moves it, this row is its read model. */
@Entity({ name: 'penalty_cases' })
@Check(
  'ck_penalty_cases_stage',
  `stage IN ('filing','investigating','reviewing','notifying','hearing','deciding','serving','executing','reinspecting','escalated','closed','dismissed')`,
)
@Index('uq_penalty_cases_idempotency', ['createdBy', 'idempotencyKey'], {
  unique: true,
  where: 'idempotency_key IS NOT NULL',
})
@Index('ix_penalty_cases_workflow_pending', ['workflowStartedAt'], { where: 'workflow_started_at IS NULL' })
@Index('uq_penalty_cases_workflow_id', ['workflowId'], { unique: true })
@Index('ix_penalty_cases_org_path', ['orgPath'])
@Index('ix_penalty_cases_enterprise', ['enterpriseCreditCode'])
@Index('ix_penalty_cases_created_at', ['createdAt', 'id'])
export class PenaltyCaseEntity extends WorkflowOutboxColumns {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_penalty_cases' })
  id!: string;

  @Index('uq_penalty_cases_case_no', { unique: true })
  @Column({ name: 'case_no', type: 'text' })
  caseNo!: string;

  @Column({ type: 'text' })
  title!: string;

  @Index('ix_penalty_cases_stage')
  @Column({ type: 'text', default: 'filing' })
  stage!: EnforcementCaseStage;

  @Index('ix_penalty_cases_inspection')
  @Column({ name: 'inspection_id', type: 'uuid', nullable: true })
  inspectionId!: string | null;

  @Column({ name: 'hazard_ids', type: 'text', array: true, default: () => "'{}'" })
  hazardIds!: string[];

  @Column({ type: 'jsonb' })
  officers!: EnforcementActor[];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  parties!: PenaltyParty[];

  @Column({ name: 'filed_at', type: 'timestamptz' })
  filedAt!: Date;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Column({ name: 'served_at', type: 'timestamptz', nullable: true })
  servedAt!: Date | null;

  @Column({ name: 'serve_due_at', type: 'timestamptz', nullable: true })
  serveDueAt!: Date | null;

  @Column({ name: 'rectification_deadline_at', type: 'timestamptz', nullable: true })
  rectificationDeadlineAt!: Date | null;

  @Column({ name: 'reinspection_due_at', type: 'timestamptz', nullable: true })
  reinspectionDueAt!: Date | null;

  @Column({ name: 'reinspection_result', type: 'text', nullable: true })
  reinspectionResult!: 'passed' | 'failed' | null;

  @Column({ name: 'suspected_crime', type: 'text', nullable: true })
  suspectedCrime!: SuspectedCrime | null;

  @Column({ name: 'referral_id', type: 'uuid', nullable: true })
  referralId!: string | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  /** Stored before the start is attempted, so a failed start is retried with the same input. */
  @Column({ name: 'workflow_input', type: 'jsonb' })
  workflowInput!: EnforcementCaseInput;

  @VersionColumn()
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
