import type { EnforcementFileKind } from '@zhiben/contracts';
import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** File metadata (inspection photos, case evidence, referral documents); bytes live in the FileStorage. */
@Entity({ name: 'enforcement_files' })
@Check('ck_enforcement_files_subject', `subject_kind IN ('inspection','case','referral')`)
@Check(
  'ck_enforcement_files_kind',
  `kind IN ('photo','evidence','other','transferLetter','investigationReport','itemList','inspectionReport','otherMaterial')`,
)
@Index('ix_enforcement_files_subject', ['subjectKind', 'subjectId'])
export class EnforcementFileEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_enforcement_files' })
  id!: string;

  @Column({ name: 'subject_kind', type: 'text' })
  subjectKind!: 'inspection' | 'case' | 'referral';

  @Column({ name: 'subject_id', type: 'uuid' })
  subjectId!: string;

  @Column({ type: 'text' })
  kind!: EnforcementFileKind;

  @Column({ name: 'file_name', type: 'text' })
  fileName!: string;

  @Column({ name: 'content_type', type: 'text' })
  contentType!: string;

  @Column({ name: 'size_bytes', type: 'bigint' })
  sizeBytes!: string;

  @Column({ type: 'text' })
  sha256!: string;

  @Column({ name: 'storage_key', type: 'text' })
  storageKey!: string;

  @Column({ name: 'uploaded_by', type: 'text' })
  uploadedBy!: string;

  @Column({ name: 'uploaded_by_name', type: 'text' })
  uploadedByName!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
