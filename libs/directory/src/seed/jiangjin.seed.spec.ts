import {
  computeOrganizationCodeCheckChar,
  ENTERPRISE_SIZES,
  isTerritorialUnitKind,
  isValidUscc,
  KEY_SECTOR_CODES,
  ORG_UNIT_KINDS,
  SECTOR_CODES,
  validateUscc,
  type SectorCode,
} from '@zhiben/contracts';
import { JIANGJIN_ENTERPRISES, JIANGJIN_ORG_UNITS, type SeedOrgUnit } from './jiangjin.seed';

const byCode = new Map(JIANGJIN_ORG_UNITS.map((u) => [u.code, u]));
const departments = JIANGJIN_ORG_UNITS.filter((u) => u.kind === 'department');

/** Codes other engineers depend on, with the kind they rely on. */
const REQUIRED_UNITS: ReadonlyArray<[string, SeedOrgUnit['kind']]> = [
  ['jiangjin', 'district'],
  ['jiangjin.anweiban', 'office'],
  ['jiangjin.jiasi', 'town'],
  ['jiangjin.baisha', 'town'],
  ['jiangjin.dept.yingji', 'department'],
  ['jiangjin.dept.zhujian', 'department'],
];

describe('JIANGJIN_ORG_UNITS', () => {
  it('has unique codes', () => {
    expect(byCode.size).toBe(JIANGJIN_ORG_UNITS.length);
  });

  it.each(REQUIRED_UNITS)('includes %s as a %s', (code, kind) => {
    expect(byCode.get(code)?.kind).toBe(kind);
  });

  it('gives the emergency bureau and the housing commission their sectors', () => {
    expect(byCode.get('jiangjin.dept.yingji')?.sectors).toEqual(
      expect.arrayContaining(['Hazchem', 'NonCoalMine', 'IndustryTrade', 'Fireworks']),
    );
    expect(byCode.get('jiangjin.dept.zhujian')?.sectors).toEqual(
      expect.arrayContaining(['Construction', 'SelfBuiltHousing']),
    );
  });

  it('has exactly one root, the district', () => {
    const roots = JIANGJIN_ORG_UNITS.filter((u) => u.parentCode === null);
    expect(roots.map((u) => u.code)).toEqual(['jiangjin']);
  });

  it('has an existing parent for every non-root unit, and code paths that extend the parent', () => {
    for (const unit of JIANGJIN_ORG_UNITS) {
      if (unit.parentCode === null) continue;
      expect(byCode.has(unit.parentCode)).toBe(true);
      expect(unit.code.startsWith(`${unit.parentCode}.`)).toBe(true);
    }
  });

  it('lists every parent before its children (the loader inserts in array order)', () => {
    const seen = new Set<string>();
    for (const unit of JIANGJIN_ORG_UNITS) {
      if (unit.parentCode !== null) expect(seen.has(unit.parentCode)).toBe(true);
      seen.add(unit.code);
    }
  });

  it('places each kind under the right kind of parent', () => {
    const allowedParents: Record<SeedOrgUnit['kind'], SeedOrgUnit['kind'][]> = {
      district: [],
      town: ['district'],
      street: ['district'],
      platform: ['district'],
      department: ['district'],
      office: ['district'],
      village: ['town', 'street'],
      community: ['town', 'street'],
    };
    for (const unit of JIANGJIN_ORG_UNITS) {
      expect(ORG_UNIT_KINDS).toContain(unit.kind);
      if (unit.parentCode === null) continue;
      expect(allowedParents[unit.kind]).toContain(byCode.get(unit.parentCode)?.kind);
    }
  });

  it('uses codes the directory API accepts', () => {
    for (const unit of JIANGJIN_ORG_UNITS) {
      expect(unit.code).toMatch(/^[a-z0-9]+(\.[a-z0-9-]+)*$/);
      expect(unit.name.trim()).not.toBe('');
      expect(unit.nameEn.trim()).not.toBe('');
    }
  });

  it('has villages and communities under 贾嗣镇 and 白沙镇', () => {
    const childrenOf = (code: string) => JIANGJIN_ORG_UNITS.filter((u) => u.parentCode === code);
    expect(childrenOf('jiangjin.jiasi').length).toBeGreaterThanOrEqual(3);
    expect(childrenOf('jiangjin.baisha').length).toBeGreaterThanOrEqual(2);
  });

  it('assigns sectors to departments only', () => {
    for (const unit of JIANGJIN_ORG_UNITS) {
      if (unit.kind !== 'department') expect(unit.sectors ?? []).toEqual([]);
    }
  });

  it.each(SECTOR_CODES)('has exactly one lead department for %s', (sector) => {
    const leads = departments.filter((d) => d.sectors?.includes(sector));
    expect(leads.map((d) => d.code)).toHaveLength(1);
  });

  it('cites seeds in the FILE:LINE form', () => {
    for (const unit of JIANGJIN_ORG_UNITS) {
      if (unit.source !== undefined) expect(unit.source).toMatch(/^00[0-4]:\d+$/);
    }
  });
});

