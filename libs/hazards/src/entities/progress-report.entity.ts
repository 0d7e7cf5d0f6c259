import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { HazardEntity } from './hazard.entity';

/** Periodic progress report while rectifying (P-02 "interim controls active; progress updates"). */
@Entity({ name: 'progress_reports' })
@Check('ck_progress_reports_status', `status IN ('submitted','accepted','rejected')`)
@Index('uq_progress_reports_seq', ['hazardId', 'seq'], { unique: true })
@Index('uq_progress_reports_request', ['hazardId', 'requestId'], {
  unique: true,
  where: 'request_id IS NOT NULL',
})
export class ProgressReportEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_progress_reports' })
  id!: string;

  @Column({ name: 'hazard_id', type: 'uuid' })
  hazardId!: string;

  @ManyToOne(() => HazardEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'hazard_id', foreignKeyConstraintName: 'fk_progress_reports_hazard' })
  hazard?: HazardEntity;

  @Column({ type: 'integer' })
  seq!: number;

  @Column({ type: 'text' })
  summary!: string;

  @Column({ name: 'percent_complete', type: 'integer' })
  percentComplete!: number;

  @Column({ name: 'interim_controls_effective', type: 'boolean' })
  interimControlsEffective!: boolean;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  attachments!: string[];

  @Column({ type: 'text', default: 'submitted' })
  status!: 'submitted' | 'accepted' | 'rejected';

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
