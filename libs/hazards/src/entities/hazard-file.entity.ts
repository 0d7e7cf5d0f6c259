import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { HazardEntity } from './hazard.entity';

export const HAZARD_FILE_KINDS = [
  'evidence',
  'plan',
  'progress',
  'acceptance',
  'delisting',
  'other',
] as const;
export type HazardFileKind = (typeof HAZARD_FILE_KINDS)[number];

/** Evidence file metadata; the bytes live in the FileStorage under `storage_key`. */
@Entity({ name: 'hazard_files' })
@Check('ck_hazard_files_kind', `kind IN ('evidence','plan','progress','acceptance','delisting','other')`)
export class HazardFileEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_hazard_files' })
  id!: string;

  @Index('ix_hazard_files_hazard')
  @Column({ name: 'hazard_id', type: 'uuid' })
  hazardId!: string;

  @ManyToOne(() => HazardEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'hazard_id', foreignKeyConstraintName: 'fk_hazard_files_hazard' })
  hazard?: HazardEntity;

  @Column({ type: 'text' })
  kind!: HazardFileKind;

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
