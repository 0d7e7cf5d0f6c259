import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** The enterprise's 整改复查 application; handed to the case workflow as APPLY_REINSPECTION_UPDATE. */
@Entity({ name: 'reinspection_applications' })
@Check('ck_reinspection_applications_status', `status IN ('submitted','accepted','rejected')`)
@Index('uq_reinspection_applications_request', ['caseId', 'requestId'], {
  unique: true,
  where: 'request_id IS NOT NULL',
})
export class ReinspectionApplicationEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_reinspection_applications' })
  id!: string;

  @Index('ix_reinspection_applications_case')
  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ type: 'text' })
  note!: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  evidence!: string[];

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