describe('JIANGJIN_ENTERPRISES', () => {
  it('has about fifty enterprises', () => {
    expect(JIANGJIN_ENTERPRISES.length).toBeGreaterThanOrEqual(45);
  });

  it('has valid, unique credit codes', () => {
    for (const e of JIANGJIN_ENTERPRISES) {
      expect({ code: e.creditCode, result: validateUscc(e.creditCode) }).toEqual({
        code: e.creditCode,
        result: { ok: true },
      });
    }
    const codes = JIANGJIN_ENTERPRISES.map((e) => e.creditCode);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('registers every enterprise in Jiangjin (division code 500116)', () => {
    for (const e of JIANGJIN_ENTERPRISES) expect(e.creditCode.slice(2, 8)).toBe('500116');
  });

  it('gives generated codes a valid GB 11714 organisation code too', () => {
    const fixed = new Set(['91500116MA5U7KJ200', '91500116MA60AB1C2X']);
    for (const e of JIANGJIN_ENTERPRISES.filter((x) => !fixed.has(x.creditCode))) {
      expect(isValidUscc(e.creditCode, { checkOrganizationCode: true })).toBe(true);
      expect(computeOrganizationCodeCheckChar(e.creditCode.slice(8, 16))).toBe(e.creditCode[16]);
    }
  });

  it('includes the two reference enterprises other code relies on', () => {
    expect(JIANGJIN_ENTERPRISES).toContainEqual(
      expect.objectContaining({
        creditCode: '91500116MA5U7KJ200',
        name: '重庆贾嗣精工机械有限公司',
        sector: 'IndustryTrade',
        townCode: 'jiangjin.jiasi',
        size: 'above_scale',
      }),
    );
    expect(JIANGJIN_ENTERPRISES).toContainEqual(
      expect.objectContaining({
        creditCode: '91500116MA60AB1C2X',
        name: '重庆白沙酒业有限公司',
        sector: 'IndustryTrade',
        townCode: 'jiangjin.baisha',
        size: 'small_micro',
      }),
    );
  });

  it('places every enterprise in a town, street or platform', () => {
    for (const e of JIANGJIN_ENTERPRISES) {
      const town = byCode.get(e.townCode);
      expect({ enterprise: e.name, kind: town && isTerritorialUnitKind(town.kind) }).toEqual({
        enterprise: e.name,
        kind: true,
      });
    }
  });

  it('uses known sectors and sizes, and fills every field', () => {
    for (const e of JIANGJIN_ENTERPRISES) {
      expect(SECTOR_CODES).toContain(e.sector);
      expect(ENTERPRISE_SIZES).toContain(e.size);
      expect(e.name.trim()).not.toBe('');
      expect(e.principal).toMatch(/^[\u4e00-\u9fa5]{2,4}$/);
      expect(e.principalPhone).toMatch(/^(023-4755\d{4}|138\d{8})$/);
      expect(e.address.startsWith('重庆市江津区')).toBe(true);
    }
  });

  it('has unique names and phone numbers', () => {
    const names = JIANGJIN_ENTERPRISES.map((e) => e.name);
    const phones = JIANGJIN_ENTERPRISES.map((e) => e.principalPhone);
    expect(new Set(names).size).toBe(names.length);
    expect(new Set(phones).size).toBe(phones.length);
  });

  it.each(KEY_SECTOR_CODES)('has at least one enterprise in key sector %s', (sector: SectorCode) => {
    expect(JIANGJIN_ENTERPRISES.some((e) => e.sector === sector)).toBe(true);
  });

  it('is weighted towards 工贸 and spread over the towns', () => {
    const industryTrade = JIANGJIN_ENTERPRISES.filter((e) => e.sector === 'IndustryTrade');
    expect(industryTrade.length).toBeGreaterThanOrEqual(JIANGJIN_ENTERPRISES.length / 3);
    expect(industryTrade.some((e) => e.size === 'above_scale')).toBe(true);
    expect(industryTrade.some((e) => e.size === 'small_micro')).toBe(true);
    const towns = new Set(JIANGJIN_ENTERPRISES.map((e) => e.townCode));
    const territorial = JIANGJIN_ORG_UNITS.filter((u) => isTerritorialUnitKind(u.kind));
    expect(towns.size).toBe(territorial.length);
  });
});
