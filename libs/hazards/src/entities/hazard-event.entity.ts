import {
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
 * The ledger's append-only timeline (what the console shows as the readable Chinese history). Every
 * write carries an `event_key`; a retried activity or request with the same key never adds a second row.
 */
@Entity({ name: 'hazard_events' })
@Index('ix_hazard_events_hazard', ['hazardId', 'id'])
export class HazardEventEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint', primaryKeyConstraintName: 'pk_hazard_events' })
  id!: string;

  @Column({ name: 'hazard_id', type: 'uuid' })
  hazardId!: string;

  @ManyToOne(() => HazardEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'hazard_id', foreignKeyConstraintName: 'fk_hazard_events_hazard' })
  hazard?: HazardEntity;

  @Index('uq_hazard_events_key', { unique: true })
  @Column({ name: 'event_key', type: 'text' })
  eventKey!: string;

  @Column({ type: 'text' })
  type!: string;

  @Column({ name: 'summary_zh', type: 'text' })
  summaryZh!: string;

  @Column({ name: 'summary_en', type: 'text' })
  summaryEn!: string;

  @Column({ name: 'actor_username', type: 'text', nullable: true })
  actorUsername!: string | null;

  @Column({ name: 'actor_name', type: 'text', nullable: true })
  actorName!: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  data!: Record<string, unknown>;

  @CreateDateColumn({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;
}
