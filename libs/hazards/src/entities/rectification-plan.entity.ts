import type { HazardPerson } from '@zhiben/contracts';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { HazardEntity } from './hazard.entity';

export const PLAN_STATUSES = [
  'draft',
  'submitted',
  'approved',
  'returned',
  'superseded',
  'rejected',
] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/**
 * 重大事故隐患治理方案, versioned per hazard. The six elements of 16号令 第十五条 (regulations.md B1) carry
 * the 五落实 (000:39); a returned version keeps the reviewer's reasons, a refused submission (the workflow
 * rejected the Update) keeps why.
 */
@Entity({ name: 'rectification_plans' })
@Check(
  'ck_rectification_plans_status',
  `status IN ('draft','submitted','approved','returned','superseded','rejected')`,
)
@Index('uq_rectification_plans_version', ['hazardId', 'planVersion'], { unique: true })
@Index('uq_rectification_plans_request', ['hazardId', 'requestId'], {
  unique: true,
  where: 'request_id IS NOT NULL',
})
export class RectificationPlanEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_rectification_plans' })
  id!: string;

  @Column({ name: 'hazard_id', type: 'uuid' })
  hazardId!: string;

  @ManyToOne(() => HazardEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'hazard_id', foreignKeyConstraintName: 'fk_rectification_plans_hazard' })
  hazard?: HazardEntity;

  @Column({ name: 'plan_version', type: 'integer' })
  planVersion!: number;

  @Column({ type: 'text', default: 'submitted' })
  status!: PlanStatus;

  /** 目标任务 */
  @Column({ type: 'text' })
  targets!: string;

  /** 方法措施 */
  @Column({ type: 'text' })
  measures!: string;

  /** 经费物资 */
  @Column({ name: 'funds_and_materials', type: 'text' })
  fundsAndMaterials!: string;

  @Column({ name: 'funds_amount_yuan', type: 'numeric', precision: 14, scale: 2, nullable: true })
  fundsAmountYuan!: string | null;

  /** 机构人员 */
  @Column({ name: 'organisation_and_people', type: 'text' })
  organisationAndPeople!: string;

  @Column({ name: 'responsible_person', type: 'jsonb' })
  responsiblePerson!: HazardPerson;

  /** 时间要求: completion date, the rectification deadline once approved. */
  @Column({ type: 'date' })
  deadline!: string;

  @Column({ name: 'time_requirements', type: 'text', nullable: true })
  timeRequirements!: string | null;

  /** 安全措施 */
  @Column({ name: 'safety_measures', type: 'text' })
  safetyMeasures!: string;

  /** 应急预案 */
  @Column({ name: 'emergency_plan', type: 'text' })
  emergencyPlan!: string;

  /** 验收人 */
  @Column({ type: 'jsonb' })
  acceptor!: HazardPerson & { title?: string };

  @Column({ name: 'acceptance_criteria', type: 'text', nullable: true })
  acceptanceCriteria!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  executor!: HazardPerson | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  attachments!: string[];

  @Column({ name: 'request_id', type: 'text', nullable: true })
  requestId!: string | null;

  @Column({ name: 'submitted_by', type: 'text' })
  submittedBy!: string;

  @Column({ name: 'submitted_by_name', type: 'text' })
  submittedByName!: string;

  @Column({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt!: Date;

  @Column({ name: 'reviewed_by', type: 'text', nullable: true })
  reviewedBy!: string | null;

  @Column({ name: 'reviewed_by_name', type: 'text', nullable: true })
  reviewedByName!: string | null;

  @Column({ name: 'reviewed_at', type: 'timestamptz', nullable: true })
  reviewedAt!: Date | null;

  /** 审核意见 (reasons when returned). */
  @Column({ name: 'review_comment', type: 'text', nullable: true })
  reviewComment!: string | null;

  /** Why the workflow refused the submission (status `rejected`). */
  @Column({ name: 'rejection_reason', type: 'text', nullable: true })
  rejectionReason!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
