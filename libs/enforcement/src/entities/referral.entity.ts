import type {
  CriminalReferralInput,
  EnforcementActor,
  ReferralStage,
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

export interface HeadDecisionRecord {
  decision: 'approve' | 'reject';
  at: string;
  by: EnforcementActor;
  reasons: string | null;
}
export interface TransferRecord {
  at: string;
  policeUnit: string;
  receivedAt: string | null;
  receiptNo: string | null;
}
export interface PoliceRecord {
  decision: 'registered' | 'declined' | null;
  decidedAt: string | null;
  noticeAt: string | null;
  copiedToProcuratorate: boolean;
  reasons: string | null;
}
export interface ReconsiderationRecord {
  requestedAt: string | null;
  answer: 'registered' | 'upheld' | null;
  answeredAt: string | null;
}
export interface ProcuratorateRecord {
  requestedAt: string | null;
  outcome: 'registered' | 'notRegistered' | null;
  at: string | null;
}
export interface OutcomeRecord {
  result: string;
  at: string;
  summary: string | null;
}

/** A criminal referral (行刑衔接); the `criminalReferral` workflow moves it, this row is its read model. */
@Entity({ name: 'referrals' })
@Check(
  'ck_referrals_stage',
  `stage IN ('preparing','headDecision','transferring','awaitingReceipt','policeReview','awaitingNotice','handover','outcome','reconsiderationChoice','reconsideration','procuratorate','closed','notApproved')`,
)
@Index('uq_referrals_idempotency', ['createdBy', 'idempotencyKey'], {
  unique: true,
  where: 'idempotency_key IS NOT NULL',
})
@Index('uq_referrals_workflow_id', ['workflowId'], { unique: true })
@Index('ix_referrals_workflow_pending', ['workflowStartedAt'], { where: 'workflow_started_at IS NULL' })
@Index('ix_referrals_org_path', ['orgPath'])
@Index('ix_referrals_created_at', ['createdAt', 'id'])
export class ReferralEntity extends WorkflowOutboxColumns {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_referrals' })
  id!: string;

  @Index('uq_referrals_referral_no', { unique: true })
  @Column({ name: 'referral_no', type: 'text' })
  referralNo!: string;

  @Column({ type: 'text' })
  title!: string;

  @Index('ix_referrals_stage')
  @Column({ type: 'text', default: 'preparing' })
  stage!: ReferralStage;

  @Index('ix_referrals_case')
  @Column({ name: 'case_id', type: 'uuid', nullable: true })
  caseId!: string | null;

  @Column({ name: 'suspected_crime', type: 'text' })
  suspectedCrime!: SuspectedCrime;

  @Column({ type: 'integer' })
  suspects!: number;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  officers!: EnforcementActor[];

  @Column({ name: 'reported_at', type: 'timestamptz', nullable: true })
  reportedAt!: Date | null;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  @Column({ name: 'head_decision', type: 'jsonb', nullable: true })
  headDecision!: HeadDecisionRecord | null;

  @Column({ type: 'jsonb', nullable: true })
  transfer!: TransferRecord | null;

  @Column({ type: 'jsonb', nullable: true })
  police!: PoliceRecord | null;

  @Column({ type: 'jsonb', nullable: true })
  reconsideration!: ReconsiderationRecord | null;

  @Column({ type: 'jsonb', nullable: true })
  procuratorate!: ProcuratorateRecord | null;

  @Column({ name: 'handed_over_at', type: 'timestamptz', nullable: true })
  handedOverAt!: Date | null;

  @Column({ type: 'jsonb', nullable: true })
  outcome!: OutcomeRecord | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  /** The case workflow's `createReferralFromCase` key: a retried activity finds the referral it made. */
  @Index('uq_referrals_creation_event', { unique: true, where: 'creation_event_key IS NOT NULL' })
  @Column({ name: 'creation_event_key', type: 'text', nullable: true })
  creationEventKey!: string | null;

  /** Stored before the start is attempted, so a failed start is retried with the same input. */
  @Column({ name: 'workflow_input', type: 'jsonb' })
  workflowInput!: CriminalReferralInput;

  @VersionColumn()
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
