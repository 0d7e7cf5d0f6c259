import { describe, expect, it } from '@jest/globals';
import type { UnmaskRequest } from './types';
import { canDecideUnmask, checkUnmaskReason, unmaskState } from './unmask';

const request = (patch: Partial<UnmaskRequest> = {}): UnmaskRequest => ({
  id: 'u1',
  tipId: 't1',
  reason: '需与举报人核实现场位置',
  status: 'pending',
  requestedBy: { username: 'tiphandler.jj', name: '举报核查员' },
  createdAt: '2026-11-25T00:00:00Z',
  ...patch,
});

describe('unmask requests', () => {
  it('need a real reason', () => {
    expect(checkUnmaskReason('')[0].key).toBe('zhiben.tipline.validation.reasonRequired');
    expect(checkUnmaskReason('看看')[0].key).toBe('zhiben.tipline.validation.reasonTooShort');
    expect(checkUnmaskReason('需与举报人核实隐患的具体位置')).toEqual([]);
  });

  it('are decided by a leader other than the requester, once', () => {
    expect(canDecideUnmask(request(), 'leader.jj', true)).toBe(true);
    expect(canDecideUnmask(request(), 'tiphandler.jj', true)).toBe(false);
    expect(canDecideUnmask(request(), 'official.jj', false)).toBe(false);
    expect(canDecideUnmask(request({ status: 'approved' }), 'leader.jj', true)).toBe(false);
  });

  it('tell whether one waits or was approved', () => {
    expect(unmaskState([request()])).toEqual({ pending: true, approved: false });
    expect(unmaskState([request({ status: 'rejected' }), request({ status: 'approved' })])).toEqual({
      pending: false,
      approved: true,
    });
  });
});
