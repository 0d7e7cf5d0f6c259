import type { TipChannel, TipKind, TipStatus } from '@zhiben/contracts';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { TIPLINE_VAULT_SCHEMA } from './schema';

/**
 * A tip (举报) and its read model. No identity here: the reporter is `reporterId` (pseudonymous); name,
 * phone, ID number and bank account live only in the vault (`tipline_vault.identities`), encrypted.
 */
@Entity({ name: 'tips' })
@Index('ix_tips_unit', ['receivingUnitCode', 'createdAt'])
export class TipEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_tips' })
  id!: string;

  @Index('uq_tips_ref', { unique: true })
  @Column({ type: 'text' })
  ref!: string;

  @Column({ type: 'text' })
  kind!: TipKind;

  @Column({ type: 'text' })
  channel!: TipChannel;

  @Column({ type: 'text', default: 'received' })
  status!: TipStatus;

  @Column({ name: 'reporter_id', type: 'text' })
  reporterId!: string;

  @Column({ type: 'boolean' })
  anonymous!: boolean;

  /** HMAC of the canonical claim code (the code itself is shown once and never stored). */
  @Index('uq_tips_claim_code', { unique: true })
  @Column({ name: 'claim_code_hash', type: 'text' })
  claimCodeHash!: string;

  /** scrypt$N$r$p$salt$hash of the reporter's password. */
  @Column({ name: 'password_hash', type: 'text' })
  passwordHash!: string;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt!: Date;

  @Column({ name: 'receiving_unit_code', type: 'text' })
  receivingUnitCode!: string;

  @Column({ name: 'receiving_unit_name', type: 'text' })
  receivingUnitName!: string;

  @Column({ name: 'town_code', type: 'text', nullable: true })
  townCode!: string | null;

  @Column({ name: 'enterprise_credit_code', type: 'text', nullable: true })
  enterpriseCreditCode!: string | null;

  @Column({ name: 'enterprise_name', type: 'text', nullable: true })
  enterpriseName!: string | null;

  @Column({ type: 'text' })
  location!: string;

  /** The report's own words: handlers only, never served on the enterprise. */
  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  photos!: string[];

  /** Read-model fields the workflow and the steps set (TipStatusPatch and step details). */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  read!: Record<string, unknown>;

  @Column({ type: 'jsonb', nullable: true })
  reward!: Record<string, unknown> | null;

  /** What the reporter sees on the status page (notices and feedback), oldest first. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  messages!: { at: string; zh: string; en: string }[];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  disputes!: { id: string; at: string; reason: string; result: 'pending' | 'upheld' | 'revised' }[];

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @Column({ name: 'rules_version', type: 'integer' })
  rulesVersion!: number;

  @Column({ name: 'ms_per_day', type: 'integer' })
  msPerDay!: number;

  @Column({ name: 'workflow_id', type: 'text' })
  workflowId!: string;

  @Column({ name: 'workflow_input', type: 'jsonb' })
  workflowInput!: unknown;

  @Column({ name: 'workflow_started_at', type: 'timestamptz', nullable: true })
  workflowStartedAt!: Date | null;

  @Column({ name: 'workflow_start_attempts', type: 'integer', default: 0 })
  workflowStartAttempts!: number;

  @Column({ name: 'workflow_start_error', type: 'text', nullable: true })
  workflowStartError!: string | null;

  @Column({ type: 'integer', default: 1 })
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/** The append-only timeline of a tip; `event_key` makes every write once-only. */
@Entity({ name: 'tip_events' })
@Index('ix_tip_events_tip', ['tipId', 'id'])
export class TipEventEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint', primaryKeyConstraintName: 'pk_tip_events' })
  id!: string;

  @Column({ name: 'tip_id', type: 'uuid' })
  tipId!: string;

  @Index('uq_tip_events_key', { unique: true })
  @Column({ name: 'event_key', type: 'text' })
  eventKey!: string;

  @Column({ type: 'text' })
  type!: string;

  @Column({ name: 'summary_zh', type: 'text' })
  summaryZh!: string;

  @Column({ name: 'summary_en', type: 'text' })
  summaryEn!: string;

  @Column({ name: 'actor_username', type: 'text', nullable: true })
  actorUsername!: string | null;

  @Column({ name: 'actor_name', type: 'text', nullable: true })
  actorName!: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  data!: Record<string, unknown>;

  @CreateDateColumn({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;
}

/** Activity keys already applied (setTipStatus, setTipReward, notifyReporter): each applies once. */
@Entity({ name: 'tip_applied_keys' })
export class TipAppliedKeyEntity {
  @PrimaryColumn({ name: 'event_key', type: 'text', primaryKeyConstraintName: 'pk_tip_applied_keys' })
  eventKey!: string;

  @Column({ name: 'tip_id', type: 'uuid' })
  tipId!: string;

  @CreateDateColumn({ name: 'applied_at', type: 'timestamptz' })
  appliedAt!: Date;
}

/** Photos uploaded through the public form; attached to a tip when it is filed. */
@Entity({ name: 'tip_files' })
@Index('ix_tip_files_tip', ['tipId'])
export class TipFileEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_tip_files' })
  id!: string;

  @Column({ name: 'tip_id', type: 'uuid', nullable: true })
  tipId!: string | null;

  @Column({ name: 'content_type', type: 'text' })
  contentType!: string;

  @Column({ name: 'size_bytes', type: 'bigint' })
  sizeBytes!: string;

  @Column({ type: 'text' })
  sha256!: string;

  @Column({ name: 'storage_key', type: 'text' })
  storageKey!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/** Failed claim-code/password attempts, per code hash (whether or not the code exists): the lock-out. */
@Entity({ name: 'claim_failures' })
@Index('ix_claim_failures_code', ['codeHash', 'at'])
export class ClaimFailureEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint', primaryKeyConstraintName: 'pk_claim_failures' })
  id!: string;

  @Column({ name: 'code_hash', type: 'text' })
  codeHash!: string;

  @Column({ type: 'timestamptz' })
  at!: Date;
}

