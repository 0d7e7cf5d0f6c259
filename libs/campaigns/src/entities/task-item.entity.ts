import type { EvidenceKind } from '@zhiben/contracts';
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
 * A template task item assigned to one unit of a campaign (任务清单 / 责任清单 / 时限进度清单): its owner,
 * its deadline for this jurisdiction, and the unit's progress with completion evidence.
 */
@Entity({ name: 'task_items' })
@Check('ck_task_items_status', `status IN ('notStarted','inProgress','done')`)
@Index('uq_task_items_unit', ['campaignId', 'itemId', 'unitCode'], { unique: true })
export class TaskItemEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_task_items' })
  id!: string;

  @Column({ name: 'campaign_id', type: 'uuid' })
  campaignId!: string;

  @Column({ name: 'list_id', type: 'text' })
  listId!: string;

  @Column({ name: 'item_id', type: 'text' })
  itemId!: string;

  @Index('ix_task_items_unit')
  @Column({ name: 'unit_code', type: 'text' })
  unitCode!: string;

  @Column({ type: 'jsonb', nullable: true })
  owner!: { name: string; title?: string } | null;

  /** A concrete date replacing the template's deadline for this jurisdiction. */
  @Column({ type: 'date', nullable: true })
  deadline!: string | null;

  @Column({ type: 'text', default: 'notStarted' })
  status!: 'notStarted' | 'inProgress' | 'done';

  @Column({ name: 'note_zh', type: 'text', nullable: true })
  noteZh!: string | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  evidence!: { kind: EvidenceKind; fileId?: string; textZh?: string }[];

  @Column({ name: 'updated_by', type: 'text', nullable: true })
  updatedBy!: string | null;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt!: Date | null;

  @VersionColumn()
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
