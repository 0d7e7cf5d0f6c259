import {
  ENFORCEMENT_DECISIONS,
  REFERRAL_DECISIONS,
  REFERRAL_DOCUMENT_KINDS,
  REFERRAL_STEPS,
  ENFORCEMENT_STEPS,
  type SubmitReferralInput,
} from '@zhiben/contracts/workflow';
import { CASE_STEPS, REFERRAL_STEP_DEFS } from './steps';
import { validateReferralSubmission, validateReinspectionApplication } from './validation';

const now = Date.parse('2026-11-25T04:00:00Z');
const preparing = { stage: 'preparing', preparingTaskKey: 'preparePackage#1' };
const submission = (over: Partial<SubmitReferralInput> = {}): SubmitReferralInput => ({
  by: { username: 'inspector.yingji', name: '陈明' },
  reportedAt: '2026-11-25T03:00:00Z',
  officers: [
    { username: 'inspector.yingji', name: '陈明' },
    { username: 'inspector.yingji2', name: '刘洋' },
  ],
  documents: [...REFERRAL_DOCUMENT_KINDS],
  ...over,
});

describe('validateReferralSubmission', () => {
  it('accepts a complete package from a team of two', () => {
    expect(validateReferralSubmission(preparing, submission(), now)).toBeNull();
  });
  it('names the missing documents', () => {
    const r = validateReferralSubmission(
      preparing,
      submission({ documents: ['transferLetter', 'investigationReport', 'itemList'] }),
      now,
    )!;
    expect(r).toMatchObject({ type: 'DocumentsMissing', missing: ['inspectionReport', 'otherMaterial'] });
    expect(r.messageZh).toContain('检验报告或鉴定意见');
  });
  it('needs two distinct officers', () => {
    const one = [{ username: 'inspector.yingji', name: '陈明' }];
    expect(validateReferralSubmission(preparing, submission({ officers: one }), now)).toMatchObject({
      type: 'OfficersMissing',
    });
    expect(
      validateReferralSubmission(preparing, submission({ officers: [...one, ...one] }), now),
    ).toMatchObject({ type: 'OfficersMissing' });
  });
  it('rejects a missing or future report date', () => {
    expect(validateReferralSubmission(preparing, submission({ reportedAt: 'soon' }), now)).toMatchObject({
      type: 'DateOrder',
    });
    expect(
      validateReferralSubmission(preparing, submission({ reportedAt: '2026-11-26T04:00:00Z' }), now),
    ).toMatchObject({ type: 'DateOrder', field: 'reportedAt' });
  });
  it('only while preparing', () => {
    expect(
      validateReferralSubmission({ stage: 'headDecision', preparingTaskKey: null }, submission(), now),
    ).toMatchObject({ type: 'NotApplicable' });
  });
  it('survives a malformed payload', () => {
    expect(validateReferralSubmission(preparing, undefined, now)).not.toBeNull();
  });
});

describe('validateReinspectionApplication', () => {
  it('only while rectifying', () => {
    const req = { by: { username: 'enterprise.jiasi', name: '李四' }, note: '已整改', evidence: [] };
    expect(validateReinspectionApplication({ rectifying: true }, req)).toBeNull();
    expect(validateReinspectionApplication({ rectifying: false }, req)).toMatchObject({
      type: 'NotApplicable',
    });
    expect(validateReinspectionApplication({ rectifying: true }, { note: 'x' })).toMatchObject({
      field: 'by',
    });
  });
});

describe('steps', () => {
  it('offer exactly the contract decision codes under the contract step names', () => {
    for (const [step, codes] of Object.entries(ENFORCEMENT_DECISIONS)) {
      expect(CASE_STEPS[step as keyof typeof CASE_STEPS].decisions.map((d) => d.code)).toEqual(codes);
    }
    for (const [step, codes] of Object.entries(REFERRAL_DECISIONS)) {
      expect(
        REFERRAL_STEP_DEFS[step as keyof typeof REFERRAL_STEP_DEFS].decisions.map((d) => d.code),
      ).toEqual(codes);
    }
    expect(Object.keys(CASE_STEPS).sort()).toEqual(Object.values(ENFORCEMENT_STEPS).sort());
    expect(Object.keys(REFERRAL_STEP_DEFS).sort()).toEqual(Object.values(REFERRAL_STEPS).sort());
  });
  it('require a comment where a reason must be recorded', () => {
    const needs = (def: { decisions: { code: string; requiresComment?: boolean }[] }, code: string) =>
      def.decisions.find((d) => d.code === code)?.requiresComment === true;
    expect(needs(REFERRAL_STEP_DEFS.headDecision, 'reject')).toBe(true);
    expect(needs(REFERRAL_STEP_DEFS.chooseReconsideration, 'accept')).toBe(true);
    expect(needs(CASE_STEPS.proposeReferral, 'noReferral')).toBe(true);
    expect(needs(CASE_STEPS.approveFiling, 'reject')).toBe(true);
  });
});
