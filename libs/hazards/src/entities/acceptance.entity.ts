import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { HazardEntity } from './hazard.entity';

/** 验收申请: the enterprise reports the rectification done (双报告 #2) and asks for acceptance. */
@Entity({ name: 'acceptance_applications' })
@Check('ck_acceptance_applications_status', `status IN ('submitted','accepted','rejected','passed','failed')`)
@Index('uq_acceptance_applications_seq', ['hazardId', 'seq'], { unique: true })
@Index('uq_acceptance_applications_request', ['hazardId', 'requestId'], {
  unique: true,
  where: 'request_id IS NOT NULL',
})
export class AcceptanceApplicationEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_acceptance_applications' })
  id!: string;

  @Column({ name: 'hazard_id', type: 'uuid' })
  hazardId!: string;

  @ManyToOne(() => HazardEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'hazard_id', foreignKeyConstraintName: 'fk_acceptance_applications_hazard' })
  hazard?: HazardEntity;

  @Column({ type: 'integer' })
  seq!: number;

  /** 整改完成情况 */
  @Column({ type: 'text' })
  summary!: string;

  @Column({ name: 'completed_on', type: 'date' })
  completedOn!: string;

  @Column({ name: 'self_check', type: 'text', nullable: true })
  selfCheck!: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  attachments!: string[];

  /** submitted → accepted (the workflow took it) → passed / failed (验收 outcome); rejected = refused. */
  @Column({ type: 'text', default: 'submitted' })
  status!: 'submitted' | 'accepted' | 'rejected' | 'passed' | 'failed';

  @Column({ name: 'rejection_reason', type: 'text', nullable: true })
  rejectionReason!: string | null;

  @Column({ name: 'request_id', type: 'text', nullable: true })
  requestId!: string | null;

  @Column({ name: 'submitted_by', type: 'text' })
  submittedBy!: string;

  @Column({ name: 'submitted_by_name', type: 'text' })
  submittedByName!: string;

  @Column({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt!: Date;
}

/** 验收 review outcome, written by the workflow through `recordHazardEvent` (acceptance.passed/failed). */
@Entity({ name: 'acceptance_reviews' })
@Check('ck_acceptance_reviews_decision', `decision IN ('passed','failed')`)
export class AcceptanceReviewEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_acceptance_reviews' })
  id!: string;

  @Index('ix_acceptance_reviews_hazard')
  @Column({ name: 'hazard_id', type: 'uuid' })
  hazardId!: string;

  @ManyToOne(() => HazardEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'hazard_id', foreignKeyConstraintName: 'fk_acceptance_reviews_hazard' })
  hazard?: HazardEntity;

  @Column({ name: 'application_id', type: 'uuid', nullable: true })
  applicationId!: string | null;

  @Column({ type: 'text' })
  decision!: 'passed' | 'failed';

  @Column({ type: 'text' })
  comment!: string;

  @Column({ name: 'reviewed_by', type: 'text', nullable: true })
  reviewedBy!: string | null;

  @Column({ name: 'reviewed_by_name', type: 'text', nullable: true })
  reviewedByName!: string | null;

  @Column({ name: 'reviewed_at', type: 'timestamptz' })
  reviewedAt!: Date;

  @Index('uq_acceptance_reviews_event', { unique: true })
  @Column({ name: 'event_key', type: 'text' })
  eventKey!: string;
}
