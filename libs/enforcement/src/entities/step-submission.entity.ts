import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A step completed through the enforcement API (POST /cases|referrals/:id/steps/:step, submit): stored
 * with its Idempotency-Key so a retried request replays the first outcome instead of acting twice.
 */
@Entity({ name: 'step_submissions' })
@Check('ck_step_submissions_status', `status IN ('submitted','accepted','rejected')`)
@Index('uq_step_submissions_request', ['subjectId', 'step', 'requestId'], { unique: true })
export class StepSubmissionEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_step_submissions' })
  id!: string;

  @Column({ name: 'subject_kind', type: 'text' })
  subjectKind!: 'case' | 'referral';

  @Column({ name: 'subject_id', type: 'uuid' })
  subjectId!: string;

  @Column({ type: 'text' })
  step!: string;

  @Column({ name: 'request_id', type: 'text' })
  requestId!: string;

  @Column({ name: 'request_hash', type: 'text' })
  requestHash!: string;

  @Column({ type: 'text', default: 'submitted' })
  status!: 'submitted' | 'accepted' | 'rejected';

  @Column({ type: 'text' })
  decision!: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  data!: Record<string, unknown>;

  @Column({ name: 'rejection_reason', type: 'text', nullable: true })
  rejectionReason!: string | null;

  @Column({ name: 'submitted_by', type: 'text' })
  submittedBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
