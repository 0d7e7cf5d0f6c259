import { canRead, scopeForUnit, scopeWhere, type HazardScope } from './hazard-scope';

const district = '/d/';
const jiasi = '/d/jiasi/';
const baisha = '/d/baisha/';
const row = (orgPath: string, sector = 'IndustryTrade', enterpriseCreditCode = 'A') => ({
  orgPath,
  sector,
  enterpriseCreditCode,
});

describe('hazard scoping', () => {
  it('derives scopes from the caller’s unit', () => {
    expect(scopeForUnit({ kind: 'town', path: jiasi, sectors: [] }, { path: district })).toEqual({
      kind: 'subtree',
      rootPath: jiasi,
    });
    expect(scopeForUnit({ kind: 'office', path: '/d/office/', sectors: [] }, { path: district })).toEqual({
      kind: 'subtree',
      rootPath: district,
    });
    expect(
      scopeForUnit(
        { kind: 'department', path: '/d/yingji/', sectors: ['IndustryTrade'] },
        { path: district },
      ),
    ).toEqual({ kind: 'sectors', districtPath: district, sectors: ['IndustryTrade'] });
  });

  it('lets a town see its subtree only', () => {
    const s: HazardScope = { kind: 'subtree', rootPath: jiasi };
    expect(canRead(s, row('/d/jiasi/xinqiao/'))).toBe(true);
    expect(canRead(s, row(jiasi))).toBe(true);
    expect(canRead(s, row(baisha))).toBe(false);
  });

  it('lets a department see its sectors in its district', () => {
    const s: HazardScope = { kind: 'sectors', districtPath: district, sectors: ['IndustryTrade'] };
    expect(canRead(s, row(jiasi))).toBe(true);
    expect(canRead(s, row(jiasi, 'Construction'))).toBe(false);
    expect(canRead(s, row('/other/x/'))).toBe(false);
    expect(scopeWhere({ kind: 'sectors', districtPath: district, sectors: [] }).sql).toBe('1 = 0');
  });

  it('lets an enterprise see itself and fails closed without a scope', () => {
    expect(canRead({ kind: 'enterprise', creditCode: 'A' }, row(jiasi))).toBe(true);
    expect(canRead({ kind: 'enterprise', creditCode: 'B' }, row(jiasi))).toBe(false);
    expect(canRead({ kind: 'none' }, row(jiasi))).toBe(false);
    expect(scopeWhere({ kind: 'none' }).sql).toBe('1 = 0');
  });

  it('escapes LIKE wildcards in paths', () => {
    expect(scopeWhere({ kind: 'subtree', rootPath: '/a_b%/' }).params).toEqual({
      scope_prefix: '/a\\_b\\%/%',
    });
  });
});
