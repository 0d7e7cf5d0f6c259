import type { TaskDecisionPayload } from '@zhiben/contracts/workflow';
import { validateDecision, type OpenTaskState } from './decision-validator';

const task = (over: Partial<OpenTaskState> = {}): OpenTaskState => ({
  taskKey: 'review#1',
  taskId: 'b8a5c7f4-3c1e-4a0b-9d2e-1f2a3b4c5d6e',
  step: 'review',
  decisions: [
    { code: 'approve', labelZh: '同意', labelEn: 'Approve' },
    { code: 'return', labelZh: '退回', labelEn: 'Return', requiresComment: true },
  ],
  ...over,
});

const payload = (over: Partial<TaskDecisionPayload> = {}): TaskDecisionPayload => ({
  taskId: 'b8a5c7f4-3c1e-4a0b-9d2e-1f2a3b4c5d6e',
  taskKey: 'review#1',
  decision: 'approve',
  comment: '',
  data: {},
  attachments: [],
  actor: { username: 'official.jiasi', name: '贾嗣经办', orgUnitCode: 'jiangjin.jiasi' },
  decidedAt: '2026-11-25T04:00:00.000Z',
  ...over,
});

describe('validateDecision', () => {
  it('accepts an allowed decision on an open task', () => {
    expect(validateDecision(task(), payload())).toBeNull();
    expect(validateDecision(task(), payload({ decision: 'return', comment: '材料不全' }))).toBeNull();
  });

  it('accepts by key before openTask has returned the id', () => {
    expect(validateDecision(task({ taskId: null }), payload())).toBeNull();
  });

  it('rejects a task that is not open here (unknown key, already decided, other id)', () => {
    for (const [t, p] of [
      [undefined, payload()],
      [task({ decided: payload() }), payload()],
      [task(), payload({ taskId: '00000000-0000-4000-8000-000000000000' })],
    ] as const) {
      expect(validateDecision(t, p)).toMatchObject({ type: 'TaskNotOpen' });
    }
  });

  it('rejects a decision the step does not offer, listing the allowed ones in both languages', () => {
    const r = validateDecision(task(), payload({ decision: 'reject' }))!;
    expect(r).toMatchObject({ type: 'DecisionNotAllowed', field: 'decision' });
    expect(r.messageZh).toContain('同意（approve）、退回（return）');
    expect(r.messageEn).toContain('Approve (approve), Return (return)');
  });

  it('requires a comment where the decision says so (blank does not count)', () => {
    for (const comment of ['', '   ']) {
      const r = validateDecision(task(), payload({ decision: 'return', comment }))!;
      expect(r).toMatchObject({ type: 'CommentRequired', field: 'comment' });
      expect(r.messageZh).toContain('审批意见');
    }
  });

  it('rejects every decision on a task completed through its own Update', () => {
    const r = validateDecision(task({ completedThrough: 'zhiben.referral.submit' }), payload())!;
    expect(r).toMatchObject({ type: 'DecisionNotAllowed', field: 'decision' });
    expect(r.messageEn).toContain('zhiben.referral.submit');
  });

  it('accepts a decision sent while the task was still being opened (no task id yet)', () => {
    expect(validateDecision(task({ taskId: 'T-1' }), payload({ taskId: '' }))).toBeNull();
    expect(validateDecision(task({ taskId: 'T-1' }), payload({ taskId: 'T-2' }))).toMatchObject({
      type: 'TaskNotOpen',
    });
  });

  it('survives a malformed payload', () => {
    expect(validateDecision(task(), undefined)).toMatchObject({ type: 'DecisionNotAllowed' });
    expect(validateDecision(undefined, undefined)).toMatchObject({ type: 'TaskNotOpen' });
  });
});
