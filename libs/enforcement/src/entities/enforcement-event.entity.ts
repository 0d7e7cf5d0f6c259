import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type EventSubjectKind = 'case' | 'referral' | 'inspection' | 'plan';

/** The append-only timeline of inspections, cases and referrals; `event_key` makes every write once-only. */
@Entity({ name: 'enforcement_events' })
@Check('ck_enforcement_events_subject', `subject_kind IN ('case','referral','inspection','plan')`)
@Index('ix_enforcement_events_subject', ['subjectKind', 'subjectId', 'id'])
export class EnforcementEventEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint', primaryKeyConstraintName: 'pk_enforcement_events' })
  id!: string;

  @Column({ name: 'subject_kind', type: 'text' })
  subjectKind!: EventSubjectKind;

  @Column({ name: 'subject_id', type: 'uuid' })
  subjectId!: string;

  @Index('uq_enforcement_events_key', { unique: true })
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
