import { Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** A missed time limit (超时记录): at most one per task and kind. */
@Entity({ name: 'sla_breaches' })
@Unique('uq_sla_breaches_task_kind', ['taskId', 'kind'])
export class SlaBreachEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_sla_breaches' })
  id!: string;

  @Column({ name: 'task_id', type: 'uuid' })
  taskId!: string;

  /** `reaction` (响应) or `completion` (办理). */
  @Column({ type: 'text' })
  kind!: 'reaction' | 'completion';

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt!: Date;

  @Column({ name: 'breached_at', type: 'timestamptz', default: () => 'now()' })
  breachedAt!: Date;
}
