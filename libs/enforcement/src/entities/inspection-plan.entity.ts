import type { InspectionKind } from '@zhiben/contracts';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  VersionColumn,
} from 'typeorm';

export interface PlanDraw {
  seed: string;
  drawnAt: string;
  /** Credit codes drawn, in draw order. */
  enterprises: string[];
  /** Usernames drawn per enterprise (same order as `enterprises`). */
  inspectors: string[][];
  /** How many enterprises the frame held (the published basis of the draw). */
  frameSize: number;
  drawnBy: string;
}

/** An inspection plan (年度/月度监督检查计划) or the frame of a 双随机 draw. */
@Entity({ name: 'inspection_plans' })
@Check('ck_inspection_plans_kind', `kind IN ('routine','randomDraw','unannounced','covert','crossRegion')`)
export class InspectionPlanEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_inspection_plans' })
  id!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  kind!: InspectionKind;

  @Index('ix_inspection_plans_department')
  @Column({ name: 'department_code', type: 'text' })
  departmentCode!: string;

  @Column({ name: 'department_name', type: 'text' })
  departmentName!: string;

  /** The directory path of the level the department serves (its district), for scoping. */
  @Column({ name: 'org_path', type: 'text' })
  orgPath!: string;

  @Column({ name: 'period_from', type: 'date' })
  periodFrom!: string;

  @Column({ name: 'period_to', type: 'date' })
  periodTo!: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  enterprises!: { creditCode: string; name: string }[];

  /** 双随机: the seed and the result, recorded once and published (一公开). */
  @Column({ type: 'jsonb', nullable: true })
  draw!: PlanDraw | null;

  @Column({ name: 'created_by', type: 'text' })
  createdBy!: string;

  @Column({ name: 'created_by_name', type: 'text' })
  createdByName!: string;

  @VersionColumn()
  version!: number;

  @Index('ix_inspection_plans_created_at')
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
