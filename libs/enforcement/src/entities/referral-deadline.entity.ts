import type { ReferralDeadlineKind } from '@zhiben/contracts';
import { Check, Column, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** One legal deadline of a referral (B7) on the board: started, due, met, breached (each at most once). */
@Entity({ name: 'referral_deadlines' })
@Check(
  'ck_referral_deadlines_kind',
  `kind IN ('headDecision','transfer','policeDecision','policeNotice','reconsiderationRequest','reconsiderationAnswer','procuratorateRequest','handover')`,
)
@Index('uq_referral_deadlines_kind', ['referralId', 'kind'], { unique: true })
export class ReferralDeadlineEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_referral_deadlines' })
  id!: string;

  @Column({ name: 'referral_id', type: 'uuid' })
  referralId!: string;

  @Column({ type: 'text' })
  kind!: ReferralDeadlineKind;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt!: Date | null;

  @Column({ name: 'due_at', type: 'timestamptz', nullable: true })
  dueAt!: Date | null;

  @Column({ name: 'met_at', type: 'timestamptz', nullable: true })
  metAt!: Date | null;

  @Column({ name: 'breached_at', type: 'timestamptz', nullable: true })
  breachedAt!: Date | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
