import type { HazardRules, MajorHazardWorkflowInput, TaskDecisionPayload } from '@zhiben/contracts/workflow';

/** One scaled day in workflow tests: a month passes in half a minute. */
export const TEST_MS_PER_DAY = 1000;

/**
 * Rules for tests, with the regulations' legal numbers where they matter (验收 and 摘牌 on-site
 * review within 10 days, B1/B5) and a fast escalation ladder (one rung every 12 hours).
 */
export const TEST_RULES: HazardRules = {
  version: 1,
  planSubmission: { amount: 5, unit: 'naturalDays' },
  planReview: { amount: 5, unit: 'naturalDays' },
  acceptanceReview: { amount: 10, unit: 'naturalDays' },
  closeOutReview: { amount: 5, unit: 'naturalDays' },
  progressReportEvery: { amount: 7, unit: 'naturalDays' },
  generalFixDefault: { amount: 3, unit: 'naturalDays' },
  escalationLadder: [
    { rung: 'letter', after: { amount: 12, unit: 'hours' } },
    { rung: 'circular', after: { amount: 12, unit: 'hours' } },
    { rung: 'summons', after: { amount: 12, unit: 'hours' } },
    { rung: 'exposure', after: { amount: 12, unit: 'hours' } },
    { rung: 'listing', after: { amount: 12, unit: 'hours' } },
  ],
  delistingReview: { amount: 10, unit: 'naturalDays' },
};

export const ENTERPRISE = { creditCode: '91500116MA5U7KJ200', name: '重庆贾嗣化工有限公司' };

export function hazardInput(
  hazardId: string,
  overrides: Partial<MajorHazardWorkflowInput> = {},
): MajorHazardWorkflowInput {
  return {
    hazardId,
    caseRef: `JS-2026-${hazardId}`,
    grade: 'major',
    titleZh: '液氨储罐区未设置泄漏报警装置',
    enterpriseCreditCode: ENTERPRISE.creditCode,
    enterpriseName: ENTERPRISE.name,
    townCode: 'jiangjin.jiasi',
    departmentCode: 'jiangjin.dept.yingji',
    rules: TEST_RULES,
    clock: { msPerDay: TEST_MS_PER_DAY },
    ...overrides,
  };
}

type TestActor = TaskDecisionPayload['actor'];

export const ACTORS = {
  /** 企业安全员 */
  enterprise: { username: 'enterprise.jiasi', name: '李四', orgUnitCode: 'jiangjin.jiasi' },
  /** 贾嗣镇 official */
  town: { username: 'official.jiasi', name: '张伟', orgUnitCode: 'jiangjin.jiasi' },
  /** 区应急局 (supervising department and close-out authority) */
  department: { username: 'inspector.yingji', name: '陈明', orgUnitCode: 'jiangjin.dept.yingji' },
  /** 区安委办 (listing authority) */
  district: { username: 'admin.jj', name: '王强', orgUnitCode: 'jiangjin.anweiban' },
} satisfies Record<string, TestActor>;
