import {
  TIP_DECISIONS,
  TIP_STEPS,
  TIP_STEP_UPDATES,
  type RecordTipVerificationInput,
} from '@zhiben/contracts';
import { TIP_STEP_DEFS } from './steps';
import {
  validateAcceptance,
  validateClaim,
  validateDispute,
  validateExtensionRequest,
  validateRecheck,
  validateRewardApproval,
  validateVerification,
} from './validation';

const by = { username: 'tiphandler.jj', name: '钱办' };
const NOW = Date.parse('2026-03-02T08:00:00Z');
const DAY = 86_400_000;
const type = (r: { type: string; field?: string } | null) =>
  r ? `${r.type}${r.field ? `:${r.field}` : ''}` : null;

describe('steps', () => {
  it('offer exactly the contract’s decision codes, and name the Update that completes them', () => {
    for (const step of Object.keys(TIP_STEPS) as (keyof typeof TIP_STEPS)[]) {
      expect(TIP_STEP_DEFS[step].decisions.map((d) => d.code)).toEqual([...TIP_DECISIONS[step]]);
      expect(step in TIP_STEP_UPDATES).toBe(true);
    }
  });
});

describe('validateAcceptance', () => {
  it.each([
    [false, { decision: 'accept', by }, 'NotApplicable'],
    [true, { decision: 'accept' }, 'InvalidData:by'],
    [true, { decision: 'maybe', by }, 'InvalidData:decision'],
    [true, { decision: 'notInScope', by }, 'ReasonRequired:reason'],
    [true, { decision: 'forward', by, reason: 'x' }, 'InvalidData:forwardTo'],
    [
      true,
      { decision: 'forward', by, reason: 'x', forwardTo: { code: 'd', name: 'D', external: false } },
      'InvalidData:forwardCandidates',
    ],
    [
      true,
      { decision: 'forward', by, reason: 'x', forwardTo: { code: 'd', name: 'D', external: true } },
      null,
    ],
    [true, { decision: 'accept', by }, null],
  ] as const)('open=%s %j → %s', (open, req, expected) => {
    expect(type(validateAcceptance(open, req as never))).toBe(expected);
  });
});

describe('validateVerification', () => {
  const base: RecordTipVerificationInput = {
    outcome: 'substantiated',
    by,
    summary: '属实',
    hazardGrade: 'general',
    fineYuan: 0,
    followUp: { kind: 'none' },
    firstReporter: true,
    reporterExclusion: null,
  };
  it.each([
    [{}, null],
    [{ outcome: 'unsubstantiated', hazardGrade: undefined, followUp: undefined }, null],
    [{ summary: '' }, 'InvalidData:summary'],
    [{ firstReporter: undefined }, 'InvalidData:firstReporter'],
    [{ reporterExclusion: 'neighbour' }, 'InvalidData:reporterExclusion'],
    [{ hazardGrade: undefined }, 'InvalidData:hazardGrade'],
    [{ fineYuan: 12.5 }, 'InvalidData:fineYuan'],
    [{ fineYuan: null }, null], // decided later (recordFine)
    [{ followUp: undefined }, 'InvalidData:followUp'],
    [{ verifiedAt: new Date(NOW + DAY).toISOString() }, 'InvalidData:verifiedAt'],
    [
      {
        followUp: {
          kind: 'hazard',
          hazard: {
            enterpriseCreditCode: 'x',
            grade: 'major',
            title: 't',
            description: 'd',
            location: 'l',
            foundOn: '2026-03-01',
          },
        },
      },
      'InvalidData:followUp.hazard.standard',
    ],
  ] as const)('hazard %j → %s', (over, expected) => {
    expect(type(validateVerification(true, 'hazard', { ...base, ...over } as never, NOW))).toBe(expected);
  });

  it('needs deaths and the grade for a concealed accident', () => {
    const c = { ...base, hazardGrade: undefined, fineYuan: undefined };
    expect(type(validateVerification(true, 'concealedAccident', c, NOW))).toBe('InvalidData:concealedDeaths');
    expect(type(validateVerification(true, 'concealedAccident', { ...c, concealedDeaths: 2 }, NOW))).toBe(
      'InvalidData:accidentGrade',
    );
    expect(
      validateVerification(
        true,
        'concealedAccident',
        { ...c, concealedDeaths: 2, accidentGrade: 'major' },
        NOW,
      ),
    ).toBeNull();
  });
});

