import type { CampaignReportStatus, FormValues } from '@zhiben/contracts';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';

/**
 * One unit's report for one occurrence of a schedule (e.g. 贾嗣镇's 月度调度表 for 2023-06). Created by the
 * `campaignReport` workflow's `openReport` activity (id chosen by the workflow) with the ledger's
 * pre-filled figures; filled in through the API; its status follows the workflow.
 */
@Entity({ name: 'campaign_reports' })
@Check('ck_campaign_reports_status', `status IN ('open','review','submitted','submittedLate')`)
@Index('uq_campaign_reports_occurrence', ['campaignId', 'scheduleKey', 'occurrenceKey', 'unitCode'], {
  unique: true,
})
export class CampaignReportEntity {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_campaign_reports' })
  id!: string;

  @Column({ name: 'campaign_id', type: 'uuid' })
  campaignId!: string;

  @Column({ name: 'schedule_key', type: 'text' })
  scheduleKey!: string;

  @Column({ name: 'occurrence_key', type: 'text' })
  occurrenceKey!: string;

  @Index('ix_campaign_reports_unit')
  @Column({ name: 'unit_code', type: 'text' })
  unitCode!: string;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt!: Date;

  @Column({ type: 'text', default: 'open' })
  status!: CampaignReportStatus;

  @Column({ type: 'boolean', default: false })
  late!: boolean;

  /** The ledger's figures at opening (row id → count), or null when the form is not pre-filled. */
  @Column({ type: 'jsonb', nullable: true })
  prefilled!: Record<string, number> | null;

  /** The unit's values (row id → value); starts as the pre-filled figures. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  values!: FormValues;

  /** Rows the unit kept as the system pre-filled them. */
  @Column({ name: 'prefilled_rows', type: 'text', array: true, default: () => "'{}'" })
  prefilledRows!: string[];

  @Column({ name: 'report_date', type: 'date', nullable: true })
  reportDate!: string | null;

  @Column({ name: 'note_zh', type: 'text', nullable: true })
  noteZh!: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  attachments!: string[];

  @Column({ type: 'jsonb', nullable: true })
  signature!: { signedBy: string; title?: string; signedOn: string } | null;

  /** Number of fill-in submissions sent to the workflow (the Update id includes it). */
  @Column({ name: 'submission_seq', type: 'integer', default: 0 })
  submissionSeq!: number;

  @Column({ name: 'submitted_by', type: 'text', nullable: true })
  submittedBy!: string | null;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  @VersionColumn()
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
