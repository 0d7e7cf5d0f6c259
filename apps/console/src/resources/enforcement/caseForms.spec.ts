import { describe, expect, it } from '@jest/globals';
import { checkCaseAction, toCaseAction, totalFine } from './caseForms';
import { CASE_STEPS, caseActionsFor, caseStepIndex } from './caseProgress';

const now = Date.parse('2026-03-02T06:00:00Z');

describe('case measures', () => {
  it('an order to rectify needs a future deadline', () => {
    expect(checkCaseAction({ kind: 'rectificationOrder', detail: '限期整改' }, now)).toEqual([
      { path: 'deadlineAt', key: 'zhiben.enforcement.validation.deadlineRequired' },
    ]);
    expect(
      checkCaseAction({ kind: 'rectificationOrder', detail: 'x', deadlineAt: '2026-03-01T10:00' }, now)[0]
        .key,
    ).toBe('zhiben.enforcement.validation.deadlineFuture');
    expect(
      checkCaseAction({ kind: 'rectificationOrder', detail: 'x', deadlineAt: '2026-03-20T17:00' }, now),
    ).toEqual([]);
  });

  it('a daily fine needs a positive whole amount; a summons needs only its detail', () => {
    expect(checkCaseAction({ kind: 'dailyFine', detail: 'x', amountYuan: '' }, now)[0].path).toBe(
      'amountYuan',
    );
    expect(checkCaseAction({ kind: 'dailyFine', detail: 'x', amountYuan: 12.5 }, now)[0].key).toBe(
      'zhiben.enforcement.validation.positiveYuan',
    );
    expect(checkCaseAction({ kind: 'summons', detail: '约谈主要负责人' }, now)).toEqual([]);
    expect(checkCaseAction({ kind: '', detail: '' }, now).map((i) => i.path)).toEqual(['kind', 'detail']);
  });

  it('sends only what the measure carries', () => {
    expect(
      toCaseAction({ kind: 'summons', detail: ' 约谈 ', deadlineAt: '2026-03-20T17:00', amountYuan: 5 }),
    ).toEqual({
      kind: 'summons',
      detail: '约谈',
    });
    expect(toCaseAction({ kind: 'dailyFine', detail: 'x', amountYuan: '20000' })).toEqual({
      kind: 'dailyFine',
      detail: 'x',
      amountYuan: 20000,
    });
    expect(
      toCaseAction({ kind: 'rectificationOrder', detail: 'x', deadlineAt: '2026-03-20T17:00' }).deadlineAt,
    ).toBe('2026-03-20T09:00:00.000Z');
  });

  it('offers lifting a suspension only while one stands', () => {
    expect(caseActionsFor([])).toContain('suspensionOrder');
    expect(caseActionsFor([{ kind: 'suspensionOrder' }])).toContain('suspensionLifted');
    expect(caseActionsFor([{ kind: 'suspensionOrder' }, { kind: 'suspensionLifted' }])).not.toContain(
      'suspensionLifted',
    );
  });

  it('一案双罚 adds the parties’ fines', () => {
    expect(totalFine([{ fineYuan: 50_000 }, { fineYuan: 8_000 }])).toBe(58_000);
  });
});

describe('the case stepper', () => {
  it('folds the hearing into 告知 and an escalation into 整改复查', () => {
    expect(CASE_STEPS[caseStepIndex('hearing')]).toBe('notifying');
    expect(CASE_STEPS[caseStepIndex('escalated')]).toBe('reinspecting');
    expect(caseStepIndex('filing')).toBe(0);
    expect(caseStepIndex('closed')).toBe(CASE_STEPS.length);
    expect(caseStepIndex('dismissed')).toBe(-1);
  });
});
