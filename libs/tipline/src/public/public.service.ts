import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  CLAIM_TIP_REWARD_UPDATE,
  DEFAULT_TIPLINE_RULES,
  DISPUTE_TIP_UPDATE,
  TIP_KIND_LABELS,
  tipVerificationWorkflowId,
  type ClaimTipRewardInput,
  type DisputeTipInput,
  type TipChannel,
  type TipVerificationInput,
} from '@zhiben/contracts';
import {
  FILE_STORAGE,
  resolveUploadType,
  spoolUpload,
  UPLOAD_TYPES,
  type FileStorage,
} from '@zhiben/hazards';
import { DomainException } from '@zhiben/platform';
import {
  checkClaimCode,
  checkClaimPassword,
  claimCodeFromRandom,
  claimLockout,
  formatClaimCode,
} from '@zhiben/tipline-domain';
import { randomBytes, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import type { z } from 'zod';
import type { claimSchema, disputeSchema, PublicTipRequest } from '../api';
import { ClaimFailureEntity, TipEntity, TipFileEntity } from '../entities';
import { toPublicStatus } from '../mappers';
import { table } from '../schema';
import { clockOf, TIPLINE_OPTIONS, tipCandidates, type TiplineOptions } from '../tipline.options';
import { claimCodeHash, hashPassword, reporterIdFor, verifyPassword } from '../vault/crypto';
import { VaultService } from '../vault/vault.service';
import { asHttpError, TiplineWorkflowGateway } from '../workflow/tipline-workflow.gateway';
import { TipWorkflowStarter } from '../workflow/workflow-starter';
import { scriptProblems } from './text-guard';
import { TokenBuckets } from './throttle';

const IMAGE_TYPES = Object.keys(UPLOAD_TYPES).filter((t) => t.startsWith('image/'));

export interface UploadRequest {
  body: Readable;
  contentType: string | undefined;
  contentLength: string | undefined;
}

export interface FiledTip {
  ref: string;
  /** Shown once: the service keeps only a keyed hash of it. */
  claimCode: string;
  anonymous: boolean;
  receivedAt: string;
  messageZh: string;
  messageEn: string;
}

function throttled(retryAfter: number): DomainException {
  return new DomainException('TOO_MANY_REQUESTS', {
    detail: `throttled; retry after ${retryAfter}s`,
    messageZh: `请求过于频繁，请 ${retryAfter} 秒后再试`,
    messageEn: `Too many requests; try again in ${retryAfter} s`,
  });
}

const WRONG = () =>
  new DomainException('UNAUTHENTICATED', {
    detail: 'claim code or password incorrect',
    messageZh: '查询码或密码不正确',
    messageEn: 'The claim code or password is incorrect',
  });

/**
 * The public side of the tip line (no login): intake with photos, status by claim code and password,
 * reward claim and dispute. Throttled per client address and per claim code before anything is stored;
 * a tip that passed is committed (with its workflow input: the outbox) before the 2xx. No answer tells
 * whether a given person filed a tip, and no log line carries the report's words or an identity.
 */
@Injectable()
export class PublicTipsService {
  private readonly logger = new Logger('PublicTips');
  private readonly intake: TokenBuckets;
  private readonly lookups: TokenBuckets;
  private readonly perCode: TokenBuckets;

  constructor(
    private readonly ds: DataSource,
    private readonly vault: VaultService,
    private readonly starter: TipWorkflowStarter,
    private readonly gateway: TiplineWorkflowGateway,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    @Inject(TIPLINE_OPTIONS) private readonly options: TiplineOptions,
  ) {
    this.intake = new TokenBuckets(options.intake.perMinute, options.intake.burst);
    this.lookups = new TokenBuckets(options.intake.perMinute * 3, options.intake.burst * 3);
    // Per code: generous for a reporter refreshing the page; guessing is stopped by the lock-out.
    this.perCode = new TokenBuckets(60, 20);
  }

  private throttleIntake(address: string): void {
    if (!this.intake.take(`intake:${address}`)) throw throttled(this.intake.retryAfter(`intake:${address}`));
  }

  async uploadPhoto(
    address: string,
    req: UploadRequest,
  ): Promise<{ id: string; contentType: string; sizeBytes: number }> {
    this.throttleIntake(address);
    const limit = this.options.uploadMaxBytes;
    const declared = Number(req.contentLength);
    if (Number.isFinite(declared) && declared > limit) throw this.tooLarge(limit);
    const id = randomUUID();
    const spooled = await spoolUpload(req.body, join(this.options.storageDir, 'tmp'), `${id}.upload`, limit);
    if (!spooled.ok) {
      if (spooled.reason === 'too-large') throw this.tooLarge(limit);
      throw DomainException.field('file', '文件为空', 'The file is empty');
    }
    try {
      const type = resolveUploadType(req.contentType, spooled.head);
      if (!type.ok || !IMAGE_TYPES.includes(type.type)) {
        throw DomainException.field(
          'file',
          '只接受 JPEG、PNG、WebP 图片（按文件内容判断）',
          `Only images are accepted (${IMAGE_TYPES.join(', ')}), judged by the file's content`,
        );
      }
      const storageKey = `tipline/photos/${id}`;
      await this.storage.put(storageKey, createReadStream(spooled.path), {
        contentType: type.type,
        size: spooled.size,
      });
      await this.ds.getRepository(TipFileEntity).insert({
        id,
        tipId: null,
        contentType: type.type,
        sizeBytes: String(spooled.size),
        sha256: spooled.sha256,
        storageKey,
      });
      return { id, contentType: type.type, sizeBytes: spooled.size };
    } finally {
      await rm(spooled.path, { force: true });
    }
  }

  /** Files a tip (public web form, or keyed in by staff for the other channels). */
  async file(
    address: string | null,
    body: PublicTipRequest,
    opts: { channel: TipChannel; msPerDay?: number } = { channel: 'web' },
  ): Promise<FiledTip> {
    if (address !== null) this.throttleIntake(address);
    const { password, identity, ...texts } = body;
    const errors = scriptProblems({ ...texts, identity });
    const policy = DEFAULT_TIPLINE_RULES.claimCode;
    for (const p of checkClaimPassword(password, { policy })) {
      errors.push({ path: 'password', messageZh: p.zh, messageEn: p.en });
    }
    if (!body.anonymous && !identity) {
      errors.push({
        path: 'identity',
        messageZh: '实名举报须填写姓名和联系电话',
        messageEn: 'A real-name tip needs a name and a phone number',
      });
    }
    if (body.anonymous && identity) {
      errors.push({
        path: 'identity',
        messageZh: '匿名举报不填写身份信息',
        messageEn: 'An anonymous tip carries no identity',
      });
    }
    if (errors.length > 0) {
      throw new DomainException('VALIDATION_FAILED', { detail: 'Invalid tip', errors });
    }
    const claimCode = claimCodeFromRandom(randomBytes(policy.codeLength), policy);
    const passwordHash = await hashPassword(password);
    const reporterId = reporterIdFor(this.options.vault.claimPepper, body.anonymous ? null : identity!);
    const receivedAt = new Date();
    const msPerDay = opts.msPerDay ?? this.options.msPerDay;
    const unit = this.options.receivingUnit;
    const tip = await this.ds.transaction(async (m) => {
      const year = receivedAt.getUTCFullYear();
      const [{ last }] = (await m.query(
        `INSERT INTO ${table('tip_counters')} (year, last) VALUES ($1, 1)
         ON CONFLICT (year) DO UPDATE SET last = ${table('tip_counters')}.last + 1 RETURNING last`,
        [year],
      )) as { last: number }[];
      const ref = `JB-${year}-${String(last).padStart(6, '0')}`;
      const id = randomUUID();
      const workflowId = tipVerificationWorkflowId(id);
      const enterprise =
        body.enterprise && (body.enterprise.creditCode || body.enterprise.name)
          ? { creditCode: body.enterprise.creditCode ?? null, name: body.enterprise.name ?? null }
          : null;
      const input: TipVerificationInput = {
        tipId: id,
        tipRef: ref,
        kind: body.kind,
        reporterId,
        anonymous: body.anonymous,
        channel: opts.channel,
        receivedAt: receivedAt.toISOString(),
        titleZh: `${TIP_KIND_LABELS[body.kind].zh}举报 ${ref}${enterprise?.name ? `（${enterprise.name}）` : ''}`,
        receivingUnitCode: unit.code,
        townCode: body.townCode ?? null,
        enterprise,
        candidates: tipCandidates(this.options),
        rules: DEFAULT_TIPLINE_RULES,
        clock: clockOf(msPerDay),
      };
      if (body.photos.length > 0) {
        const res = (await m.query(
          `UPDATE ${table('tip_files')} SET tip_id = $1 WHERE id = ANY($2::uuid[]) AND tip_id IS NULL RETURNING id`,
          [id, body.photos],
        )) as [unknown[], number] | unknown[];
        const rows = Array.isArray(res[0]) ? (res[0] as unknown[]) : (res as unknown[]);
        if (rows.length !== new Set(body.photos).size) {
          throw DomainException.field(
            'photos',
            '照片不存在或已被使用，请重新上传',
            'Unknown or already used photo; upload it again',
          );
        }
      }
      const row = await m.getRepository(TipEntity).save({
        id,
        ref,
        kind: body.kind,
        channel: opts.channel,
        status: 'received' as const,
        reporterId,
        anonymous: body.anonymous,
        claimCodeHash: claimCodeHash(this.options.vault.claimPepper, claimCode),
        passwordHash,
        receivedAt,
        receivingUnitCode: unit.code,
        receivingUnitName: unit.name,
        townCode: body.townCode ?? null,
        enterpriseCreditCode: enterprise?.creditCode ?? null,
        enterpriseName: enterprise?.name ?? null,
        location: body.location,
        description: body.description,
        photos: body.photos,
        read: {},
        reward: null,
        messages: [
          {
            at: receivedAt.toISOString(),
            zh: `举报已收到，编号 ${ref}。请妥善保管查询码和密码。`,
            en: `Tip received as ${ref}. Keep your claim code and password safe.`,
          },
        ],
        disputes: [],
        rulesVersion: DEFAULT_TIPLINE_RULES.version,
        msPerDay,
        workflowId,
        workflowInput: input,
      });
      if (!body.anonymous && identity) await this.vault.store(m, reporterId, identity);
      return row;
    });
    // Committed: the outbox starts the workflow now or on its next sweep.
    await this.starter.ensureStarted(
      {
        id: tip.id,
        workflowId: tip.workflowId,
        workflowStartedAt: null,
        workflowInput: tip.workflowInput as TipVerificationInput,
      },
      5_000,
    );
    this.logger.log({ msg: 'tip filed', ref: tip.ref, kind: tip.kind, channel: tip.channel });
    return {
      ref: tip.ref,
      claimCode: formatClaimCode(claimCode),
      anonymous: tip.anonymous,
      receivedAt: tip.receivedAt.toISOString(),
      messageZh: '举报已提交。查询码只显示这一次，请记下查询码并牢记密码，用于查询进度和领取奖励。',
      messageEn:
        'Tip submitted. The claim code is shown only this once: note it and remember your password to follow the tip and claim a reward.',
    };
  }

  /**
   * The tip behind a claim code and password. Unknown code and wrong password give the same answer
   * (and the same work); failures count per code hash, whether or not it exists, towards the lock-out.
   */
  async authenticate(address: string, claimCode: string, password: string): Promise<TipEntity> {
    if (!this.lookups.take(`lookup:${address}`))
      throw throttled(this.lookups.retryAfter(`lookup:${address}`));
    const policy = DEFAULT_TIPLINE_RULES.claimCode;
    const check = checkClaimCode(claimCode, policy);
    if (!check.ok) throw DomainException.field('claimCode', check.problem.zh, check.problem.en);
    const codeHash = claimCodeHash(this.options.vault.claimPepper, check.code);
    if (!this.perCode.take(`code:${codeHash}`)) throw throttled(this.perCode.retryAfter(`code:${codeHash}`));
    const now = Date.now();
    const horizon = new Date(now - (policy.failureWindowMinutes + policy.lockoutMinutes) * 60_000);
    const failures = (await this.ds.query(
      `SELECT at FROM ${table('claim_failures')} WHERE code_hash = $1 AND at > $2`,
      [codeHash, horizon],
    )) as { at: Date }[];
    const lock = claimLockout(
      failures.map((f) => new Date(f.at).getTime()),
      now,
      policy,
    );
    if (lock.locked) {
      const minutes = Math.ceil(((lock.lockedUntilMs ?? now) - now) / 60_000);
      throw new DomainException('TOO_MANY_REQUESTS', {
        detail: 'claim code locked after repeated failures',
        messageZh: `密码错误次数过多，该查询码已锁定，请 ${minutes} 分钟后再试`,
        messageEn: `Too many wrong attempts: this claim code is locked for ${minutes} more minutes`,
      });
    }
    const tip = await this.ds.getRepository(TipEntity).findOneBy({ claimCodeHash: codeHash });
    const ok = await verifyPassword(password, tip?.passwordHash ?? null);
    if (!ok || !tip) {
      await this.ds.getRepository(ClaimFailureEntity).insert({ codeHash, at: new Date(now) });
      throw WRONG();
    }
    return tip;
  }

  async status(address: string, claimCode: string, password: string) {
    const tip = await this.authenticate(address, claimCode, password);
    if (!tip.workflowStartedAt) await this.starter.ensureStarted(tip as never, 3_000).catch(() => false);
    return toPublicStatus(tip);
  }

  async claim(address: string, body: z.output<typeof claimSchema>) {
    const tip = await this.authenticate(address, body.claimCode, body.password);
    const reward = tip.reward as { status?: string } | null;
    if (!reward || (reward.status !== 'approved' && reward.status !== 'claimed')) {
      throw new DomainException('CONFLICT', {
        detail: `reward is ${reward?.status ?? 'none'}`,
        messageZh: reward?.status === 'lapsed' ? '已超过领取期限，奖励已失效' : '该举报目前没有可领取的奖励',
        messageEn:
          reward?.status === 'lapsed'
            ? 'The claim window has closed; the reward has lapsed'
            : 'There is no reward to claim for this tip',
      });
    }
    if (body.payee) {
      await this.ds.transaction((m) =>
        this.vault.store(m, tip.reporterId, {
          bankAccount: body.payee!.bankAccount,
          bankName: body.payee!.bankName ?? undefined,
          ...(body.payee!.name ? { name: body.payee!.name } : {}),
        }),
      );
    }
    const payload: ClaimTipRewardInput = { claimId: randomUUID(), verifiedBy: 'claimCode' };
    try {
      await this.gateway.update(tip.workflowId, CLAIM_TIP_REWARD_UPDATE, payload, `claim:${tip.id}`);
    } catch (e) {
      throw asHttpError(e);
    }
    const fresh = await this.ds.getRepository(TipEntity).findOneByOrFail({ id: tip.id });
    return {
      accepted: true,
      messageZh: '奖励申领已提交，将按规定时限发放',
      messageEn: 'Your claim was submitted; the reward will be paid within the set time',
      status: toPublicStatus(fresh),
    };
  }

  async dispute(address: string, body: z.output<typeof disputeSchema>) {
    const errors = scriptProblems({ reason: body.reason });
    if (errors.length > 0)
      throw new DomainException('VALIDATION_FAILED', { detail: 'Invalid dispute', errors });
    const tip = await this.authenticate(address, body.claimCode, body.password);
    const disputeId = randomUUID();
    const payload: DisputeTipInput = { disputeId, reason: body.reason };
    try {
      await this.gateway.update(tip.workflowId, DISPUTE_TIP_UPDATE, payload, `dispute:${disputeId}`);
    } catch (e) {
      throw asHttpError(e);
    }
    await this.ds.query(
      `UPDATE ${table('tips')} SET disputes = disputes || $2::jsonb, updated_at = now() WHERE id = $1`,
      [
        tip.id,
        JSON.stringify([
          { id: disputeId, at: new Date().toISOString(), reason: body.reason, result: 'pending' },
        ]),
      ],
    );
    return {
      accepted: true,
      messageZh: '复查申请已受理',
      messageEn: 'Your request for a re-check was accepted',
    };
  }

  private tooLarge(limit: number): DomainException {
    return new DomainException('BODY_TOO_LARGE', {
      detail: `Upload exceeds ${limit} bytes`,
      errors: [
        {
          path: 'file',
          messageZh: `文件超过上限（${limit} 字节）`,
          messageEn: `The file exceeds the limit (${limit} bytes)`,
        },
      ],
    });
  }
}
