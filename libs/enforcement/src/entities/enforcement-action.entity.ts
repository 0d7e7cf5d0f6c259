import type { EnforcementActionKind } from '@zhiben/contracts';
import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** An order or measure of a case (责令整改, 停产整顿, 按日连续处罚, 约谈/通报/曝光), unique by event key. */
@Entity({ name: 'enforcement_actions' })
@Check(
  'ck_enforcement_actions_kind',
  `kind IN ('rectificationOrder','suspensionOrder','suspensionLifted','dailyFine','summons','circular','exposure')`,
)
export class EnforcementActionEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_enforcement_actions' })
  id!: string;

  @Index('ix_enforcement_actions_case')
  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ type: 'text' })
  kind!: EnforcementActionKind;

  @Column({ type: 'text' })
  detail!: string;

  @Column({ name: 'deadline_at', type: 'timestamptz', nullable: true })
  deadlineAt!: Date | null;

  @Column({ name: 'amount_yuan', type: 'integer', nullable: true })
  amountYuan!: number | null;

  @Column({ name: 'by_username', type: 'text', nullable: true })
  byUsername!: string | null;

  @Column({ name: 'by_name', type: 'text', nullable: true })
  byName!: string | null;

  @Column({ type: 'timestamptz' })
  at!: Date;

  @Index('uq_enforcement_actions_event', { unique: true })
  @Column({ name: 'event_key', type: 'text' })
  eventKey!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
