import type { ListingStatus } from '@zhiben/contracts';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { HazardEntity } from './hazard.entity';

/** 挂牌督办 (processes.md P-03): the listing record from proposal to delisting. */
@Entity({ name: 'listings' })
@Check(
  'ck_listings_status',
  `status IN ('proposed','rejected','listed','in_progress','overdue','rectification_claimed','verification','delisting_review','delisted','withdrawn')`,
)
export class ListingEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_listings' })
  id!: string;

  @Index('ix_listings_hazard')
  @Column({ name: 'hazard_id', type: 'uuid' })
  hazardId!: string;

  @ManyToOne(() => HazardEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'hazard_id', foreignKeyConstraintName: 'fk_listings_hazard' })
  hazard?: HazardEntity;

  /** Listing authority (区安委会, executed by 区安委办 — 002:405), from the directory. */
  @Column({ name: 'authority_code', type: 'text', nullable: true })
  authorityCode!: string | null;

  @Column({ name: 'authority_name', type: 'text', nullable: true })
  authorityName!: string | null;

  @Index('ix_listings_status')
  @Column({ type: 'text', default: 'proposed' })
  status!: ListingStatus;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ name: 'proposed_by', type: 'text' })
  proposedBy!: string;

  @Column({ name: 'notice_deadline_at', type: 'timestamptz', nullable: true })
  noticeDeadlineAt!: Date | null;

  /** 挂牌督办通知书 text (004:171, 004:1081). */
  @Column({ name: 'notice_text', type: 'text', nullable: true })
  noticeText!: string | null;

  @Column({ name: 'delisting_file_ids', type: 'text', array: true, default: () => "'{}'" })
  delistingFileIds!: string[];

  @Column({ name: 'delisting_note', type: 'text', nullable: true })
  delistingNote!: string | null;

  @Column({ name: 'delisted_at', type: 'timestamptz', nullable: true })
  delistedAt!: Date | null;

  /** Public announcement of the result (鄂安〔2010〕20号, regulations.md B5). */
  @Column({ name: 'public_announcement_at', type: 'timestamptz', nullable: true })
  publicAnnouncementAt!: Date | null;

  @Column({ name: 'public_announcement_text', type: 'text', nullable: true })
  publicAnnouncementText!: string | null;

  @Index('uq_listings_event', { unique: true })
  @Column({ name: 'event_key', type: 'text' })
  eventKey!: string;

  @VersionColumn()
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
