import { hasAnyRole, principalFromClaims } from './principal';

describe('principalFromClaims', () => {
  it('reads roles, org unit, enterprise and a Chinese display name', () => {
    const p = principalFromClaims({
      sub: 's1',
      preferred_username: 'enterprise.jiasi',
      given_name: '伟',
      family_name: '张',
      name: '伟 张',
      realm_access: { roles: ['enterprise', 'default-roles-zhiben', 'offline_access'] },
      org_unit: 'jiangjin.jiasi',
      enterprise: '91500116MA5U7KJ200',
    });
    expect(p).toEqual({
      sub: 's1',
      username: 'enterprise.jiasi',
      name: '张伟',
      roles: ['enterprise'],
      orgUnitCode: 'jiangjin.jiasi',
      enterpriseCreditCode: '91500116MA5U7KJ200',
    });
  });

  it('ignores unknown roles and missing claims', () => {
    const p = principalFromClaims({
      sub: 's2',
      realm_access: { roles: ['superuser', 42] },
      name: 'Jane Doe',
    });
    expect(p.roles).toEqual([]);
    expect(p.orgUnitCode).toBeNull();
    expect(p.name).toBe('Jane Doe');
    expect(hasAnyRole(p, ['admin'])).toBe(false);
  });
});