describe('validateExtensionRequest', () => {
  const s = { verifying: true, pending: false, used: 0, max: 1, dueMs: NOW + DAY };
  it.each([
    [s, { by, reason: '复杂' }, NOW, null],
    [{ ...s, verifying: false }, { by, reason: '复杂' }, NOW, 'NotApplicable'],
    [s, { by, reason: '' }, NOW, 'ReasonRequired:reason'],
    [{ ...s, pending: true }, { by, reason: '复杂' }, NOW, 'ExtensionNotAllowed'],
    [{ ...s, used: 1 }, { by, reason: '复杂' }, NOW, 'ExtensionNotAllowed'],
    [s, { by, reason: '复杂' }, NOW + 2 * DAY, 'ExtensionNotAllowed'],
  ] as const)('%j %j → %s', (state, req, now, expected) => {
    expect(type(validateExtensionRequest(state, req, now))).toBe(expected);
  });
});

describe('validateRewardApproval', () => {
  it('approves only the computed amount, rejects only with a reason', () => {
    const s = { open: true, amountYuan: 15_000 };
    expect(validateRewardApproval(s, { decision: 'approve', by, amountYuan: 15_000 })).toBeNull();
    expect(type(validateRewardApproval(s, { decision: 'approve', by, amountYuan: 15_001 }))).toBe(
      'AmountMismatch:amountYuan',
    );
    expect(type(validateRewardApproval(s, { decision: 'reject', by }))).toBe('ReasonRequired:reason');
    expect(type(validateRewardApproval({ open: false, amountYuan: null }, { decision: 'approve', by }))).toBe(
      'NotApplicable',
    );
  });
});

describe('validateClaim', () => {
  const s = { claimable: true, windowEndsMs: NOW };
  it('accepts a verified claim within the window and refuses one after it', () => {
    expect(validateClaim(s, { claimId: 'CL', verifiedBy: 'claimCode' }, NOW)).toBeNull();
    const late = validateClaim(s, { claimId: 'CL', verifiedBy: 'claimCode' }, NOW + 1);
    expect(late).toEqual({
      type: 'ClaimWindowClosed',
      messageZh: '已超过奖励领取期限',
      messageEn: 'The claim window has closed',
    });
    expect(type(validateClaim(s, { claimId: 'CL' }, NOW))).toBe('InvalidData:claimId');
    expect(
      type(
        validateClaim(
          { claimable: false, windowEndsMs: null },
          { claimId: 'CL', verifiedBy: 'realName' },
          NOW,
        ),
      ),
    ).toBe('NotApplicable');
  });
});

describe('validateDispute and validateRecheck', () => {
  it('allow one dispute of an unsubstantiated conclusion within the window', () => {
    const s = { open: true, untilMs: NOW, rechecks: 0, maxRechecks: 1 };
    expect(validateDispute(s, { disputeId: 'D', reason: '不认可' }, NOW)).toBeNull();
    expect(type(validateDispute(s, { disputeId: 'D', reason: '不认可' }, NOW + 1))).toBe('DisputeNotAllowed');
    expect(type(validateDispute({ ...s, rechecks: 1 }, { disputeId: 'D', reason: '不认可' }, NOW))).toBe(
      'DisputeNotAllowed',
    );
    expect(type(validateDispute({ ...s, open: false }, { disputeId: 'D', reason: '不认可' }, NOW))).toBe(
      'DisputeNotAllowed',
    );
    expect(type(validateDispute(s, { disputeId: 'D', reason: '' }, NOW))).toBe('ReasonRequired:reason');
  });

  it('need a substantiated, complete conclusion to revise', () => {
    expect(
      validateRecheck(true, 'illegalOperation', { decision: 'upheld', by, summary: '维持' }, NOW),
    ).toBeNull();
    expect(
      type(validateRecheck(true, 'illegalOperation', { decision: 'revised', by, summary: '改变' }, NOW)),
    ).toBe('InvalidData:revised.outcome');
    expect(
      type(
        validateRecheck(
          true,
          'illegalOperation',
          {
            decision: 'revised',
            by,
            summary: '改变',
            revised: {
              outcome: 'substantiated',
              by,
              summary: '属实',
              firstReporter: true,
              reporterExclusion: null,
            },
          },
          NOW,
        ),
      ),
    ).toBe('InvalidData:revised.followUp');
  });
});
