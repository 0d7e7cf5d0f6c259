import type { FormValues } from '@zhiben/contracts';
import {
  aggregateReports,
  AggregationError,
  findNode,
  type OrgUnitRef,
  rowContributions,
  type UnitReport,
} from './aggregate';
import { DISPATCH_FORM_2023 as form } from './dispatch-form';

/** A complete report: every row 0 (是否: 否) except the given ones. */
function report(unitCode: string, overrides: FormValues): UnitReport {
  const values: FormValues = {};
  for (const row of form.rows) values[row.id] = row.unit === '是否' ? false : 0;
  return { unitCode, values: { ...values, ...overrides } };
}

const units: OrgUnitRef[] = [
  { code: 'jiangjin', parentCode: null, name: '江津区' },
  { code: 'jiangjin.anweiban', parentCode: 'jiangjin', name: '江津区安委办' },
  { code: 'jiangjin.jiasi', parentCode: 'jiangjin', name: '贾嗣镇' },
  { code: 'jiangjin.jiasi.v1', parentCode: 'jiangjin.jiasi', name: '贾嗣村' },
  { code: 'jiangjin.jiasi.v2', parentCode: 'jiangjin.jiasi', name: '新街村' },
  { code: 'jiangjin.baisha', parentCode: 'jiangjin', name: '白沙镇' },
  { code: 'jiangjin.degan', parentCode: 'jiangjin', name: '德感街道' },
  { code: 'jiangjin.yingji', parentCode: 'jiangjin', name: '区应急管理局' },
  { code: 'jiangjin.zhiping', parentCode: 'jiangjin', name: '支坪镇' },
  { code: 'tongliang', parentCode: null, name: '铜梁区' },
];

const reports: UnitReport[] = [
  report('jiangjin.jiasi', {
    G1: 3,
    G2: 1,
    G3: 2,
    G4: 2,
    G5: 1,
    E3a: 2,
    E3b: 1.5,
    'L1.T': 1,
    L5a: 0.1,
    L6: true,
  }),
  report('jiangjin.jiasi.v1', { G1: 1, G2: 1 }),
  report('jiangjin.jiasi.v2', { G1: 2, L5a: 0.2, L5b: 0.2, L6: true }),
  report('jiangjin.baisha', { G1: 4, G2: 4, G3: 1, E3a: 1, E3b: 0.35 }),
  report('jiangjin.yingji', {
    G3: 5,
    G4: 3,
    G5: 2,
    G6: 1,
    E3a: 6,
    E3b: 12.3456,
    E4: 2,
    'L1.Dd': 1,
    L6: true,
  }),
  report('tongliang', { G1: 100 }),
];
const expected = [
  'jiangjin.jiasi',
  'jiangjin.jiasi.v1',
  'jiangjin.jiasi.v2',
  'jiangjin.baisha',
  'jiangjin.degan',
  'jiangjin.yingji',
];

const pick = (t: Record<string, number>, ids: string[]) => Object.fromEntries(ids.map((id) => [id, t[id]]));
const ROWS = ['G1', 'G2', 'G3', 'G4', 'G5', 'G6', 'E3a', 'E3b', 'E4', 'L1.Dd', 'L1.T', 'L5a', 'L5b', 'L6'];

