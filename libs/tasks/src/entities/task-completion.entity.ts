import { Column, CreateDateColumn, Entity } from 'typeorm';

/**
 * The one completion of a task and the response it produced, so a retried request with the same
 * idempotency key gets the same answer and a different one gets a clear 409.
 */
@Entity({ name: 'task_completions' })
export class TaskCompletionEntity {
  @Column({ name: 'task_id', type: 'uuid', primary: true, primaryKeyConstraintName: 'pk_task_completions' })
  taskId!: string;

  @Column({ name: 'idempotency_key', type: 'text' })
  idempotencyKey!: string;

  @Column({ type: 'text' })
  actor!: string;

  @Column({ name: 'actor_name', type: 'text', nullable: true })
  actorName!: string | null;

  @Column({ type: 'jsonb' })
  result!: Record<string, unknown>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
