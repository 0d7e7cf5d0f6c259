import type { TaskHistoryAction } from '@zhiben/contracts';
import { Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

/**
 * The per-task audit trail, append-only: who did what, when, with which decision and what changed.
 * Rows written by retried activities carry a `dedupe_key`, unique per task, so a retry adds nothing.
 */
@Entity({ name: 'task_history' })
@Unique('uq_task_history_dedupe', ['taskId', 'dedupeKey'])
export class TaskHistoryEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint', primaryKeyConstraintName: 'pk_task_history' })
  id!: string;

  @Column({ name: 'task_id', type: 'uuid' })
  taskId!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at!: Date;

  /** Username, or `system` for the workflow. */
  @Column({ type: 'text' })
  actor!: string;

  @Column({ name: 'actor_name', type: 'text', nullable: true })
  actorName!: string | null;

  @Column({ type: 'text' })
  action!: TaskHistoryAction;

  @Column({ type: 'text', nullable: true })
  decision!: string | null;

  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  changes!: Record<string, unknown> | null;

  @Column({ name: 'dedupe_key', type: 'text', nullable: true })
  dedupeKey!: string | null;
}
