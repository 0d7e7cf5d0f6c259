import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@zhiben/auth';
import { DomainException } from '@zhiben/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { TipEntity, UnmaskRequestEntity, VaultAuditEntity, VaultIdentityEntity } from '../entities';
import { TIPLINE_OPTIONS, type TiplineOptions } from '../tipline.options';
import { seal, unseal, type ReporterIdentity } from './crypto';

export interface UnmaskRequestDto {
  id: string;
  tipId: string;
  reporterId: string;
  reason: string;
  status: 'pending' | 'approved' | 'rejected';
  requestedBy: { username: string; name: string };
  decidedBy: { username: string; name: string } | null;
  decidedAt: string | null;
  decisionComment: string | null;
  createdAt: string;
}

const toDto = (r: UnmaskRequestEntity): UnmaskRequestDto => ({
  id: r.id,
  tipId: r.tipId,
  reporterId: r.reporterId,
  reason: r.reason,
  status: r.status,
  requestedBy: { username: r.requestedBy, name: r.requestedByName },
  decidedBy: r.decidedBy ? { username: r.decidedBy, name: r.decidedByName ?? r.decidedBy } : null,
  decidedAt: r.decidedAt?.toISOString() ?? null,
  decisionComment: r.decisionComment,
  createdAt: r.createdAt.toISOString(),
});

/**
 * The reporter-identity vault (its own schema). Identities are sealed with AES-256-GCM under the
 * configured key; the only way out is an unmask request with a reason, approved by a leader other than
 * the requester, then one reveal by the requester — each step in the vault's audit log. Nothing here
 * logs an identity.
 */
@Injectable()
export class VaultService {
  constructor(
    private readonly ds: DataSource,
    @Inject(TIPLINE_OPTIONS) private readonly options: TiplineOptions,
  ) {}

  /** Stores (or replaces, merging) a reporter's identity, inside the caller's transaction. */
  async store(m: EntityManager, reporterId: string, identity: ReporterIdentity): Promise<void> {
    const repo = m.getRepository(VaultIdentityEntity);
    const prior = await repo.findOneBy({ reporterId });
    const merged = prior
      ? { ...unseal(this.options.vault, reporterId, prior.keyId, prior.sealed), ...identity }
      : identity;
    const { keyId, sealed } = seal(this.options.vault, reporterId, merged);
    await repo.save({ reporterId, keyId, sealed });
  }

  private audit(
    m: EntityManager,
    p: Principal,
    action: string,
    outcome: string,
    tipId: string | null,
    requestId: string | null,
    detail: Record<string, unknown> = {},
  ) {
    return m.getRepository(VaultAuditEntity).insert({
      action,
      outcome,
      actorUsername: p.username,
      actorName: p.name,
      tipId,
      requestId,
      clientAddress: null,
      detail: detail as never,
    });
  }

  async request(p: Principal, tip: TipEntity, reason: string): Promise<UnmaskRequestDto> {
    return this.ds.transaction(async (m) => {
      const row = await m.getRepository(UnmaskRequestEntity).save({
        tipId: tip.id,
        reporterId: tip.reporterId,
        reason,
        status: 'pending' as const,
        requestedBy: p.username,
        requestedByName: p.name,
      });
      await this.audit(m, p, 'unmask.requested', 'ok', tip.id, row.id, { reason });
      return toDto(row);
    });
  }

  async list(tipId?: string): Promise<{ data: UnmaskRequestDto[]; total: number }> {
    const rows = await this.ds.getRepository(UnmaskRequestEntity).find({
      where: tipId ? { tipId } : {},
      order: { createdAt: 'DESC' },
      take: 200,
    });
    return { data: rows.map(toDto), total: rows.length };
  }

  async decide(
    p: Principal,
    id: string,
    decision: 'approve' | 'reject',
    comment: string,
  ): Promise<UnmaskRequestDto> {
    return this.ds.transaction(async (m) => {
      const repo = m.getRepository(UnmaskRequestEntity);
      const row = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw DomainException.notFound('Unmask request', id);
      if (row.status !== 'pending') {
        throw new DomainException('CONFLICT', {
          detail: `Unmask request ${id} is ${row.status}`,
          messageZh: '该申请已处理',
          messageEn: 'This request was already decided',
        });
      }
      if (row.requestedBy === p.username) {
        await this.audit(this.ds.manager, p, 'unmask.decided', 'refused:self', row.tipId, row.id);
        throw new DomainException('FORBIDDEN', {
          detail: 'The requester cannot approve their own unmask request',
          messageZh: '不能审批本人提出的身份查阅申请',
          messageEn: 'You cannot decide your own unmask request',
        });
      }
      row.status = decision === 'approve' ? 'approved' : 'rejected';
      row.decidedBy = p.username;
      row.decidedByName = p.name;
      row.decidedAt = new Date();
      row.decisionComment = comment || null;
      await repo.save(row);
      await this.audit(m, p, 'unmask.decided', row.status, row.tipId, row.id, { comment });
      return toDto(row);
    });
  }

  /** The identity, to the requester of an approved request only; every attempt is audited. */
  async reveal(
    p: Principal,
    id: string,
    clientAddress: string,
  ): Promise<ReporterIdentity & { reporterId: string }> {
    const row = await this.ds.getRepository(UnmaskRequestEntity).findOneBy({ id });
    if (!row) throw DomainException.notFound('Unmask request', id);
    // A refusal is audited in its own transaction (the error must not roll it back).
    const refuse = async (outcome: string, zh: string, en: string) => {
      await this.audit(this.ds.manager, p, 'unmask.revealed', outcome, row.tipId, row.id, { clientAddress });
      return new DomainException('FORBIDDEN', {
        detail: `unmask refused: ${outcome}`,
        messageZh: zh,
        messageEn: en,
      });
    };
    if (row.requestedBy !== p.username) {
      throw await refuse(
        'refused:notRequester',
        '仅申请人可在获批后查阅',
        'Only the requester may read it, once approved',
      );
    }
    if (row.status !== 'approved') {
      throw await refuse(
        'refused:notApproved',
        '身份查阅申请尚未获批准',
        'The unmask request is not approved',
      );
    }
    return this.ds.transaction(async (m) => {
      const vault = await m.getRepository(VaultIdentityEntity).findOneBy({ reporterId: row.reporterId });
      await m.getRepository(VaultAuditEntity).insert({
        action: 'unmask.revealed',
        outcome: vault ? 'ok' : 'noIdentity',
        actorUsername: p.username,
        actorName: p.name,
        tipId: row.tipId,
        requestId: row.id,
        clientAddress,
        detail: {},
      });
      if (!vault) return { reporterId: row.reporterId };
      return {
        reporterId: row.reporterId,
        ...unseal(this.options.vault, row.reporterId, vault.keyId, vault.sealed),
      };
    });
  }

  async auditLog(tipId?: string) {
    const rows = await this.ds.getRepository(VaultAuditEntity).find({
      where: tipId ? { tipId } : {},
      order: { id: 'ASC' },
      take: 500,
    });
    return {
      data: rows.map((r) => ({
        id: r.id,
        at: r.at.toISOString(),
        action: r.action,
        outcome: r.outcome,
        actor: { username: r.actorUsername, name: r.actorName },
        tipId: r.tipId,
        requestId: r.requestId,
        detail: r.detail,
      })),
      total: rows.length,
    };
  }
}
