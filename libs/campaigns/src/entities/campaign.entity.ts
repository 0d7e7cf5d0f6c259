import type { CampaignStatus, CampaignWorkflowInput, CreateCampaign } from '@zhiben/contracts';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';

/**
 * A campaign instance (专项行动): a template version instantiated for a jurisdiction. `plan` is the
 * validated create request (dates, stages, schedules, participants, assignments); the jurisdiction's
 * path is copied from the directory for scoping, like the hazard ledger does.
 */
@Entity({ name: 'campaigns' })
@Check(
  'ck_campaigns_status',
  `status IN ('draft','approval','issued','running','summarizing','closed','rejected')`,
)
export class CampaignEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_campaigns' })
  id!: string;

  @Column({ name: 'template_id', type: 'text' })
  templateId!: string;

  @Column({ name: 'template_version', type: 'integer' })
  templateVersion!: number;

  @Column({ name: 'title_zh', type: 'text' })
  titleZh!: string;

  @Index('ix_campaigns_status')
  @Column({ type: 'text', default: 'draft' })
  status!: CampaignStatus;

  @Column({ name: 'current_stage_key', type: 'text', nullable: true })
  currentStageKey!: string | null;

  @Column({ name: 'jurisdiction_code', type: 'text' })
  jurisdictionCode!: string;

  @Column({ name: 'jurisdiction_name', type: 'text' })
  jurisdictionName!: string;

  /** The jurisdiction's materialised path in the directory, for subtree scoping. */
  @Index('ix_campaigns_jurisdiction_path')
  @Column({ name: 'jurisdiction_path', type: 'text' })
  jurisdictionPath!: string;

  /** The issuing unit (the creating admin's unit: 区安委办, 镇政府…). */
  @Column({ name: 'issuing_unit_code', type: 'text' })
  issuingUnitCode!: string;

  /** Participating unit codes (copied out of `plan` for scoped queries). */
  @Column({ name: 'participant_codes', type: 'text', array: true, default: () => "'{}'" })
  participantCodes!: string[];

  /** A lower unit's plan drafted from a higher one (cascade, 备案 with the parent's office). */
  @Index('ix_campaigns_parent')
  @Column({ name: 'parent_campaign_id', type: 'uuid', nullable: true })
  parentCampaignId!: string | null;

  @Column({ type: 'jsonb' })
  plan!: CreateCampaign;

  @Column({ name: 'workflow_id', type: 'text' })
  workflowId!: string;

  /** Stored at submission, before the start is attempted (outbox); a failed start retries with it. */
  @Column({ name: 'workflow_input', type: 'jsonb', nullable: true })
  workflowInput!: CampaignWorkflowInput | null;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  @Index('ix_campaigns_workflow_pending', {
    where: 'workflow_started_at IS NULL AND submitted_at IS NOT NULL',
  })
  @Column({ name: 'workflow_started_at', type: 'timestamptz', nullable: true })
  workflowStartedAt!: Date | null;

  @Column({ name: 'workflow_start_attempts', type: 'integer', default: 0 })
  workflowStartAttempts!: number;

  @Column({ name: 'workflow_start_error', type: 'text', nullable: true })
  workflowStartError!: string | null;

  @Column({ name: 'created_by', type: 'text' })
  createdBy!: string;

  @Column({ name: 'created_by_name', type: 'text' })
  createdByName!: string;

  @VersionColumn()
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
