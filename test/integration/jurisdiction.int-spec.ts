import { computeUsccCheckChar } from '@zhiben/contracts';
import { api, asUser, testConfig } from '@zhiben/testing';
import { randomUUID } from 'node:crypto';
import {
  allEnterprisesAsDistrictAdmin,
  createRealmUser,
  deleteRealmUser,
  expectProblem,
  JIASI_CREDIT_CODE,
  orgUnitsByCode,
  passwordGrant,
  RUN_ID,
  TEST_ENTERPRISE_PREFIX,
  withDb,
  YINGJI_SECTORS,
  type OrgUnitRow,
} from './support';

/**
 * Data scoping (ARCHITECTURE.md §4): a territorial unit sees its subtree (plus its ancestors among org
 * units), a department sees its sectors across the district, an enterprise sees itself; admin writes
 * stay inside the caller's territorial subtree. Out-of-scope reads are 403 OUT_OF_JURISDICTION and leak
 * nothing of the record.
 *
 * The "town admin" cases use `admin.jiasi` (admin of 贾嗣镇 only, password zhiben123);
 * ZHIBEN_IT_TOWN_ADMIN names another user with the same roles and org unit if needed.
 */

const TOWN_ADMIN = process.env['ZHIBEN_IT_TOWN_ADMIN'] ?? 'admin.jiasi';

type Enterprise = Awaited<ReturnType<typeof allEnterprisesAsDistrictAdmin>>['data'][number];
type OrgUnit = { id: string; code: string; name: string; kind: string; path: string };

let units: Map<string, OrgUnitRow>;
let all: Enterprise[];
let jiasi: OrgUnitRow;
let baisha: OrgUnitRow;
let district: OrgUnitRow;

const inSubtree = (unit: OrgUnitRow) => (townId: string) =>
  [...units.values()].some((u) => u.id === townId && u.path.startsWith(unit.path));

beforeAll(async () => {
  units = await orgUnitsByCode();
  jiasi = units.get('jiangjin.jiasi')!;
  baisha = units.get('jiangjin.baisha')!;
  district = units.get('jiangjin')!;
  expect([jiasi?.name, baisha?.name, district?.name]).toEqual(['贾嗣镇', '白沙镇', '江津区']);
  // Enterprises other specs create and delete while this one runs are left out of set comparisons.
  all = (await allEnterprisesAsDistrictAdmin()).data.filter(stable);
  // The demo seed has enterprises in both towns; the tests below depend on it.
  expect(all.filter((e) => inSubtree(jiasi)(e.townId)).length).toBeGreaterThan(0);
  expect(all.filter((e) => inSubtree(baisha)(e.townId)).length).toBeGreaterThan(0);
});

const stable = (e: Enterprise) => !e.name.startsWith(TEST_ENTERPRISE_PREFIX);

async function listEnterprises(username: string): Promise<{ data: Enterprise[]; total: number }> {
  const res = await asUser(username, '/api/directory/enterprises?perPage=500');
  expect(res.status).toBe(200);
  const body = res.body as { data: Enterprise[]; total: number };
  return { data: body.data.filter(stable), total: body.total };
}

function expectNoLeak(body: unknown, e: Enterprise): void {
  const text = JSON.stringify(body);
  for (const value of [e.name, e.creditCode, e.principal]) expect(text).not.toContain(value);
}

