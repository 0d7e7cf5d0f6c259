import type { DecisionOption, SlaPolicy, TaskOutcome, TaskStatus } from '@zhiben/contracts';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';

/**
 * A human task opened by a workflow (OpenTaskRequest). Completion is a Temporal Update to
 * `workflowId`; this table is the inbox's read model and the anchor of the task's audit trail.
 * Title columns: `title` is Chinese (the language of record), `title_en` its English label.
 */
@Entity({ name: 'tasks' })
@Unique('uq_tasks_workflow_task_key', ['workflowId', 'taskKey'])
@Index('ix_tasks_assignee_open', ['assignee', 'createdAt', 'id'], { where: `status IN ('open','claimed')` })
@Index('ix_tasks_assignee_closed', ['assignee', 'createdAt', 'id'], { where: `status = 'closed'` })
@Index('ix_tasks_due_open', ['dueAt'], { where: `status IN ('open','claimed')` })
@Index('ix_tasks_campaign', ['campaignId', 'createdAt'], { where: `campaign_id IS NOT NULL` })
export class TaskEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_tasks' })
  id!: string;

  /** Unique within the workflow: (workflow_id, task_key) makes openTask idempotent. */
  @Column({ name: 'task_key', type: 'text', nullable: true })
  taskKey!: string | null;

  @Column({ type: 'text' })
  type!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ name: 'title_en', type: 'text', nullable: true })
  titleEn!: string | null;

  @Column({ name: 'case_ref', type: 'text', nullable: true })
  caseRef!: string | null;

  @Column({ name: 'case_kind', type: 'text', nullable: true })
  caseKind!: string | null;

  /** Workflow step, for 退回 and for reading the trail. */
  @Column({ type: 'text', nullable: true })
  step!: string | null;

  @Column({ name: 'workflow_id', type: 'text' })
  workflowId!: string;

  @Column({ type: 'text', default: 'open' })
  status!: TaskStatus;

  /** Set when status = closed. */
  @Column({ type: 'text', nullable: true })
  outcome!: TaskOutcome | null;

  @Column({ type: 'text', default: 'normal' })
  priority!: string;

  @Column({ type: 'text', nullable: true })
  assignee!: string | null;

  /** Who answers for the task; a delegate (委派) hands it back to the owner. */
  @Column({ type: 'text', nullable: true })
  owner!: string | null;

  /** Set while the task is delegated: who delegated it (the assignee is the delegate). */
  @Column({ name: 'delegated_from', type: 'text', nullable: true })
  delegatedFrom!: string | null;

  @Column({ name: 'org_unit_code', type: 'text', nullable: true })
  orgUnitCode!: string | null;

  @Column({ name: 'campaign_id', type: 'text', nullable: true })
  campaignId!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  decisions!: DecisionOption[] | null;

  @Column({ name: 'form_schema', type: 'jsonb', nullable: true })
  formSchema!: Record<string, unknown> | null;

  @Column({ name: 'form_data', type: 'jsonb', nullable: true })
  formData!: Record<string, unknown> | null;

  @Column({ type: 'jsonb', nullable: true })
  sla!: SlaPolicy | null;

  @Column({ name: 'due_at', type: 'timestamptz', nullable: true })
  dueAt!: Date | null;

  @Column({ name: 'follow_up_at', type: 'timestamptz', nullable: true })
  followUpAt!: Date | null;

  /** 响应时限: claim (or act) before this. */
  @Column({ name: 'reaction_due_at', type: 'timestamptz', nullable: true })
  reactionDueAt!: Date | null;

  @Column({ name: 'claimed_at', type: 'timestamptz', nullable: true })
  claimedAt!: Date | null;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt!: Date | null;

  @Column({ name: 'completed_by', type: 'text', nullable: true })
  completedBy!: string | null;

  @Column({ type: 'text', nullable: true })
  decision!: string | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @VersionColumn()
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/**
 * Who may act on a task: a role within an org unit (候选人 = 角色 × 机构). Each row also carries a copy
 * of the task's inbox fields (`task_*`) and `active` (false once closed), maintained by triggers
 * (migration 1764000000004), so the groups inbox is one index range per role × unit, in page order,
 * filtered inside the index: `ix_task_candidates_inbox` (role, org_unit_code, task_created_at,
 * task_id) INCLUDE (task_type, …, task_search) WHERE active (migration 1764000000003; TypeORM cannot
 * express INCLUDE, so schema sync leaves it alone).
 */
@Entity({ name: 'task_candidates' })
@Index('ix_task_candidates_inbox', { synchronize: false })
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

  /** False once the task is closed. */
  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @Column({ name: 'task_created_at', type: 'timestamptz', default: () => 'now()' })
  taskCreatedAt!: Date;

  @Column({ name: 'task_type', type: 'text', nullable: true })
  taskType!: string | null;

  @Column({ name: 'task_priority', type: 'text', nullable: true })
  taskPriority!: string | null;

  @Column({ name: 'task_due_at', type: 'timestamptz', nullable: true })
  taskDueAt!: Date | null;

  @Column({ name: 'task_campaign_id', type: 'text', nullable: true })
  taskCampaignId!: string | null;

  @Column({ name: 'task_org_unit_code', type: 'text', nullable: true })
  taskOrgUnitCode!: string | null;

  /** lower(title, title_en, case_ref), for the inbox's text filter. */
  @Column({ name: 'task_search', type: 'text', nullable: true })
  taskSearch!: string | null;
}

@Entity({ name: 'task_watchers' })
export class TaskWatcherEntity {
  @Column({ name: 'task_id', type: 'uuid', primary: true, primaryKeyConstraintName: 'pk_task_watchers' })
  taskId!: string;

  @Index('ix_task_watchers_user')
  @Column({ type: 'text', primary: true, primaryKeyConstraintName: 'pk_task_watchers' })
  username!: string;
}