describe('aggregating the dispatch form (town → district)', () => {
  const district = aggregateReports(form, units, reports, { rootCode: 'jiangjin', expected });

  it('sums each row over the district, equal to the hand-computed totals', () => {
    // G1 = 3 + 1 + 2 (贾嗣镇 and its villages) + 4 (白沙镇)            = 10
    // G3 = 2 + 1 + 5 (区应急管理局)                                    = 8
    // E3b = 1.5 + 0.35 + 12.3456 万元                                  = 14.1956
    // L5a = 0.1 + 0.2 万元 (exactly 0.3, not 0.30000000000000004)      = 0.3
    // L6 = units that answered 是: 贾嗣镇, 新街村, 区应急管理局          = 3
    expect(pick(district.total, ROWS)).toEqual({
      G1: 10,
      G2: 6,
      G3: 8,
      G4: 5,
      G5: 3,
      G6: 1,
      E3a: 9,
      E3b: 14.1956,
      E4: 2,
      'L1.Dd': 1,
      'L1.T': 1,
      L5a: 0.3,
      L5b: 0.2,
      L6: 3,
    });
    expect(district.total.S1).toBe(0);
    expect(Object.keys(district.total)).toHaveLength(form.rows.length);
    expect(district.reportingUnits).toBe(5);
    expect(district.own).toBeNull();
  });

  it('drills down to the town and its villages', () => {
    expect(district.children.map((c) => [c.code, c.reportingUnits])).toEqual([
      ['jiangjin.jiasi', 3],
      ['jiangjin.baisha', 1],
      ['jiangjin.degan', 0],
      ['jiangjin.yingji', 1],
    ]);
    const jiasi = findNode(district, 'jiangjin.jiasi');
    expect(jiasi?.name).toBe('贾嗣镇');
    expect(pick(jiasi?.total ?? {}, ['G1', 'G2', 'G3', 'L5a', 'L5b', 'L6'])).toEqual({
      G1: 6,
      G2: 2,
      G3: 2,
      L5a: 0.3,
      L5b: 0.2,
      L6: 2,
    });
    expect(pick(jiasi?.own ?? {}, ['G1', 'E3b', 'L6'])).toEqual({ G1: 3, E3b: 1.5, L6: 1 });
    expect(jiasi?.children.map((c) => c.code)).toEqual(['jiangjin.jiasi.v1', 'jiangjin.jiasi.v2']);
  });

  it('lists each unit’s contribution to a row', () => {
    expect(rowContributions(district, 'G1')).toEqual([
      { unitCode: 'jiangjin.jiasi', value: 3 },
      { unitCode: 'jiangjin.jiasi.v1', value: 1 },
      { unitCode: 'jiangjin.jiasi.v2', value: 2 },
      { unitCode: 'jiangjin.baisha', value: 4 },
      { unitCode: 'jiangjin.yingji', value: 0 },
    ]);
    const sum = rowContributions(district, 'E3b').reduce((s, c) => s + c.value * 10_000, 0) / 10_000;
    expect(sum).toBe(district.total.E3b);
  });

  it('shows who has not reported, and leaves out branches with nothing to show', () => {
    expect(district.missing).toEqual(['jiangjin.degan']);
    expect(findNode(district, 'jiangjin.degan')).toMatchObject({
      own: null,
      reportingUnits: 0,
      missing: ['jiangjin.degan'],
    });
    expect(findNode(district, 'jiangjin.zhiping')).toBeUndefined();
    expect(findNode(district, 'jiangjin.anweiban')).toBeUndefined();
  });

  it('counts only reports inside the root’s subtree', () => {
    const town = aggregateReports(form, units, reports, { rootCode: 'jiangjin.jiasi' });
    expect(town.total.G1).toBe(6);
    expect(town.own?.G1).toBe(3);
    expect(district.total.G1).toBe(10); // 铜梁区's 100 never counts in 江津区
    const empty = aggregateReports(form, units, [], { rootCode: 'jiangjin.zhiping' });
    expect(empty).toMatchObject({
      code: 'jiangjin.zhiping',
      name: '支坪镇',
      own: null,
      reportingUnits: 0,
      children: [],
    });
    expect(empty.total.G1).toBe(0);
  });

  it('rejects inconsistent input', () => {
    const run =
      (r: UnitReport[], u: OrgUnitRef[] = units) =>
      () =>
        aggregateReports(form, u, r, { rootCode: 'jiangjin' });
    expect(run([report('jiangjin.baisha', {}), report('jiangjin.baisha', {})])).toThrow(AggregationError);
    expect(run([report('jiangjin.nowhere', {})])).toThrow(/unknown unit/);
    expect(run([{ unitCode: 'jiangjin.baisha', values: { X1: 1 } }])).toThrow(/unknown row X1/);
    expect(run([report('jiangjin.baisha', { G1: -2 })])).toThrow(/non-negative/);
    expect(run([], [...units, { code: 'x', parentCode: 'missing' }])).toThrow(/unknown parent/);
    expect(() => aggregateReports(form, units, [], { rootCode: 'jiangjin', expected: ['nope'] })).toThrow(
      /Unknown expected unit/,
    );
  });
});
