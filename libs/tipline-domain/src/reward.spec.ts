import {
  DEFAULT_TIPLINE_RULES,
  NATIONAL_REWARD_RULES,
  SHANDONG_REWARD_RULES_2021,
  type RewardFacts,
} from '@zhiben/contracts';
import {
  RewardFactsError,
  checkRewardRules,
  computeReward,
  formatYuan,
  missingRewardFacts,
  type RewardRuleSet,
} from './reward';

const NATIONAL: RewardRuleSet = DEFAULT_TIPLINE_RULES;
const SHANDONG: RewardRuleSet = { version: 3, jurisdiction: 'sd', reward: SHANDONG_REWARD_RULES_2021 };

const eligible = { substantiated: true, firstReporter: true, reporterExclusion: null } as const;
const majorHazard = (fineYuan: number | null): RewardFacts => ({
  ...eligible,
  kind: 'hazard',
  hazardGrade: 'major',
  fineYuan,
});
const violation = (fineYuan: number): RewardFacts => ({ ...eligible, kind: 'illegalOperation', fineYuan });
const concealed = (deaths: number, grade: RewardFacts['accidentGrade']): RewardFacts => ({
  ...eligible,
  kind: 'concealedAccident',
  concealedDeaths: deaths,
  accidentGrade: grade,
});

describe('computeReward — national rules (安监总财〔2018〕19号 第九条)', () => {
  it.each([
    // The boundaries.
    [10_000, 3_000, 'minimum'],
    [100_000, 15_000, null],
    [3_000_000, 300_000, 'maximum'],
    // Around the minimum and the maximum: 15% of 20,000 is exactly the minimum, of 2,000,000 the maximum.
    [0, 3_000, 'minimum'],
    [19_996, 3_000, 'minimum'], // 2,999.4 → 2,999 → the minimum
    [19_999, 3_000, null], // 2,999.85 rounds to 3,000 itself
    [20_000, 3_000, null],
    [20_007, 3_001, null], // 3,001.05 → 3,001
    [1_999_999, 300_000, null], // 299,999.85 → 300,000 (half up)
    [2_000_000, 300_000, null],
    [2_000_007, 300_000, 'maximum'],
  ])('fine %d yuan → %d yuan (%s)', (fine, amount, bound) => {
    for (const facts of [majorHazard(fine), violation(fine)]) {
      const r = computeReward(NATIONAL, facts);
      expect(r.amountYuan).toBe(amount);
      expect(r.exclusion).toBeNull();
      const codes = r.lines.map((l) => l.code);
      expect(codes[0]).toBe('subject');
      expect(codes).toContain('fineShare');
      expect(codes.includes('minimum')).toBe(bound === 'minimum');
      expect(codes.includes('maximum')).toBe(bound === 'maximum');
      expect(r.lines.at(-1)).toMatchObject({ code: 'total', amountYuan: amount });
    }
  });

  it('explains the share and the bound in both languages', () => {
    const r = computeReward(NATIONAL, majorHazard(10_000));
    expect(r).toMatchObject({ subject: 'majorHazard', rulesVersion: 1, jurisdiction: 'national' });
    expect(r.lines.map((l) => l.zh)).toEqual([
      '适用规则：举报重大事故隐患',
      '按罚款金额的15%计算：10,000元 × 15% = 1,500元',
      '低于最低奖励3,000元，按最低奖励计',
      '奖励金额：3,000元',
    ]);
    expect(r.lines[1].en).toBe('15% of the fine: 10,000 × 15% = 1,500 yuan');
    const capped = computeReward(NATIONAL, violation(3_000_000));
    expect(capped.lines.map((l) => l.zh)).toEqual([
      '适用规则：举报非法违法生产经营建设行为',
      '按罚款金额的15%计算：3,000,000元 × 15% = 450,000元',
      '超过最高奖励300,000元，按最高奖励计',
      '奖励金额：300,000元',
    ]);
  });

  it('rounds fractions of a yuan half up by default, or down when the rules say so', () => {
    expect(computeReward(NATIONAL, majorHazard(100_003)).amountYuan).toBe(15_000); // 15,000.45
    expect(computeReward(NATIONAL, majorHazard(100_004)).amountYuan).toBe(15_001); // 15,000.6
    const down = { ...NATIONAL, reward: { ...NATIONAL_REWARD_RULES, rounding: 'down' as const } };
    expect(computeReward(down, majorHazard(100_006)).amountYuan).toBe(15_000); // 15,000.9
    expect(computeReward(NATIONAL, majorHazard(100_003)).lines.map((l) => l.code)).toContain('rounding');
  });

  it.each([
    [3, 'larger', 120_000, false], // the boundary: three deaths in a 较大 accident
    [1, 'general', 30_000, false],
    [2, 'major', 100_000, false],
    [5, 'especiallyMajor', 300_000, false], // exactly the cap
    [6, 'general', 180_000, false],
    [7, 'major', 300_000, true], // 350,000 capped
    [10, 'especiallyMajor', 300_000, true], // 600,000 capped
  ] as const)('%d concealed deaths in a %s accident → %d yuan', (deaths, grade, amount, capped) => {
    const r = computeReward(NATIONAL, concealed(deaths, grade));
    expect(r.amountYuan).toBe(amount);
    expect(r.subject).toBe('concealedAccident');
    expect(r.lines.map((l) => l.code).includes('maximum')).toBe(capped);
  });

  it('explains the per-death amount', () => {
    const r = computeReward(NATIONAL, concealed(3, 'larger'));
    expect(r.lines.map((l) => l.zh)).toEqual([
      '适用规则：举报瞒报谎报事故',
      '较大事故每查实瞒报谎报死亡1人奖励40,000元：3人 × 40,000元 = 120,000元',
      '奖励金额：120,000元',
    ]);
  });

  it('rewards only the first reporter of the same matter', () => {
    const r = computeReward(NATIONAL, { ...majorHazard(100_000), firstReporter: false });
    expect(r).toMatchObject({ amountYuan: 0, exclusion: 'notFirstReporter' });
    expect(r.lines.at(-1)).toMatchObject({ code: 'exclusion', amountYuan: 0 });
    expect(r.lines.at(-1)!.zh).toBe('不予奖励：同一事项已有他人先行举报，仅奖励首位举报人');
  });

  it.each(['supervisoryStaff', 'relativeOfStaff', 'instructedByStaff'] as const)(
    'excludes %s (amount 0 with the reason)',
    (reporterExclusion) => {
      const r = computeReward(NATIONAL, { ...concealed(3, 'larger'), reporterExclusion });
      expect(r).toMatchObject({ amountYuan: 0, exclusion: reporterExclusion });
    },
  );

  it('gives nothing for an unsubstantiated tip, and nothing for a general hazard under national rules', () => {
    expect(computeReward(NATIONAL, { ...majorHazard(100_000), substantiated: false })).toMatchObject({
      amountYuan: 0,
      exclusion: 'notSubstantiated',
      subject: null,
    });
    expect(
      computeReward(NATIONAL, { ...eligible, kind: 'hazard', hazardGrade: 'general', fineYuan: 50_000 }),
    ).toMatchObject({ amountYuan: 0, exclusion: 'notCovered', subject: 'generalHazard' });
  });

  it('refuses to guess missing facts, and names them', () => {
    expect(missingRewardFacts(NATIONAL, majorHazard(null))).toEqual(['fineYuan']);
    expect(missingRewardFacts(NATIONAL, majorHazard(0))).toEqual([]);
    expect(missingRewardFacts(NATIONAL, { ...eligible, kind: 'hazard', fineYuan: 1 })).toEqual([
      'hazardGrade',
    ]);
    expect(missingRewardFacts(NATIONAL, { ...eligible, kind: 'concealedAccident' })).toEqual([
      'concealedDeaths',
      'accidentGrade',
    ]);
    expect(() => computeReward(NATIONAL, majorHazard(null))).toThrow(RewardFactsError);
    expect(() => computeReward(NATIONAL, majorHazard(-5))).toThrow(/fine/);
    expect(() => computeReward(NATIONAL, majorHazard(1234.5))).toThrow(RewardFactsError);
    expect(() => computeReward(NATIONAL, concealed(0, 'general'))).toThrow(/concealed deaths/);
    expect(() => computeReward(NATIONAL, concealed(2, null))).toThrow(/grade/);
  });
});

