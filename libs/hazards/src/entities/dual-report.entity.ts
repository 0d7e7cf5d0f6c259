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

/**
 * 双报告 (000:39, 001:27): the enterprise reports a major hazard to the supervising department when it is
 * found (#1 discovery) and when it is rectified (#2 rectification). One row per hazard and kind.
 */
@Entity({ name: 'dual_reports' })
@Check('ck_dual_reports_kind', `kind IN ('discovery','rectification')`)
@Index('uq_dual_reports_hazard_kind', ['hazardId', 'kind'], { unique: true })
export class DualReportEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_dual_reports' })
  id!: string;

  @Column({ name: 'hazard_id', type: 'uuid' })
  hazardId!: string;

  @ManyToOne(() => HazardEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'hazard_id', foreignKeyConstraintName: 'fk_dual_reports_hazard' })
  hazard?: HazardEntity;

  @Column({ type: 'text' })
  kind!: 'discovery' | 'rectification';

  @Column({ name: 'reported_at', type: 'timestamptz' })
  reportedAt!: Date;

  @Column({ name: 'reported_by', type: 'text', nullable: true })
  reportedBy!: string | null;

  @Column({ name: 'reported_by_name', type: 'text', nullable: true })
  reportedByName!: string | null;

  /** Who received it (supervising department, else the town), per 分级属地. */
  @Column({ name: 'recipient_code', type: 'text', nullable: true })
  recipientCode!: string | null;

  @Column({ name: 'recipient_name', type: 'text', nullable: true })
  recipientName!: string | null;

  @Column({ type: 'text', nullable: true })
  content!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
