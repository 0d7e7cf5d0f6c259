import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { HazardEntity } from './hazard.entity';

/** 延期申请 and its decision. `refused`: the workflow would not take the request at all. */
@Entity({ name: 'extension_requests' })
@Check('ck_extension_requests_status', `status IN ('pending','approved','rejected','refused')`)
@Index('uq_extension_requests_request', ['hazardId', 'requestId'], {
  unique: true,
  where: 'request_id IS NOT NULL',
})
export class ExtensionRequestEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_extension_requests' })
  id!: string;

  @Index('ix_extension_requests_hazard')
  @Column({ name: 'hazard_id', type: 'uuid' })
  hazardId!: string;

  @ManyToOne(() => HazardEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'hazard_id', foreignKeyConstraintName: 'fk_extension_requests_hazard' })
  hazard?: HazardEntity;

  @Column({ name: 'requested_deadline_at', type: 'timestamptz' })
  requestedDeadlineAt!: Date;

  @Column({ name: 'previous_deadline_at', type: 'timestamptz', nullable: true })
  previousDeadlineAt!: Date | null;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ type: 'text', default: 'pending' })
  status!: 'pending' | 'approved' | 'rejected' | 'refused';

  @Column({ name: 'decided_by', type: 'text', nullable: true })
  decidedBy!: string | null;

  @Column({ name: 'decided_by_name', type: 'text', nullable: true })
  decidedByName!: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Column({ name: 'decision_comment', type: 'text', nullable: true })
  decisionComment!: string | null;

  @Column({ name: 'rejection_reason', type: 'text', nullable: true })
  rejectionReason!: string | null;

  @Column({ name: 'request_id', type: 'text', nullable: true })
  requestId!: string | null;

  @Column({ name: 'requested_by', type: 'text' })
  requestedBy!: string;

  @Column({ name: 'requested_by_name', type: 'text' })
  requestedByName!: string;

  @Column({ name: 'requested_at', type: 'timestamptz' })
  requestedAt!: Date;
}
