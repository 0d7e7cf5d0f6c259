import type { ChecklistLineDto, InspectionKind, InspectionStatus } from '@zhiben/contracts';
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
import { JurisdictionColumns } from './common';

export interface InspectorSignature {
  username: string;
  name: string;
  certificateNo: string | null;
  signedAt: string | null;
}

/** One inspection of one enterprise by at least two inspectors (谁检查、谁签名、谁负责). */
@Entity({ name: 'inspections' })
@Check('ck_inspections_kind', `kind IN ('routine','randomDraw','unannounced','covert','crossRegion')`)
@Check('ck_inspections_status', `status IN ('planned','recorded','closed','caseOpened')`)
@Index('ix_inspections_org_path', ['orgPath'])
@Index('ix_inspections_enterprise', ['enterpriseCreditCode'])
@Index('ix_inspections_created_at', ['createdAt', 'id'])
export class InspectionEntity extends JurisdictionColumns {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_inspections' })
  id!: string;

  /** 检查编号 shown to people. */
  @Index('uq_inspections_ref', { unique: true })
  @Column({ type: 'text' })
  ref!: string;

  @Column({ type: 'text' })
  kind!: InspectionKind;

  @Column({ type: 'text', default: 'planned' })
  status!: InspectionStatus;

  @Index('ix_inspections_plan')
  @Column({ name: 'plan_id', type: 'uuid', nullable: true })
  planId!: string | null;

  @Column({ name: 'planned_on', type: 'date', nullable: true })
  plannedOn!: string | null;

  @Column({ name: 'inspected_at', type: 'timestamptz', nullable: true })
  inspectedAt!: Date | null;

  @Column({ type: 'jsonb' })
  inspectors!: InspectorSignature[];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  checklist!: ChecklistLineDto[];

  @Column({ name: 'principal_duties_checked', type: 'boolean', default: false })
  principalDutiesChecked!: boolean;

  @Column({ name: 'responsible_persons_checked', type: 'boolean', default: false })
  responsiblePersonsChecked!: boolean;

  /** Hash of the recorded request: the same record sent again is a retry, a different one a conflict. */
  @Column({ name: 'record_hash', type: 'text', nullable: true })
  recordHash!: string | null;

  @Column({ name: 'case_id', type: 'uuid', nullable: true })
  caseId!: string | null;

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
