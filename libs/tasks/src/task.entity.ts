import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';

/**
 * A human task opened by a workflow. Completion is a Temporal Update to `workflowId`
 * (issue 3); this table is the inbox's read model and the task's audit anchor.
 */
@Entity({ name: 'tasks' })
@Index('ix_tasks_assignee_open', ['assignee', 'createdAt', 'id'], { where: `status IN ('open','claimed')` })
export class TaskEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_tasks' })
  id!: string;

  @Column({ type: 'text' })
  type!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ name: 'case_ref', type: 'text', nullable: true })
  caseRef!: string | null;

  @Column({ name: 'workflow_id', type: 'text' })
  workflowId!: string;

  @Column({ type: 'text', default: 'open' })
  status!: string;

  @Column({ type: 'text', default: 'normal' })
  priority!: string;

  @Column({ type: 'text', nullable: true })
  assignee!: string | null;

  @Column({ name: 'org_unit_code', type: 'text', nullable: true })
  orgUnitCode!: string | null;

  @Column({ name: 'due_at', type: 'timestamptz', nullable: true })
  dueAt!: Date | null;

  @Column({ name: 'follow_up_at', type: 'timestamptz', nullable: true })
  followUpAt!: Date | null;

  @VersionColumn()
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/** Who may act on a task: a role within an org unit (候选人 = 角色 × 机构). */
@Entity({ name: 'task_candidates' })
@Index('ix_task_candidates_lookup', ['role', 'orgUnitCode'])
export class TaskCandidateEntity {
  @Column({ name: 'task_id', type: 'uuid', primary: true, primaryKeyConstraintName: 'pk_task_candidates' })
  taskId!: string;

  @Column({ type: 'text', primary: true, primaryKeyConstraintName: 'pk_task_candidates' })
  role!: string;

  @Column({
    name: 'org_unit_code',
    type: 'text',
    primary: true,
    primaryKeyConstraintName: 'pk_task_candidates',
  })
  orgUnitCode!: string;
}

@Entity({ name: 'task_watchers' })
export class TaskWatcherEntity {
  @Column({ name: 'task_id', type: 'uuid', primary: true, primaryKeyConstraintName: 'pk_task_watchers' })
  taskId!: string;

  @Index('ix_task_watchers_user')
  @Column({ type: 'text', primary: true, primaryKeyConstraintName: 'pk_task_watchers' })
  username!: string;
}
