import type { HazardRules } from '@zhiben/contracts';
import { NATIONAL_DEFAULT_RULES } from './hazard-rules.defaults';
import { pickEffective } from './rules.service';

const rules = (acceptance: number): Omit<HazardRules, 'version'> => ({
  ...NATIONAL_DEFAULT_RULES,
  acceptanceReview: { amount: acceptance, unit: 'naturalDays' },
});

describe('hazard rules', () => {
  it('defaults the two statutory limits to 10 days (16号令 第二十三条, regulations.md B1/B5)', () => {
    expect(NATIONAL_DEFAULT_RULES.acceptanceReview).toEqual({ amount: 10, unit: 'naturalDays' });
    expect(NATIONAL_DEFAULT_RULES.delistingReview).toEqual({ amount: 10, unit: 'naturalDays' });
  });

  it('orders the escalation ladder 函告 → 通报 → 约谈 → 曝光 → 挂牌督办', () => {
    expect(NATIONAL_DEFAULT_RULES.escalationLadder.map((r) => r.rung)).toEqual([
      'letter',
      'circular',
      'summons',
      'exposure',
      'listing',
    ]);
  });

  it('takes the latest version of the most specific jurisdiction, else the national row, else code defaults', () => {
    const rows = [
      { orgUnitCode: '*', version: 1, rules: rules(10) },
      { orgUnitCode: 'jiangjin', version: 1, rules: rules(8) },
      { orgUnitCode: 'jiangjin', version: 2, rules: rules(7) },
    ];
    expect(pickEffective(rows, ['jiangjin.jiasi', 'jiangjin'])).toMatchObject({
      orgUnitCode: 'jiangjin',
      rules: { version: 2, acceptanceReview: { amount: 7 } },
    });
    expect(pickEffective(rows, ['jiangjin.baisha', 'other'])).toMatchObject({
      orgUnitCode: '*',
      rules: { version: 1 },
    });
    expect(pickEffective([], ['x'])).toEqual({
      orgUnitCode: '*',
      rules: { ...NATIONAL_DEFAULT_RULES, version: 1 },
    });
  });
});
