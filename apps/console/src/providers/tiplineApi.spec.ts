import { describe, expect, it } from '@jest/globals';
import { createPublicTiplineApi, tipStepRequest } from './tiplineApi';
import type { HttpClient, RequestOptions } from './httpClient';

const ID = '7f0c2d4e-1111-4a2b-9c3d-000000000001';

describe('tip step requests', () => {
  it('send the dedicated steps to their own endpoints with the step’s fields only', () => {
    expect(tipStepRequest(ID, 'decideAcceptance', { decision: 'accept', data: {} })).toEqual({
      path: `/api/tipline/tips/${ID}/acceptance`,
      body: { decision: 'accept' },
    });
    expect(
      tipStepRequest(ID, 'verify', {
        decision: 'substantiated',
        data: { summary: 's', firstReporter: true },
      }),
    ).toEqual({
      path: `/api/tipline/tips/${ID}/verification`,
      body: { summary: 's', firstReporter: true, outcome: 'substantiated' },
    });
    expect(
      tipStepRequest(ID, 'requestExtension', { decision: 'request', data: { reason: '现场需检测' } }),
    ).toEqual({
      path: `/api/tipline/tips/${ID}/extension`,
      body: { reason: '现场需检测' },
    });
    expect(tipStepRequest(ID, 'recordFine', { decision: 'recorded', data: { fineYuan: 1 } }).path).toBe(
      `/api/tipline/tips/${ID}/fine`,
    );
    expect(tipStepRequest(ID, 'feedback', { decision: 'sent', data: { messageZh: 'm' } }).body).toEqual({
      messageZh: 'm',
    });
    expect(tipStepRequest(ID, 'approveReward', { decision: 'approve', data: { amountYuan: 15000 } })).toEqual(
      {
        path: `/api/tipline/tips/${ID}/reward-approval`,
        body: { decision: 'approve', amountYuan: 15000 },
      },
    );
    expect(tipStepRequest(ID, 'recheck', { decision: 'upheld', data: { summary: 's' } }).path).toBe(
      `/api/tipline/tips/${ID}/recheck`,
    );
  });

  it('send the other steps through the generic decide endpoint', () => {
    expect(tipStepRequest(ID, 'payReward', { decision: 'paid', data: { voucherNo: 'V1' } })).toEqual({
      path: `/api/tipline/tips/${ID}/steps/payReward`,
      body: { decision: 'paid', comment: '', data: { voucherNo: 'V1' } },
    });
  });
});

describe('the public calls', () => {
  const recording = (answer: unknown) => {
    const calls: { path: string; options: RequestOptions }[] = [];
    const http: HttpClient = {
      request: async <T>(path: string, options: RequestOptions = {}) => {
        calls.push({ path, options });
        return answer as T;
      },
      requestBlob: async () => new Blob(),
    };
    return { calls, api: createPublicTiplineApi(http) };
  };

  it('go to /api/tipline/public/… and read the status out of the claim answer', async () => {
    const status = { ref: 'JB-2026-000001', status: 'rewardClaimed' };
    const { calls, api } = recording({ accepted: true, status });
    const answer = await api.claimReward(
      { claimCode: 'C', password: 'p', payee: { name: 'n', bankName: 'b', bankAccount: '6217000012345678' } },
      'k1',
    );
    expect(answer).toEqual(status);
    expect(calls[0].path).toBe('/api/tipline/public/claim');
    expect(calls[0].options.headers).toEqual({ 'Idempotency-Key': 'k1' });
    expect(
      await recording({ accepted: true }).api.dispute({ claimCode: 'C', password: 'p', reason: 'r' }, 'k'),
    ).toBeNull();
  });
});
