import type { DurationSpec, EscalationRung, HazardRules } from '@zhiben/contracts';

/** Rules row code of the national defaults; jurisdictions override them with their own versions. */
export const NATIONAL_RULES_CODE = '*';

const days = (amount: number): DurationSpec => ({ amount, unit: 'naturalDays' });
const workingDays = (amount: number): DurationSpec => ({ amount, unit: 'workingDays' });

/**
 * National defaults (regulations.md). Only the two 10-day limits are legal numbers; the rest are
 * **[design]** defaults that a jurisdiction is expected to set for itself (POST /rules).
 */
export const NATIONAL_DEFAULT_RULES: Omit<HazardRules, 'version'> = {
  // [design] 16号令 第十四条 asks for the treatment plan "at once" with the report; we allow 10 working days.
  planSubmission: workingDays(10),
  // [design] seeds require 严格审核审批 of technical plans (000:37) but give no time limit.
  planReview: workingDays(5),
  // 16号令 第二十三条: on-site review within 10 days of the application; the provincial rule that copies it
  // (鄂安〔2010〕20号) counts 10 days from the deadline or the application (regulations.md B1, B5).
  acceptanceReview: days(10),
  // [design] 审核把关销号 (003:120) has no statutory time limit.
  closeOutReview: workingDays(5),
  // [design] monthly, in step with the monthly dispatch form (000:139-158).
  progressReportEvery: days(30),
  // [design] 一般隐患 are fixed at once (16号令 definitions); when they are not, a week.
  generalFixDefault: days(7),
  // [design] timing; the order is the seeds' canonical ladder 函告→通报→约谈→曝光 (004:331, 003:186), then
  // 挂牌督办 (001:154). Each rung follows the previous one (the first follows the missed deadline).
  escalationLadder: (
    [
      ['letter', workingDays(1)],
      ['circular', workingDays(5)],
      ['summons', workingDays(5)],
      ['exposure', workingDays(10)],
      ['listing', workingDays(10)],
    ] as [EscalationRung, DurationSpec][]
  ).map(([rung, after]) => ({ rung, after })),
  // 16号令 第十八条/第二十三条 and 鄂安〔2010〕20号: acceptance of a listed hazard within 10 days (regulations.md B5).
  delistingReview: days(10),
};

/** Production clock: a day is a day. Scaled clocks are a test/demo facility (see registration). */
export const REAL_MS_PER_DAY = 86_400_000;
