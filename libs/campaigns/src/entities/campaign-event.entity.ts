import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The campaign's append-only timeline. Every write carries an `event_key`; a retried activity or request
 * with the same key never adds a second row (nor applies its change twice).
 */
@Entity({ name: 'campaign_events' })
@Index('ix_campaign_events_campaign', ['campaignId', 'id'])
export class CampaignEventEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint', primaryKeyConstraintName: 'pk_campaign_events' })
  id!: string;

  @Column({ name: 'campaign_id', type: 'uuid' })
  campaignId!: string;

  @Index('uq_campaign_events_key', { unique: true })
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

  @Column({ name: 'report_id', type: 'text', nullable: true })
  reportId!: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  data!: Record<string, unknown>;

  @CreateDateColumn({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;
}
