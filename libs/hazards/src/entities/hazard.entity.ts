import type {
  HazardGrade,
  HazardPerson,
  HazardSource,
  HazardStatus,
  MajorHazardWorkflowInput,
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

/**
 * One row of the hazard ledger (台账, forms-and-reports.md F-06). Enterprise, town and department are
 * denormalised copies taken from the directory at registration: the directory owns them, the ledger
 * records what they were when the hazard was registered.
 */
@Entity({ name: 'hazards' })
@Check(
  'ck_hazards_source',
  `source IN ('SelfInspection','EnforcementInspection','SupervisoryInspection','PublicReport','CovertInspection','AccidentLesson','SystemDetection')`,
)
@Check('ck_hazards_grade', `grade IN ('general','major')`)
@Check(
  'ck_hazards_status',
  `status IN ('registered','planning','plan_review','rectifying','overdue','acceptance_review','closeout_review','closed','listed')`,
)
@Index('uq_hazards_idempotency', ['createdBy', 'idempotencyKey'], {
  unique: true,
  where: 'idempotency_key IS NOT NULL',
})
export class HazardEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_hazards' })
  id!: string;

  /** 台账编号, e.g. JJ-2026-000123. */
  @Index('uq_hazards_case_ref', { unique: true })
  @Column({ name: 'case_ref', type: 'text' })
  caseRef!: string;

  @Column({ type: 'text' })
  source!: HazardSource;

  @Index('ix_hazards_grade')
  @Column({ type: 'text' })
  grade!: HazardGrade;

  @Index('ix_hazards_status')
  @Column({ type: 'text', default: 'registered' })
  status!: HazardStatus;

  @Column({ type: 'text' })
  title!: string;

  /** 隐患类别 */
  @Column({ type: 'text', nullable: true })
  category!: string | null;

  /** 隐患详述 */
  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'text' })
  location!: string;

  @Index('ix_hazards_enterprise')
  @Column({ name: 'enterprise_credit_code', type: 'text' })
  enterpriseCreditCode!: string;

  @Column({ name: 'enterprise_name', type: 'text' })
  enterpriseName!: string;

  @Index('ix_hazards_sector')
  @Column({ type: 'text' })
  sector!: string;

  @Index('ix_hazards_town')
  @Column({ name: 'town_code', type: 'text' })
  townCode!: string;

  @Column({ name: 'town_name', type: 'text' })
  townName!: string;

  /** The town's materialised path in the directory (`/district/…/town/`), for subtree scoping. */
  @Index('ix_hazards_org_path')
  @Column({ name: 'org_path', type: 'text' })
  orgPath!: string;

  @Column({ name: 'district_code', type: 'text', nullable: true })
  districtCode!: string | null;

  /** 行业监管部门: the lead department of the sector, when known. */
  @Index('ix_hazards_supervising_dept')
  @Column({ name: 'supervising_dept_code', type: 'text', nullable: true })
  supervisingDeptCode!: string | null;

  @Column({ name: 'supervising_dept_name', type: 'text', nullable: true })
  supervisingDeptName!: string | null;

  /** 判定标准 catalogue and clause the hazard was judged under. */
  @Column({ name: 'standard_catalogue_id', type: 'text', nullable: true })
  standardCatalogueId!: string | null;

  @Column({ name: 'standard_clause_id', type: 'text', nullable: true })
  standardClauseId!: string | null;

  @Column({ name: 'found_on', type: 'date' })
  foundOn!: string;

  @Column({ name: 'found_by', type: 'text' })
  foundBy!: string;

  /** 主要负责人 */
  @Column({ type: 'jsonb', nullable: true })
  principal!: HazardPerson | null;

  /** 实际控制人 */
  @Column({ name: 'actual_controller', type: 'jsonb', nullable: true })
  actualController!: HazardPerson | null;

  /** 整改责任人 */
  @Column({ name: 'rectification_owner', type: 'jsonb', nullable: true })
  rectificationOwner!: HazardPerson | null;

  /** When the department notified the principal and the actual controller (003:122, 004:331). */
  @Column({ name: 'principal_notified_at', type: 'timestamptz', nullable: true })
  principalNotifiedAt!: Date | null;

  @Column({ name: 'actual_controller_notified_at', type: 'timestamptz', nullable: true })
  actualControllerNotifiedAt!: Date | null;

  @Column({ name: 'interim_measures', type: 'text', nullable: true })
  interimMeasures!: string | null;

  @Index('ix_hazards_deadline')
  @Column({ name: 'rectification_deadline', type: 'timestamptz', nullable: true })
  rectificationDeadline!: Date | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @Column({ name: 'rules_org_unit_code', type: 'text' })
  rulesOrgUnitCode!: string;

  @Column({ name: 'rules_version', type: 'integer' })
  rulesVersion!: number;

  @Index('uq_hazards_workflow_id', { unique: true })
  @Column({ name: 'workflow_id', type: 'text' })
  workflowId!: string;

  /** Stored before the start is attempted, so a failed start is retried with the same input. */
  @Column({ name: 'workflow_input', type: 'jsonb' })
  workflowInput!: MajorHazardWorkflowInput;

  @Index('ix_hazards_workflow_pending', { where: 'workflow_started_at IS NULL' })
  @Column({ name: 'workflow_started_at', type: 'timestamptz', nullable: true })
  workflowStartedAt!: Date | null;

  @Column({ name: 'workflow_start_attempts', type: 'integer', default: 0 })
  workflowStartAttempts!: number;

  @Column({ name: 'workflow_start_error', type: 'text', nullable: true })
  workflowStartError!: string | null;

  @Column({ name: 'created_by', type: 'text' })
  createdBy!: string;

  @Column({ name: 'created_by_name', type: 'text' })
  createdByName!: string;

  @Column({ name: 'created_by_org', type: 'text', nullable: true })
  createdByOrg!: string | null;

  /** Client `Idempotency-Key`, unique per caller. */
  @Column({ name: 'idempotency_key', type: 'text', nullable: true })
  idempotencyKey!: string | null;

  @Column({ name: 'request_hash', type: 'text', nullable: true })
  requestHash!: string | null;

  @VersionColumn()
  version!: number;

  @Index('ix_hazards_created_at')
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