describe('computeReward — a Shandong-style rule set (鲁应急发〔2021〕3号: 50%, 5,000–500,000)', () => {
  it.each([
    [1_000, 5_000], // 500 → the minimum
    [10_000, 5_000], // exactly the minimum
    [100_000, 50_000],
    [999_999, 500_000], // 499,999.5 → 500,000 half up
    [3_000_000, 500_000], // 1,500,000 → the cap
  ])('fine %d yuan → %d yuan', (fine, amount) => {
    const r = computeReward(SHANDONG, majorHazard(fine));
    expect(r.amountYuan).toBe(amount);
    expect(r).toMatchObject({ rulesVersion: 3, jurisdiction: 'sd' });
    expect(r.lines[1].zh).toContain('50%');
  });

  it('rewards ordinary hazards within 500–5,000 as proposed, clamped to the range', () => {
    const general = (proposedAmountYuan?: number): RewardFacts => ({
      ...eligible,
      kind: 'hazard',
      hazardGrade: 'general',
      proposedAmountYuan: proposedAmountYuan ?? null,
    });
    expect(computeReward(SHANDONG, general(2_000)).amountYuan).toBe(2_000);
    expect(computeReward(SHANDONG, general()).amountYuan).toBe(500);
    expect(computeReward(SHANDONG, general(8_000)).amountYuan).toBe(5_000);
    expect(computeReward(SHANDONG, general(8_000)).lines[1].zh).toBe(
      '在500元至5,000元范围内核定：5,000元（拟定8,000元超出范围）',
    );
    expect(missingRewardFacts(SHANDONG, general())).toEqual([]);
  });

  it('keeps the national per-death amounts', () => {
    expect(computeReward(SHANDONG, concealed(3, 'larger')).amountYuan).toBe(120_000);
  });
});

describe('checkRewardRules', () => {
  it('accepts the shipped rule sets and rejects inconsistent overrides', () => {
    expect(checkRewardRules(NATIONAL_REWARD_RULES)).toEqual([]);
    expect(checkRewardRules(SHANDONG_REWARD_RULES_2021)).toEqual([]);
    const bad = checkRewardRules({
      ...NATIONAL_REWARD_RULES,
      majorHazard: { basis: 'fineShare', rateBasisPoints: 15, minYuan: 5_000, maxYuan: 3_000 },
      violation: { basis: 'fineShare', rateBasisPoints: 0, minYuan: 0, maxYuan: 1 },
    });
    expect(bad.map((p) => p.path)).toEqual(['majorHazard', 'violation.rateBasisPoints']);
  });
});

it('formats yuan with thousands separators', () => {
  expect(formatYuan(0)).toBe('0');
  expect(formatYuan(3_000)).toBe('3,000');
  expect(formatYuan(1_234_567)).toBe('1,234,567');
});
