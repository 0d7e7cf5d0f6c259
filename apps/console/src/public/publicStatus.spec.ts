import { describe, expect, it } from '@jest/globals';
import type { PublicTipStatusDto } from '../resources/tips/types';
import {
  canClaim,
  canDispute,
  checkClaim,
  checkDispute,
  classifyPublicFailure,
  isPublicHash,
  publicPageOf,
} from './publicStatus';

/** react-admin's HttpError as the http client throws it (react-admin itself does not load under jest). */
const httpError = (status: number, problem: Record<string, unknown> | null = null) =>
  Object.assign(new Error('x'), { status, body: { problem } });

const status = (patch: Partial<PublicTipStatusDto> = {}): PublicTipStatusDto => ({
  ref: 'JB-2026-000123',
  kind: 'hazard',
  status: 'rewardClaimable',
  statusLabel: { zh: '奖励可领取', en: 'Reward ready to claim' },
  receivedAt: '2026-11-01T00:00:00Z',
  updatedAt: '2026-11-20T00:00:00Z',
  messages: [],
  reward: {
    status: 'approved',
    amountYuan: 15000,
    claimWindowEndsAt: '2026-12-10T00:00:00Z',
    canClaim: true,
  },
  dispute: { canDispute: false, until: null },
  ...patch,
});
const now = Date.parse('2026-11-25T00:00:00Z');

describe('the status page’s answers', () => {
  it('reads a wrong code and a wrong password the same way', () => {
    expect(classifyPublicFailure(httpError(401))).toEqual({ kind: 'credentials' });
    expect(classifyPublicFailure(httpError(404))).toEqual({ kind: 'credentials' });
    expect(classifyPublicFailure(httpError(403))).toEqual({ kind: 'credentials' });
  });

  it('says when a locked code opens again', () => {
    expect(classifyPublicFailure(httpError(423, { lockedUntil: '2026-11-25T01:00:00Z' }))).toMatchObject({
      kind: 'locked',
      until: '2026-11-25T01:00:00Z',
    });
    // tipline-service's answer: 429 with the lock in its detail and the minutes in its message.
    expect(
      classifyPublicFailure(
        httpError(429, { code: 'TOO_MANY_REQUESTS', detail: 'claim code locked after repeated failures' }),
      ),
    ).toEqual({ kind: 'locked', until: null, message: 'x' });
    expect(classifyPublicFailure(httpError(429))).toEqual({ kind: 'rateLimited' });
  });

  it('names a claim after the window and a network failure', () => {
    expect(classifyPublicFailure(httpError(409, { type: 'ClaimWindowClosed' }))).toEqual({
      kind: 'claimClosed',
    });
    expect(classifyPublicFailure(httpError(409, { code: 'CONFLICT', detail: 'reward is lapsed' }))).toEqual({
      kind: 'claimClosed',
    });
    expect(classifyPublicFailure(httpError(0))).toEqual({ kind: 'network' });
    expect(classifyPublicFailure(httpError(500))).toMatchObject({ kind: 'other' });
  });
});

describe('claim and dispute', () => {
  it('offers the claim only while the window is open', () => {
    expect(canClaim(status(), now)).toBe(true);
    expect(canClaim(status(), Date.parse('2026-12-10T00:00:00Z'))).toBe(false);
    expect(canClaim(status({ reward: null }), now)).toBe(false);
    expect(canClaim(status({ reward: { ...status().reward!, canClaim: false } }), now)).toBe(false);
  });

  it('offers a 复查 while the service allows it', () => {
    const unfounded = status({
      status: 'unfounded',
      reward: null,
      dispute: { canDispute: true, until: '2026-12-01T00:00:00Z' },
    });
    expect(canDispute(unfounded, now)).toBe(true);
    expect(canDispute(unfounded, Date.parse('2026-12-02T00:00:00Z'))).toBe(false);
    expect(canDispute(status(), now)).toBe(false);
  });

  it('checks the bank details and the dispute reason', () => {
    expect(checkClaim({ payeeName: '', bankName: '', accountNo: '' }).map((i) => i.path)).toEqual([
      'payeeName',
      'bankName',
      'accountNo',
    ]);
    expect(
      checkClaim({ payeeName: '张伟', bankName: '中国银行', accountNo: '6217 0000 1234 5678 901' }),
    ).toEqual([]);
    expect(checkClaim({ payeeName: '张伟', bankName: '中国银行', accountNo: '621700' })[0].key).toBe(
      'zhiben.tipline.public.validation.accountNo',
    );
    expect(checkDispute({ reason: '不服' })[0].key).toBe('zhiben.tipline.public.validation.tooShort');
    expect(checkDispute({ reason: '现场隐患仍然存在，核查时企业临时停产，请再次核查。' })).toEqual([]);
  });
});

describe('public routes', () => {
  it('are the #/public/… hashes, and only those', () => {
    expect(isPublicHash('#/public/tip')).toBe(true);
    expect(isPublicHash('#/public/status')).toBe(true);
    expect(isPublicHash('#/publications')).toBe(false);
    expect(isPublicHash('#/tips')).toBe(false);
    expect(publicPageOf('#/public/status')).toBe('status');
    expect(publicPageOf('#/public/tip')).toBe('tip');
  });
});
