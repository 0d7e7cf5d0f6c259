import {
  ACCIDENT_GRADE_LABELS,
  REWARD_EXCLUSION_LABELS,
  REWARD_SUBJECT_LABELS,
  type FineShareTier,
  type PerDeathTier,
  type RangeTier,
  type RewardComputation,
  type RewardExclusion,
  type RewardFacts,
  type RewardRuleLine,
  type RewardRules,
  type RewardSubject,
  type TiplineRules,
} from '@zhiben/contracts/workflow';

/**
 * The reward of a tip by rule (regulations.md B8): a share of the fine within a minimum and a maximum for
 * 重大事故隐患 and illegal operations, an amount per concealed death by accident grade within a cap for
 * concealed accidents, nothing for a reporter who was not first or who is excluded. Whole yuan, integer
 * arithmetic, and every step explained in a rule line (zh/en) for the approval page.
 */
export type RewardRuleSet = Pick<TiplineRules, 'version' | 'jurisdiction' | 'reward'>;

/** Facts that are missing or malformed: computing needs them all (the workflow waits for a fine). */
export class RewardFactsError extends RangeError {
  constructor(
    readonly field: string,
    readonly messageZh: string,
    readonly messageEn: string,
  ) {
    super(`${messageZh} / ${messageEn}`);
    this.name = 'RewardFactsError';
  }
}

