import { derivedIdempotencyKey } from './task-actions.service';
import { completionResult, decisionAction } from './completion-result';

describe('derivedIdempotencyKey', () => {
  const cmd = { decision: 'approve', comment: '同意', data: { a: 1 }, attachments: [] };

  it('is stable for the same caller and content, and differs otherwise', () => {
    expect(derivedIdempotencyKey('official.jiasi', cmd)).toBe(
      derivedIdempotencyKey('official.jiasi', { ...cmd }),
    );
    expect(derivedIdempotencyKey('official.jiasi', cmd)).not.toBe(derivedIdempotencyKey('leader.jiasi', cmd));
    expect(derivedIdempotencyKey('official.jiasi', cmd)).not.toBe(
      derivedIdempotencyKey('official.jiasi', { ...cmd, decision: 'reject' }),
    );
    expect(derivedIdempotencyKey('official.jiasi', cmd)).toMatch(/^auto-[0-9a-f]{40}$/);
  });
});

describe('completionResult', () => {
  it('is what a replay returns', () => {
    expect(
      completionResult(
        { id: 't1', taskKey: 'review#1' },
        {
          decision: 'approve',
          comment: '同意',
          actor: { username: 'official.jiasi', name: '贾嗣经办', orgUnitCode: 'jiangjin.jiasi' },
          decidedAt: '2026-11-25T04:00:00.000Z',
        },
      ),
    ).toEqual({
      taskId: 't1',
      taskKey: 'review#1',
      status: 'closed',
      outcome: 'completed',
      decision: 'approve',
      comment: '同意',
      completedBy: { username: 'official.jiasi', name: '贾嗣经办' },
      completedAt: '2026-11-25T04:00:00.000Z',
    });
    expect(decisionAction('return')).toBe('returned');
    expect(decisionAction('approve')).toBe('completed');
  });
});