/** Sequence of tip numbers per year (JB-2026-000123). */
@Entity({ name: 'tip_counters' })
export class TipCounterEntity {
  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'pk_tip_counters' })
  year!: number;

  @Column({ type: 'integer' })
  last!: number;
}

// ------------------------------------------------------------------------------------- the vault
/**
 * One reporter's identity, sealed with AES-256-GCM (`sealed` = iv.tag.ciphertext, base64url, under the
 * key `key_id`; old keys stay readable through TIPLINE_VAULT_OLD_KEYS). Keyed by the pseudonymous id.
 */
@Entity({ name: 'identities', schema: TIPLINE_VAULT_SCHEMA })
export class VaultIdentityEntity {
  @PrimaryColumn({ name: 'reporter_id', type: 'text', primaryKeyConstraintName: 'pk_vault_identities' })
  reporterId!: string;

  @Column({ name: 'key_id', type: 'text' })
  keyId!: string;

  @Column({ type: 'text' })
  sealed!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/** A request to see a reporter's identity: reason → a leader's approval → one reveal. */
@Entity({ name: 'unmask_requests', schema: TIPLINE_VAULT_SCHEMA })
@Index('ix_unmask_requests_tip', ['tipId'])
export class UnmaskRequestEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_unmask_requests' })
  id!: string;

  @Column({ name: 'tip_id', type: 'uuid' })
  tipId!: string;

  @Column({ name: 'reporter_id', type: 'text' })
  reporterId!: string;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ type: 'text', default: 'pending' })
  status!: 'pending' | 'approved' | 'rejected';

  @Column({ name: 'requested_by', type: 'text' })
  requestedBy!: string;

  @Column({ name: 'requested_by_name', type: 'text' })
  requestedByName!: string;

  @Column({ name: 'decided_by', type: 'text', nullable: true })
  decidedBy!: string | null;

  @Column({ name: 'decided_by_name', type: 'text', nullable: true })
  decidedByName!: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Column({ name: 'decision_comment', type: 'text', nullable: true })
  decisionComment!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/** Append-only audit of every vault access: unmask requested / decided / revealed / refused. */
@Entity({ name: 'audit_log', schema: TIPLINE_VAULT_SCHEMA })
@Index('ix_vault_audit_tip', ['tipId', 'id'])
export class VaultAuditEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint', primaryKeyConstraintName: 'pk_vault_audit_log' })
  id!: string;

  @Column({ type: 'text' })
  action!: string;

  @Column({ type: 'text' })
  outcome!: string;

  @Column({ name: 'actor_username', type: 'text' })
  actorUsername!: string;

  @Column({ name: 'actor_name', type: 'text' })
  actorName!: string;

  @Column({ name: 'tip_id', type: 'uuid', nullable: true })
  tipId!: string | null;

  @Column({ name: 'request_id', type: 'uuid', nullable: true })
  requestId!: string | null;

  @Column({ name: 'client_address', type: 'text', nullable: true })
  clientAddress!: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  detail!: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;
}

export const TIPLINE_ENTITIES = [
  TipEntity,
  TipEventEntity,
  TipAppliedKeyEntity,
  TipFileEntity,
  ClaimFailureEntity,
  TipCounterEntity,
  VaultIdentityEntity,
  UnmaskRequestEntity,
  VaultAuditEntity,
];