/** `1234567` → `1,234,567` (no Intl: the same output in every runtime). */
export function formatYuan(yuan: number): string {
  const sign = yuan < 0 ? '-' : '';
  return sign + String(Math.abs(yuan)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** `1500` basis points → `15%`, `1250` → `12.5%`. */
export function formatBasisPoints(bp: number): string {
  return `${String(bp / 100)}%`;
}

const isWholeYuan = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;

/** Which rule applies to the facts (null when the kind needs a grade that is missing). */
export function rewardSubject(facts: Pick<RewardFacts, 'kind' | 'hazardGrade'>): RewardSubject | null {
  switch (facts.kind) {
    case 'hazard':
      if (facts.hazardGrade === 'major') return 'majorHazard';
      if (facts.hazardGrade === 'general') return 'generalHazard';
      return null;
    case 'illegalOperation':
      return 'violation';
    case 'concealedAccident':
      return 'concealedAccident';
  }
}

/**
 * The facts `computeReward` still needs for a substantiated, eligible tip under these rules: `fineYuan`
 * while the penalty is not decided, `hazardGrade`, `concealedDeaths`/`accidentGrade`. Empty when complete.
 */
export function missingRewardFacts(rules: RewardRuleSet, facts: RewardFacts): (keyof RewardFacts)[] {
  if (!facts.substantiated) return [];
  const subject = rewardSubject(facts);
  if (subject === null) return ['hazardGrade'];
  if (subject === 'concealedAccident') {
    const missing: (keyof RewardFacts)[] = [];
    if (!isWholeYuan(facts.concealedDeaths)) missing.push('concealedDeaths');
    if (!facts.accidentGrade) missing.push('accidentGrade');
    return rules.reward.concealedAccident ? missing : [];
  }
  const tier = rules.reward[subject];
  if (tier?.basis === 'fineShare' && !isWholeYuan(facts.fineYuan)) return ['fineYuan'];
  return [];
}

function roundShare(fineYuan: number, bp: number, rounding: RewardRules['rounding']): number {
  // fine × bp / 10 000 in integers (fines up to 9 × 10^11 yuan stay exact).
  const scaled = fineYuan * bp;
  const whole = Math.floor(scaled / 10_000);
  const rest = scaled - whole * 10_000;
  return rounding === 'halfUp' && rest * 2 >= 10_000 ? whole + 1 : whole;
}

function fineShare(tier: FineShareTier, fineYuan: number, rounding: RewardRules['rounding']) {
  const lines: RewardRuleLine[] = [];
  const pct = formatBasisPoints(tier.rateBasisPoints);
  const exact = (fineYuan * tier.rateBasisPoints) % 10_000 === 0;
  let amount = roundShare(fineYuan, tier.rateBasisPoints, rounding);
  lines.push({
    code: 'fineShare',
    zh: `按罚款金额的${pct}计算：${formatYuan(fineYuan)}元 × ${pct} ${exact ? '=' : '≈'} ${formatYuan(amount)}元`,
    en: `${pct} of the fine: ${formatYuan(fineYuan)} × ${pct} ${exact ? '=' : '≈'} ${formatYuan(amount)} yuan`,
    amountYuan: amount,
  });
  if (!exact) {
    lines.push({
      code: 'rounding',
      zh: rounding === 'halfUp' ? '不足1元部分四舍五入' : '不足1元部分舍去',
      en: rounding === 'halfUp' ? 'Rounded half up to the yuan' : 'Rounded down to the yuan',
      amountYuan: amount,
    });
  }
  if (amount < tier.minYuan) {
    amount = tier.minYuan;
    lines.push({
      code: 'minimum',
      zh: `低于最低奖励${formatYuan(tier.minYuan)}元，按最低奖励计`,
      en: `Below the minimum of ${formatYuan(tier.minYuan)} yuan: the minimum applies`,
      amountYuan: amount,
    });
  } else if (amount > tier.maxYuan) {
    amount = tier.maxYuan;
    lines.push({
      code: 'maximum',
      zh: `超过最高奖励${formatYuan(tier.maxYuan)}元，按最高奖励计`,
      en: `Above the maximum of ${formatYuan(tier.maxYuan)} yuan: the maximum applies`,
      amountYuan: amount,
    });
  }
  return { amount, lines };
}

function range(tier: RangeTier, proposed: number | null | undefined) {
  const asked = isWholeYuan(proposed) ? proposed : tier.minYuan;
  const amount = Math.min(tier.maxYuan, Math.max(tier.minYuan, asked));
  const clamped = amount !== asked;
  return {
    amount,
    lines: [
      {
        code: 'range' as const,
        zh: `在${formatYuan(tier.minYuan)}元至${formatYuan(tier.maxYuan)}元范围内核定：${formatYuan(amount)}元${
          clamped ? `（拟定${formatYuan(asked)}元超出范围）` : ''
        }`,
        en: `Set within ${formatYuan(tier.minYuan)}–${formatYuan(tier.maxYuan)} yuan: ${formatYuan(amount)} yuan${
          clamped ? ` (the proposed ${formatYuan(asked)} was out of range)` : ''
        }`,
        amountYuan: amount,
      },
    ],
  };
}

function perDeath(tier: PerDeathTier, deaths: number, grade: NonNullable<RewardFacts['accidentGrade']>) {
  const each = tier.perDeathYuan[grade];
  let amount = each * deaths;
  const label = ACCIDENT_GRADE_LABELS[grade];
  const lines: RewardRuleLine[] = [
    {
      code: 'perDeath',
      zh: `${label.zh}每查实瞒报谎报死亡1人奖励${formatYuan(each)}元：${deaths}人 × ${formatYuan(each)}元 = ${formatYuan(amount)}元`,
      en: `${label.en}: ${formatYuan(each)} yuan per concealed death: ${deaths} × ${formatYuan(each)} = ${formatYuan(amount)} yuan`,
      amountYuan: amount,
    },
  ];
  if (amount > tier.maxYuan) {
    amount = tier.maxYuan;
    lines.push({
      code: 'maximum',
      zh: `超过最高奖励${formatYuan(tier.maxYuan)}元，按最高奖励计`,
      en: `Above the maximum of ${formatYuan(tier.maxYuan)} yuan: the maximum applies`,
      amountYuan: amount,
    });
  }
  return { amount, lines };
}

/**
 * The reward for `facts` under `rules`: the amount in whole yuan and the rule lines applied. Throws a
 * `RewardFactsError` when a fact the rule needs is missing or malformed (see `missingRewardFacts`).
 */
export function computeReward(rules: RewardRuleSet, facts: RewardFacts): RewardComputation {
  const base = { rulesVersion: rules.version, jurisdiction: rules.jurisdiction };
  const subject = facts.substantiated ? rewardSubject(facts) : null;
  const lines: RewardRuleLine[] = [];
  const none = (exclusion: RewardExclusion): RewardComputation => {
    const label = REWARD_EXCLUSION_LABELS[exclusion];
    lines.push({
      code: 'exclusion',
      zh: `不予奖励：${label.zh}`,
      en: `No reward: ${label.en}`,
      amountYuan: 0,
    });
    return { ...base, amountYuan: 0, subject, exclusion, lines };
  };

  if (!facts.substantiated) return none('notSubstantiated');
  if (subject === null) {
    throw new RewardFactsError('hazardGrade', '须认定隐患等级', 'The hazard grade is required');
  }
  lines.push({
    code: 'subject',
    zh: `适用规则：${REWARD_SUBJECT_LABELS[subject].zh}`,
    en: `Rule: ${REWARD_SUBJECT_LABELS[subject].en}`,
  });
  if (rules.reward.excludeSupervisoryStaff && facts.reporterExclusion) return none(facts.reporterExclusion);
  if (rules.reward.firstReporterOnly && !facts.firstReporter) return none('notFirstReporter');

  let result: { amount: number; lines: RewardRuleLine[] };
  if (subject === 'concealedAccident') {
    const tier = rules.reward.concealedAccident;
    if (!tier) return none('notCovered');
    const deaths = facts.concealedDeaths;
    if (!isWholeYuan(deaths) || deaths < 1) {
      throw new RewardFactsError(
        'concealedDeaths',
        '须填写查实的瞒报谎报死亡人数（正整数）',
        'The number of concealed deaths (a positive integer) is required',
      );
    }
    if (!facts.accidentGrade || !(facts.accidentGrade in tier.perDeathYuan)) {
      throw new RewardFactsError('accidentGrade', '须认定事故等级', 'The accident grade is required');
    }
    result = perDeath(tier, deaths, facts.accidentGrade);
  } else {
    const tier = rules.reward[subject];
    if (!tier) return none('notCovered');
    if (tier.basis === 'range') {
      result = range(tier, facts.proposedAmountYuan);
    } else {
      if (!isWholeYuan(facts.fineYuan)) {
        throw new RewardFactsError(
          'fineYuan',
          '须填写行政处罚罚款金额（元，非负整数）',
          'The fine (whole yuan, not negative) is required',
        );
      }
      result = fineShare(tier, facts.fineYuan, rules.reward.rounding);
    }
  }
  lines.push(...result.lines, {
    code: 'total',
    zh: `奖励金额：${formatYuan(result.amount)}元`,
    en: `Reward: ${formatYuan(result.amount)} yuan`,
    amountYuan: result.amount,
  });
  return { ...base, amountYuan: result.amount, subject, exclusion: null, lines };
}

/** Problems of a rule set an admin is about to save (bilingual); empty when it is consistent. */
export function checkRewardRules(rules: RewardRules): { path: string; zh: string; en: string }[] {
  const problems: { path: string; zh: string; en: string }[] = [];
  const bounds = (path: string, t: { minYuan: number; maxYuan: number }) => {
    if (!isWholeYuan(t.minYuan) || !isWholeYuan(t.maxYuan) || t.minYuan > t.maxYuan) {
      problems.push({
        path,
        zh: '最低、最高奖励须为非负整数且最低不高于最高',
        en: 'Minimum and maximum must be whole yuan with minimum ≤ maximum',
      });
    }
  };
  for (const key of ['majorHazard', 'generalHazard', 'violation'] as const) {
    const tier = rules[key];
    if (!tier) continue;
    bounds(key, tier);
    if (
      tier.basis === 'fineShare' &&
      (!Number.isSafeInteger(tier.rateBasisPoints) ||
        tier.rateBasisPoints <= 0 ||
        tier.rateBasisPoints > 10_000)
    ) {
      problems.push({
        path: `${key}.rateBasisPoints`,
        zh: '奖励比例须在0.01%至100%之间',
        en: 'The rate must lie between 0.01% and 100%',
      });
    }
  }
  const c = rules.concealedAccident;
  if (c) {
    if (!isWholeYuan(c.maxYuan)) {
      problems.push({
        path: 'concealedAccident.maxYuan',
        zh: '最高奖励须为非负整数',
        en: 'Maximum must be whole yuan',
      });
    }
    for (const [grade, yuan] of Object.entries(c.perDeathYuan)) {
      if (!isWholeYuan(yuan)) {
        problems.push({
          path: `concealedAccident.perDeathYuan.${grade}`,
          zh: '每人奖励金额须为非负整数',
          en: 'Per-death amounts must be whole yuan',
        });
      }
    }
  }
  return problems;
}
