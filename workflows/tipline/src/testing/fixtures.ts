import {
  DEFAULT_TIPLINE_RULES,
  defaultTipCandidates,
  type TaskDecisionPayload,
  type TipActor,
  type TiplineRules,
  type TipVerificationInput,
} from '@zhiben/contracts/workflow';

/** One scaled day in workflow tests: the 60-day limit passes in 30 seconds. */
export const TEST_MS_PER_DAY = 500;

/**
 * Rules for tests: the legal limits the scenarios check (verification 60 + 30 days, feedback 10 days) as
 * in the national defaults; the rest in short natural days so scaled runs do not depend on the weekday.
 */
export const TEST_RULES: TiplineRules = {
  ...DEFAULT_TIPLINE_RULES,
  acceptanceDecision: { amount: 3, unit: 'naturalDays' },
  extensionDecision: { amount: 3, unit: 'naturalDays' },
  disputeWindow: { amount: 4, unit: 'naturalDays' },
  recheck: { amount: 10, unit: 'naturalDays' },
  rewardApproval: { amount: 10, unit: 'naturalDays' },
  claimWindow: { amount: 6, unit: 'naturalDays' },
  payment: { amount: 10, unit: 'naturalDays' },
};

export const OFFICE = 'jiangjin.anweiban';
export const DISTRICT = 'jiangjin';
export const DEPARTMENT = 'jiangjin.dept.yingji';

export function tipInput(tipId: string, overrides: Partial<TipVerificationInput> = {}): TipVerificationInput {
  return {
    tipId,
    tipRef: `JB-2026-${tipId}`,
    kind: 'hazard',
    reporterId: `R-${tipId}X7`,
    anonymous: true,
    channel: 'web',
    receivedAt: new Date().toISOString(),
    titleZh: '事故隐患举报·贾嗣镇',
    receivingUnitCode: OFFICE,
    townCode: 'jiangjin.jiasi',
    enterprise: { creditCode: '91500116MA5U7KJ200', name: '重庆贾嗣化工有限公司' },
    candidates: defaultTipCandidates(OFFICE, DISTRICT),
    rules: TEST_RULES,
    clock: { msPerDay: TEST_MS_PER_DAY },
    ...overrides,
  };
}

type TestActor = TaskDecisionPayload['actor'];
export const ACTORS = {
  handler: { username: 'tiphandler.jj', name: '钱办', orgUnitCode: OFFICE },
  leader: { username: 'leader.anweiban', name: '孙主任', orgUnitCode: OFFICE },
  above: { username: 'leader.jj', name: '李区长', orgUnitCode: DISTRICT },
  finance: { username: 'admin.jj', name: '周财', orgUnitCode: OFFICE },
  deptHandler: { username: 'tiphandler.yingji', name: '吴办', orgUnitCode: DEPARTMENT },
} satisfies Record<string, TestActor>;

export const by = (a: TestActor): TipActor => ({ username: a.username, name: a.name });
