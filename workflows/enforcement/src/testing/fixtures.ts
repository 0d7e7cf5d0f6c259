import {
  DEFAULT_ENFORCEMENT_RULES,
  type CriminalReferralInput,
  type EnforcementCaseInput,
  type EnforcementRules,
  type TaskDecisionPayload,
} from '@zhiben/contracts/workflow';

/** One scaled day in workflow tests: a month passes in half a minute. */
export const TEST_MS_PER_DAY = 1000;

/**
 * Rules for tests: the legal numbers of the regulations where the scenarios check them (送达 7 days,
 * 复查 10 days, the B7 referral clocks in natural days and 24 hours), other limits in natural days so
 * that scaled runs do not depend on today's weekday.
 */
export const TEST_RULES: EnforcementRules = {
  ...DEFAULT_ENFORCEMENT_RULES,
  filingApproval: { amount: 3, unit: 'naturalDays' },
  investigation: { amount: 10, unit: 'naturalDays' },
  legalReview: { amount: 3, unit: 'naturalDays' },
  statementWindow: { amount: 1, unit: 'naturalDays' },
  decision: { amount: 3, unit: 'naturalDays' },
  service: { amount: 2, unit: 'naturalDays' },
  reinspection: { amount: 10, unit: 'naturalDays' },
  escalationDecision: { amount: 3, unit: 'naturalDays' },
};

export const ENTERPRISE = { creditCode: '91500116MA5U7KJ200', name: '重庆贾嗣化工有限公司' };
export const DEPARTMENT = 'jiangjin.dept.yingji';
export const DISTRICT_OFFICE = 'jiangjin.anweiban';

const candidates = {
  inspectors: [{ role: 'inspector' as const, orgUnitCode: DEPARTMENT }],
  head: [{ role: 'leader' as const, orgUnitCode: DEPARTMENT }],
  legalReviewers: [{ role: 'official' as const, orgUnitCode: DEPARTMENT }],
  supervisors: [{ role: 'ops' as const, orgUnitCode: DISTRICT_OFFICE }],
  liaison: [{ role: 'official' as const, orgUnitCode: DEPARTMENT }],
};

export function caseInput(
  caseId: string,
  overrides: Partial<EnforcementCaseInput> = {},
): EnforcementCaseInput {
  return {
    caseId,
    caseNo: `津应急罚〔2026〕${caseId}号`,
    titleZh: '液氨储罐区未设置泄漏报警装置',
    departmentCode: DEPARTMENT,
    townCode: 'jiangjin.jiasi',
    enterpriseCreditCode: ENTERPRISE.creditCode,
    enterpriseName: ENTERPRISE.name,
    inspectionId: `I-${caseId}`,
    hazardIds: [`H-${caseId}`],
    worstGrade: 'general',
    officers: [
      { username: 'inspector.yingji', name: '陈明' },
      { username: 'inspector.yingji2', name: '刘洋' },
    ],
    rectificationDeadlineAt: null,
    stopOrdered: false,
    inspectors: candidates.inspectors,
    head: candidates.head,
    legalReviewers: candidates.legalReviewers,
    supervisors: candidates.supervisors,
    liaison: candidates.liaison,
    rules: TEST_RULES,
    clock: { msPerDay: TEST_MS_PER_DAY },
    ...overrides,
  };
}

export function referralInput(
  referralId: string,
  overrides: Partial<CriminalReferralInput> = {},
): CriminalReferralInput {
  return {
    referralId,
    referralNo: `津应急移〔2026〕${referralId}号`,
    titleZh: '重庆贾嗣化工有限公司涉嫌危险作业罪',
    departmentCode: DEPARTMENT,
    townCode: 'jiangjin.jiasi',
    enterpriseCreditCode: ENTERPRISE.creditCode,
    enterpriseName: ENTERPRISE.name,
    caseId: null,
    suspectedCrime: 'dangerousOperation',
    suspects: 2,
    officers: candidates.inspectors,
    head: candidates.head,
    liaison: candidates.liaison,
    supervisors: candidates.supervisors,
    rules: TEST_RULES,
    clock: { msPerDay: TEST_MS_PER_DAY },
    ...overrides,
  };
}

type TestActor = TaskDecisionPayload['actor'];

export const ACTORS = {
  inspector: { username: 'inspector.yingji', name: '陈明', orgUnitCode: DEPARTMENT },
  inspector2: { username: 'inspector.yingji2', name: '刘洋', orgUnitCode: DEPARTMENT },
  head: { username: 'leader.yingji', name: '王局', orgUnitCode: DEPARTMENT },
  legal: { username: 'legal.yingji', name: '赵法', orgUnitCode: DEPARTMENT },
  liaison: { username: 'liaison.yingji', name: '孙联', orgUnitCode: DEPARTMENT },
  enterprise: { username: 'enterprise.jiasi', name: '李四', orgUnitCode: 'jiangjin.jiasi' },
  ops: { username: 'ops.jj', name: '周督', orgUnitCode: DISTRICT_OFFICE },
} satisfies Record<string, TestActor>;

export const OFFICERS = [
  { username: ACTORS.inspector.username, name: ACTORS.inspector.name },
  { username: ACTORS.inspector2.username, name: ACTORS.inspector2.name },
];
