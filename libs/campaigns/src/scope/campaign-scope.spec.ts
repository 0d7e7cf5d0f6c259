import type { Role } from '@zhiben/contracts';
import {
  canAdminister,
  canFillReport,
  canReadUnit,
  canSeeCampaign,
  canSignalEvents,
  type CampaignCaller,
  campaignScopeWhere,
  governedUnit,
  type UnitRef,
} from './campaign-scope';

const u = (code: string, kind: string, path: string, parentId: string | null = null): UnitRef => ({
  id: code,
  code,
  name: code,
  kind,
  parentId,
  path,
});
const district = u('jiangjin', 'district', '/d/');
const office = u('jiangjin.anweiban', 'office', '/d/o/', 'jiangjin');
const jiasi = u('jiangjin.jiasi', 'town', '/d/j/', 'jiangjin');
const baisha = u('jiangjin.baisha', 'town', '/d/b/', 'jiangjin');
const dept = u('jiangjin.dept.yingji', 'department', '/d/y/', 'jiangjin');
const units = new Map([district, office, jiasi, baisha, dept].map((x) => [x.code, x]));

function caller(unit: UnitRef | null, roles: Role[], parent: UnitRef | null = null): CampaignCaller {
  const g = governedUnit(unit, parent);
  return {
    username: 'u',
    name: 'u',
    roles,
    unit,
    governs: g?.path ?? null,
    governedUnit: g,
    enterpriseScope: null,
    units,
  };
}

const districtCampaign = { jurisdictionPath: '/d/', participantCodes: ['jiangjin.jiasi', 'jiangjin.baisha'] };
const baishaCampaign = { jurisdictionPath: '/d/b/', participantCodes: [] };

describe('campaign scope', () => {
  const adminJj = caller(office, ['admin', 'official'], district);
  const adminJiasi = caller(jiasi, ['admin']);
  const leaderJiasi = caller(jiasi, ['leader']);
  const inspector = caller(dept, ['inspector', 'official'], district);

  it('an office governs the level it serves, a town its subtree, a department nothing', () => {
    expect(adminJj.governs).toBe('/d/');
    expect(adminJiasi.governs).toBe('/d/j/');
    expect(inspector.governs).toBeNull();
  });

  it('shows a campaign to its governors, to units inside its jurisdiction and to participants', () => {
    expect(canSeeCampaign(adminJj, baishaCampaign)).toBe(true);
    expect(canSeeCampaign(adminJiasi, districtCampaign)).toBe(true);
    expect(canSeeCampaign(inspector, districtCampaign)).toBe(true);
    expect(canSeeCampaign(adminJiasi, baishaCampaign)).toBe(false);
    expect(canSeeCampaign(caller(null, ['official']), districtCampaign)).toBe(false);
  });

  it('lets only admins governing the jurisdiction administer; leaders may signal events', () => {
    expect(canAdminister(adminJj, districtCampaign)).toBe(true);
    expect(canAdminister(adminJiasi, districtCampaign)).toBe(false);
    expect(canAdminister(adminJiasi, baishaCampaign)).toBe(false);
    expect(canAdminister(leaderJiasi, { jurisdictionPath: '/d/j/', participantCodes: [] })).toBe(false);
    expect(canSignalEvents(leaderJiasi, { jurisdictionPath: '/d/j/', participantCodes: [] })).toBe(true);
    expect(canSignalEvents(inspector, districtCampaign)).toBe(false);
  });

  it('lets a unit fill its own report and its governors read it', () => {
    expect(canFillReport(adminJiasi, 'jiangjin.jiasi')).toBe(true);
    expect(canFillReport(adminJj, 'jiangjin.jiasi')).toBe(false);
    expect(canReadUnit(adminJj, 'jiangjin.jiasi')).toBe(true);
    expect(canReadUnit(adminJiasi, 'jiangjin.baisha')).toBe(false);
  });

  it('builds the same rule as SQL, failing closed without a unit', () => {
    expect(campaignScopeWhere(adminJj).sql).toContain('c.jurisdiction_path LIKE :scope_governs');
    expect(campaignScopeWhere(adminJj).params['scope_governs']).toBe('/d/%');
    expect(campaignScopeWhere(caller(null, ['official'])).sql).toBe('1 = 0');
  });
});
