import type { HazardGrade } from '@zhiben/contracts';
import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A finding of an inspection; registered as a hazard in the hazards context (its id kept here). */
@Entity({ name: 'findings' })
@Check('ck_findings_grade', `grade IN ('general','major')`)
@Index('uq_findings_seq', ['inspectionId', 'seq'], { unique: true })
export class FindingEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_findings' })
  id!: string;

  @Column({ name: 'inspection_id', type: 'uuid' })
  inspectionId!: string;

  @Column({ type: 'integer' })
  seq!: number;

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'text' })
  grade!: HazardGrade;

  @Column({ name: 'catalogue_id', type: 'text', nullable: true })
  catalogueId!: string | null;

  @Column({ name: 'clause_id', type: 'text', nullable: true })
  clauseId!: string | null;

  @Column({ type: 'text', nullable: true })
  location!: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  photos!: string[];

  @Column({ name: 'rectify_by', type: 'date', nullable: true })
  rectifyBy!: string | null;

  @Column({ name: 'stop_ordered', type: 'boolean', default: false })
  stopOrdered!: boolean;

  @Index('ix_findings_hazard')
  @Column({ name: 'hazard_id', type: 'uuid', nullable: true })
  hazardId!: string | null;

  @Column({ name: 'hazard_error', type: 'text', nullable: true })
  hazardError!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
