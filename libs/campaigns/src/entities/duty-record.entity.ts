import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One counted occurrence of a recurring "at least N per period" duty (至少N次). */
@Entity({ name: 'duty_records' })
@Index('ix_duty_records_duty', ['campaignId', 'dutyId', 'unitCode', 'occurredOn'])
export class DutyRecordEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_duty_records' })
  id!: string;

  @Column({ name: 'campaign_id', type: 'uuid' })
  campaignId!: string;

  @Column({ name: 'duty_id', type: 'text' })
  dutyId!: string;

  @Column({ name: 'unit_code', type: 'text' })
  unitCode!: string;

  @Column({ name: 'occurred_on', type: 'date' })
  occurredOn!: string;

  @Column({ type: 'integer', default: 1 })
  count!: number;

  @Column({ name: 'note_zh', type: 'text', nullable: true })
  noteZh!: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  attachments!: string[];

  @Column({ name: 'recorded_by', type: 'text' })
  recordedBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
