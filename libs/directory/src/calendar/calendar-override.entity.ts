import { Check, Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** Admin overrides of the holiday calendar (e.g. a locally declared 调休). */
@Entity({ name: 'calendar_overrides' })
@Check('ck_calendar_overrides_kind', `kind IN ('workday','holiday')`)
export class CalendarOverrideEntity {
  @PrimaryColumn({ type: 'date', primaryKeyConstraintName: 'pk_calendar_overrides' })
  date!: string;

  @Column({ type: 'text' })
  kind!: 'workday' | 'holiday';

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ name: 'created_by', type: 'text' })
  createdBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
