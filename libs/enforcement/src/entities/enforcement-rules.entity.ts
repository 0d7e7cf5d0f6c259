import type { EnforcementRules } from '@zhiben/contracts';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Versioned enforcement rules per jurisdiction (`*` = the national defaults). Append-only: a change is a
 * new version; a running workflow keeps the version it started with (it is part of its input).
 */
@Entity({ name: 'enforcement_rules' })
@Index('uq_enforcement_rules_version', ['orgUnitCode', 'version'], { unique: true })
export class EnforcementRulesEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_enforcement_rules' })
  id!: string;

  @Column({ name: 'org_unit_code', type: 'text' })
  orgUnitCode!: string;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'jsonb' })
  rules!: Omit<EnforcementRules, 'version'>;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ name: 'created_by', type: 'text' })
  createdBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/** Number counters (案号, 移送编号, 检查编号): one row per prefix and year. */
@Entity({ name: 'counters' })
export class EnforcementCounterEntity {
  @Column({ type: 'text', primary: true, primaryKeyConstraintName: 'pk_counters' })
  prefix!: string;

  @Column({ type: 'integer', primary: true, primaryKeyConstraintName: 'pk_counters' })
  year!: number;

  @Column({ name: 'last_value', type: 'integer' })
  lastValue!: number;
}