describe.each([
  { user: 'official.jiasi', own: () => jiasi, other: () => baisha },
  { user: 'official.baisha', own: () => baisha, other: () => jiasi },
])('territorial official $user', ({ user, own, other }) => {
  it('lists exactly the enterprises of its own town subtree, none of the other town', async () => {
    const { data } = await listEnterprises(user);
    expect(data.length).toBeGreaterThan(0);
    for (const e of data) {
      expect(inSubtree(own())(e.townId)).toBe(true);
      expect(e.townName).toBe(own().name);
      expect(inSubtree(other())(e.townId)).toBe(false);
    }
    const expected = all
      .filter((e) => inSubtree(own())(e.townId))
      .map((e) => e.id)
      .sort();
    expect(data.map((e) => e.id).sort()).toEqual(expected);
  });

  it('reads an enterprise of its own town', async () => {
    const mine = all.find((e) => inSubtree(own())(e.townId))!;
    const res = await asUser(user, `/api/directory/enterprises/${mine.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: mine.id, creditCode: mine.creditCode });
  });

  it('gets 403 OUT_OF_JURISDICTION for an enterprise of the other town, without any of its data', async () => {
    const foreign = all.filter((e) => inSubtree(other())(e.townId));
    for (const e of foreign.slice(0, 3)) {
      const res = await asUser(user, `/api/directory/enterprises/${e.id}`);
      const p = expectProblem(res, 403, 'OUT_OF_JURISDICTION');
      expect(p.messageZh).toBe('该数据不在您的管辖范围内');
      expectNoLeak(res.body, e);
    }
  });

  it('cannot reach the other town through list filters (townId, ids, q)', async () => {
    const e = all.find((x) => inSubtree(other())(x.townId))!;
    for (const query of [`townId=${other().id}`, `ids=${e.id}`, `q=${encodeURIComponent(e.creditCode)}`]) {
      const res = await asUser(user, `/api/directory/enterprises?${query}`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ data: [], total: 0 });
    }
  });

  it('lists its town, the town’s villages/communities and its ancestor 江津区, but not the other town', async () => {
    const res = await asUser(user, '/api/directory/org-units?perPage=500');
    expect(res.status).toBe(200);
    const codes = (res.body as { data: OrgUnit[] }).data.map((u) => u.code);
    const ownSubtree = [...units.values()].filter((u) => u.path.startsWith(own().path)).map((u) => u.code);
    expect(ownSubtree.length).toBeGreaterThan(1); // the town has villages/communities in the seed
    expect(codes).toEqual(expect.arrayContaining([...ownSubtree, district.code]));
    expect(codes).not.toContain(other().code);
    for (const u of units.values()) {
      if (u.path.startsWith(other().path)) expect(codes).not.toContain(u.code);
    }
    // Siblings of the ancestors (other towns, departments) are not visible either.
    expect(codes.sort()).toEqual([...ownSubtree, district.code].sort());
  });

  it('gets 403 for the other town’s org unit and one of its villages', async () => {
    const child = [...units.values()].find((u) => u.path.startsWith(other().path) && u.id !== other().id)!;
    for (const u of [other(), child]) {
      const res = await asUser(user, `/api/directory/org-units/${u.id}`);
      expectProblem(res, 403, 'OUT_OF_JURISDICTION');
      expect(JSON.stringify(res.body)).not.toContain(u.name);
    }
  });
});

describe('department inspector.yingji (区应急管理局)', () => {
  it('sees exactly the district’s enterprises of its sectors, across several towns', async () => {
    const { data } = await listEnterprises('inspector.yingji');
    expect(data.length).toBeGreaterThan(0);
    for (const e of data) expect(YINGJI_SECTORS).toContain(e.sector);
    const towns = new Set(data.map((e) => e.townId));
    expect(towns.size).toBeGreaterThan(1);
    const expected = all
      .filter((e) => YINGJI_SECTORS.includes(e.sector))
      .map((e) => e.id)
      .sort();
    expect(data.map((e) => e.id).sort()).toEqual(expected);
  });

  it('gets 403 for an enterprise outside its sectors', async () => {
    const e = all.find((x) => !YINGJI_SECTORS.includes(x.sector))!;
    const res = await asUser('inspector.yingji', `/api/directory/enterprises/${e.id}`);
    expectProblem(res, 403, 'OUT_OF_JURISDICTION');
    expectNoLeak(res.body, e);
  });

  it('official.zhujian sees only Construction / SelfBuiltHousing', async () => {
    const { data } = await listEnterprises('official.zhujian');
    expect(data.length).toBeGreaterThan(0);
    for (const e of data) expect(['Construction', 'SelfBuiltHousing']).toContain(e.sector);
  });
});

describe('enterprise user enterprise.jiasi', () => {
  it('sees exactly one enterprise: its own', async () => {
    const { data, total } = await listEnterprises('enterprise.jiasi');
    expect(total).toBe(1);
    expect(data).toHaveLength(1);
    expect(data[0].creditCode).toBe(JIASI_CREDIT_CODE);
  });

  it('gets 403 on any other enterprise, even one in its own town', async () => {
    const sameTown = all.find((e) => e.townId === jiasi.id && e.creditCode !== JIASI_CREDIT_CODE)!;
    const otherTown = all.find((e) => inSubtree(baisha)(e.townId))!;
    for (const e of [sameTown, otherTown]) {
      const res = await asUser('enterprise.jiasi', `/api/directory/enterprises/${e.id}`);
      expectProblem(res, 403, 'OUT_OF_JURISDICTION');
      expectNoLeak(res.body, e);
    }
  });
});

describe('GET /enterprises/by-credit-code/:creditCode/context (where an enterprise sits)', () => {
  const path = (cc: string) => `/api/directory/enterprises/by-credit-code/${cc}/context`;

  it('gives the enterprise its town, district and the department leading its sector, even to callers who cannot read those units', async () => {
    for (const user of ['enterprise.jiasi', 'official.jiasi', 'inspector.yingji']) {
      const res = await asUser(user, path(JIASI_CREDIT_CODE));
      expect(res.status).toBe(200);
      const body = res.body as Record<string, { code: string; kind: string; creditCode?: string } | null>;
      expect(body['enterprise']).toMatchObject({ creditCode: JIASI_CREDIT_CODE });
      expect(body['town']).toMatchObject({ code: 'jiangjin.jiasi' });
      expect(body['district']).toMatchObject({ code: 'jiangjin', kind: 'district' });
      expect(body['leadDepartment']).toMatchObject({ kind: 'department' });
    }
  });

  it('answers 403 for an enterprise outside the caller’s jurisdiction, without its data', async () => {
    const other = all.find((e) => inSubtree(baisha)(e.townId))!;
    for (const user of ['enterprise.jiasi', 'official.jiasi']) {
      const res = await asUser(user, path(other.creditCode));
      expectProblem(res, 403, 'OUT_OF_JURISDICTION');
      const text = JSON.stringify(res.body);
      for (const value of [other.name, other.principal]) expect(text).not.toContain(value);
    }
  });

  it('answers 404 for an unknown but valid credit code and 400 naming the field for a malformed one', async () => {
    const body17 = '91500116MA9YYYYY0';
    expectProblem(await asUser('admin.jj', path(body17 + computeUsccCheckChar(body17))), 404, 'NOT_FOUND');
    const bad = await asUser('admin.jj', path('not-a-code'));
    const problem = expectProblem(bad, 400, 'VALIDATION_FAILED') as { errors: { path: string }[] };
    expect(problem.errors.map((e) => e.path)).toContain('creditCode');
  });
});

describe('enterprise-role user WITHOUT an enterprise claim (mis-provisioned account)', () => {
  const username = `it-ent-noclaim-${RUN_ID}`;
  let userId: string | undefined;

  beforeAll(async () => {
    userId = await createRealmUser(username, ['enterprise'], { org_unit: ['jiangjin.jiasi'] });
  });

  afterAll(async () => {
    if (userId) await deleteRealmUser(userId);
  });

  // Regression: an enterprise account without its `enterprise` claim must fail closed.
  it('sees no enterprise at all (fails closed)', async () => {
    expect(userId).toBeDefined();
    const token = (await passwordGrant(testConfig().KEYCLOAK_REALM, 'zhiben-cli', username, 'zhiben123'))
      .access_token;
    const res = await api('/api/directory/enterprises?perPage=500', { token });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ data: [], total: 0 });
  });
});

describe(`admin writes stay inside the admin’s territory (${TOWN_ADMIN}, town admin of 贾嗣镇)`, () => {
  let jiasiEnterprise: Enterprise;
  let baishaEnterprise: Enterprise;

  beforeAll(() => {
    jiasiEnterprise = all.find((e) => e.townId === jiasi.id)!;
    baishaEnterprise = all.find((e) => e.townId === baisha.id)!;
  });

  async function readAsDistrictAdmin(id: string): Promise<Enterprise> {
    const res = await asUser('admin.jj', `/api/directory/enterprises/${id}`);
    expect(res.status).toBe(200);
    return res.body as Enterprise;
  }

  it('PATCH of a 白沙镇 enterprise → 403 and the record is unchanged', async () => {
    const before = await readAsDistrictAdmin(baishaEnterprise.id);
    const res = await asUser(TOWN_ADMIN, `/api/directory/enterprises/${baishaEnterprise.id}`, {
      method: 'PATCH',
      body: { principal: `越权 ${RUN_ID}` },
    });
    expectProblem(res, 403, 'OUT_OF_JURISDICTION');
    expect(await readAsDistrictAdmin(baishaEnterprise.id)).toEqual(before);
  });

  it('DELETE of a 白沙镇 enterprise → 403 and it still exists', async () => {
    const res = await asUser(TOWN_ADMIN, `/api/directory/enterprises/${baishaEnterprise.id}`, {
      method: 'DELETE',
    });
    expectProblem(res, 403, 'OUT_OF_JURISDICTION');
    await readAsDistrictAdmin(baishaEnterprise.id);
  });

  it('cannot move a 贾嗣镇 enterprise into 白沙镇 (403, unchanged)', async () => {
    const before = await readAsDistrictAdmin(jiasiEnterprise.id);
    const res = await asUser(TOWN_ADMIN, `/api/directory/enterprises/${jiasiEnterprise.id}`, {
      method: 'PATCH',
      body: { townId: baisha.id },
    });
    expectProblem(res, 403, 'OUT_OF_JURISDICTION');
    expect(await readAsDistrictAdmin(jiasiEnterprise.id)).toEqual(before);
  });

  it('cannot create an org unit under 白沙镇 (403)', async () => {
    const res = await asUser(TOWN_ADMIN, '/api/directory/org-units', {
      method: 'POST',
      body: {
        code: `jiangjin.baisha.it-${RUN_ID}`,
        name: `越权村 ${RUN_ID}`,
        kind: 'village',
        parentId: baisha.id,
      },
    });
    expectProblem(res, 403, 'OUT_OF_JURISDICTION');
    await withDb(async (db) => {
      const { rowCount } = await db.query('SELECT 1 FROM directory.org_units WHERE code = $1', [
        `jiangjin.baisha.it-${RUN_ID}`,
      ]);
      expect(rowCount).toBe(0);
    });
  });

  it('PATCH of a 贾嗣镇 enterprise → 200 (restored afterwards)', async () => {
    const before = await readAsDistrictAdmin(jiasiEnterprise.id);
    const principal = `测试 ${RUN_ID}`.slice(0, 50);
    try {
      const res = await asUser(TOWN_ADMIN, `/api/directory/enterprises/${jiasiEnterprise.id}`, {
        method: 'PATCH',
        body: { principal, version: before.version },
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: before.id, principal, version: before.version + 1 });
      expect((await readAsDistrictAdmin(jiasiEnterprise.id)).principal).toBe(principal);
    } finally {
      const restore = await asUser('admin.jj', `/api/directory/enterprises/${jiasiEnterprise.id}`, {
        method: 'PATCH',
        body: { principal: before.principal },
      });
      expect(restore.status).toBe(200);
    }
  });
});

describe('inbox: each user sees only its own tasks', () => {
  const groupTaskId = randomUUID();
  const mineTaskId = randomUUID();

  beforeAll(async () => {
    await withDb(async (db) => {
      await db.query(
        `INSERT INTO tasks.tasks (id, type, title, workflow_id, status, assignee, org_unit_code, version)
         VALUES ($1, 'it.jurisdiction', $2, $3, 'open', NULL, 'jiangjin.baisha', 1),
                ($4, 'it.jurisdiction', $5, $6, 'open', 'official.baisha', 'jiangjin.baisha', 1)`,
        [
          groupTaskId,
          `白沙镇候选任务 ${RUN_ID}`,
          `it-wf-${groupTaskId}`,
          mineTaskId,
          `白沙镇个人任务 ${RUN_ID}`,
          `it-wf-${mineTaskId}`,
        ],
      );
      await db.query(
        `INSERT INTO tasks.task_candidates (task_id, role, org_unit_code) VALUES ($1, 'official', 'jiangjin.baisha')`,
        [groupTaskId],
      );
    });
  });

  afterAll(async () => {
    await withDb(async (db) => {
      await db.query('DELETE FROM tasks.task_candidates WHERE task_id = ANY($1::uuid[])', [
        [groupTaskId, mineTaskId],
      ]);
      await db.query('DELETE FROM tasks.tasks WHERE id = ANY($1::uuid[])', [[groupTaskId, mineTaskId]]);
    });
  });

  async function inboxIds(user: string, view: string): Promise<string[]> {
    const res = await asUser(user, `/api/tasks/inbox?view=${view}&limit=200`);
    expect(res.status).toBe(200);
    return (res.body as { data: Array<{ id: string }> }).data.map((t) => t.id);
  }

  it('a candidate task for official@白沙镇 is in official.baisha’s groups view only', async () => {
    expect(await inboxIds('official.baisha', 'groups')).toContain(groupTaskId);
    expect(await inboxIds('official.jiasi', 'groups')).not.toContain(groupTaskId);
    expect(await inboxIds('admin.jj', 'groups')).not.toContain(groupTaskId);
    expect(await inboxIds('enterprise.baisha', 'groups')).not.toContain(groupTaskId);
  });

  it('an assigned task is in the assignee’s mine view only', async () => {
    expect(await inboxIds('official.baisha', 'mine')).toContain(mineTaskId);
    expect(await inboxIds('official.jiasi', 'mine')).not.toContain(mineTaskId);
    expect(await inboxIds('official.jiasi', 'groups')).not.toContain(mineTaskId);
  });
});
