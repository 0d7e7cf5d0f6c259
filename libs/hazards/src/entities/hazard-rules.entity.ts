import type { HazardRules } from '@zhiben/contracts';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Versioned hazard rules per jurisdiction (`*` = the national defaults). Append-only: a change is a new
 * version; a running workflow keeps the version it started with (it is part of its input).
 */
@Entity({ name: 'hazard_rules' })
@Index('uq_hazard_rules_version', ['orgUnitCode', 'version'], { unique: true })
export class HazardRulesEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_hazard_rules' })
  id!: string;

  @Column({ name: 'org_unit_code', type: 'text' })
  orgUnitCode!: string;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'jsonb' })
  rules!: Omit<HazardRules, 'version'>;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ name: 'created_by', type: 'text' })
  createdBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/** Ledger-number counters: one row per prefix and year. */
@Entity({ name: 'ledger_counters' })
export class LedgerCounterEntity {
  @Column({ type: 'text', primary: true, primaryKeyConstraintName: 'pk_ledger_counters' })
  prefix!: string;

  @Column({ type: 'integer', primary: true, primaryKeyConstraintName: 'pk_ledger_counters' })
  year!: number;

  @Column({ name: 'last_value', type: 'integer' })
  lastValue!: number;
}
