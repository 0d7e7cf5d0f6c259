import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { JIANGJIN_ENTERPRISES, JIANGJIN_ORG_UNITS } from './jiangjin.seed';

/** Demo users of deploy/keycloak/zhiben-realm.json and the units they belong to. */
export const DEMO_USER_UNITS: Record<string, { orgUnit: string; enterprise?: string }> = {
  'admin.jj': { orgUnit: 'jiangjin.anweiban' },
  'leader.jj': { orgUnit: 'jiangjin' },
  'ops.jj': { orgUnit: 'jiangjin.anweiban' },
  'official.jiasi': { orgUnit: 'jiangjin.jiasi' },
  'leader.jiasi': { orgUnit: 'jiangjin.jiasi' },
  'admin.jiasi': { orgUnit: 'jiangjin.jiasi' },
  'official.baisha': { orgUnit: 'jiangjin.baisha' },
  'inspector.yingji': { orgUnit: 'jiangjin.dept.yingji' },
  'inspector2.yingji': { orgUnit: 'jiangjin.dept.yingji' },
  'leader.yingji': { orgUnit: 'jiangjin.dept.yingji' },
  'official.yingji': { orgUnit: 'jiangjin.dept.yingji' },
  'official.zhujian': { orgUnit: 'jiangjin.dept.zhujian' },
  'enterprise.jiasi': { orgUnit: 'jiangjin.jiasi', enterprise: '91500116MA5U7KJ200' },
  'enterprise.baisha': { orgUnit: 'jiangjin.baisha', enterprise: '91500116MA60AB1C2X' },
  'auditor.jj': { orgUnit: 'jiangjin' },
  'tiphandler.jj': { orgUnit: 'jiangjin.anweiban' },
  sysadmin: { orgUnit: 'jiangjin' },
  secadmin: { orgUnit: 'jiangjin' },
  auditadmin: { orgUnit: 'jiangjin' },
};

/**
 * Loads the demo district once: idempotent (by code / credit code), so every start may call it
 * and an admin's later edits are never overwritten.
 */
export async function seedDemoDistrict(ds: DataSource): Promise<{ orgUnits: number; enterprises: number }> {
  return ds.transaction(async (m) => {
    await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['zhiben:seed:directory']);
    const ids = new Map<string, { id: string; path: string }>();
    for (const row of (await m.query('SELECT id, code, path FROM directory.org_units')) as {
      id: string;
      code: string;
      path: string;
    }[]) {
      ids.set(row.code, { id: row.id, path: row.path });
    }
    let orgUnits = 0;
    for (const u of JIANGJIN_ORG_UNITS) {
      if (ids.has(u.code)) continue;
      const parent = u.parentCode ? ids.get(u.parentCode) : undefined;
      if (u.parentCode && !parent) throw new Error(`Seed order: parent ${u.parentCode} of ${u.code} missing`);
      const [{ id }] = (await m.query('SELECT gen_random_uuid() AS id')) as { id: string }[];
      const path = `${parent?.path ?? '/'}${id}/`;
      await m.query(
        `INSERT INTO directory.org_units (id, code, name, name_en, kind, parent_id, path, sectors, version)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,1)`,
        [id, u.code, u.name, u.nameEn, u.kind, parent?.id ?? null, path, u.sectors ?? []],
      );
      ids.set(u.code, { id, path });
      orgUnits++;
    }
    let enterprises = 0;
    for (const e of JIANGJIN_ENTERPRISES) {
      const town = ids.get(e.townCode);
      if (!town) throw new Error(`Seed: town ${e.townCode} of ${e.name} missing`);
      const res = (await m.query(
        `INSERT INTO directory.enterprises (name, credit_code, sector, town_id, size, principal, principal_phone, address, version)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,1) ON CONFLICT (credit_code) DO NOTHING RETURNING id`,
        [e.name, e.creditCode, e.sector, town.id, e.size, e.principal, e.principalPhone, e.address],
      )) as unknown[];
      enterprises += res.length;
    }
    for (const [username, a] of Object.entries(DEMO_USER_UNITS)) {
      const unit = ids.get(a.orgUnit);
      if (!unit) continue;
      await m.query(
        `INSERT INTO directory.user_assignments (username, org_unit_id, enterprise_id)
         VALUES ($1, $2, (SELECT id FROM directory.enterprises WHERE credit_code = $3))
         ON CONFLICT (username) DO NOTHING`,
        [username, unit.id, a.enterprise ?? null],
      );
    }
    if (orgUnits || enterprises)
      new Logger('Seed').log({ msg: 'demo district seeded', orgUnits, enterprises });
    return { orgUnits, enterprises };
  });
}
