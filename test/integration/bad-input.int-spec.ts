import { computeUsccCheckChar, type Problem } from '@zhiben/contracts';
import { api, asUser, tokenFor } from '@zhiben/testing';
import { randomUUID } from 'node:crypto';
import {
  countRows,
  createEnterpriseAsAdmin,
  deleteEnterpriseAsAdmin,
  expectProblem,
  fieldError,
  orgUnitsByCode,
  randomCreditCode,
  RUN_ID,
  TEST_ENTERPRISE_PREFIX,
  withDb,
  type OrgUnitRow,
} from './support';

/**
 * Bad input is refused with a 400/409 problem naming each offending field in both languages, and a
 * refused request never leaves anything half-written. Runs as the district admin (admin.jj).
 */

const ENTERPRISES = '/api/directory/enterprises';
const ADMIN = 'admin.jj';

let jiasi: OrgUnitRow;
let village: OrgUnitRow;

function validBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: `${TEST_ENTERPRISE_PREFIX} ${RUN_ID} ${randomUUID().slice(0, 8)}`,
    creditCode: randomCreditCode(),
    sector: 'IndustryTrade',
    townId: jiasi.id,
    size: 'small_micro',
    principal: '测试负责人',
    principalPhone: '023-47000000',
    address: '重庆市江津区贾嗣镇测试路 1 号',
    ...overrides,
  };
}

async function create(body: unknown) {
  return asUser(ADMIN, ENTERPRISES, { method: 'POST', body });
}

async function enterprisesNamed(name: string): Promise<number> {
  return countRows('directory.enterprises', 'name = $1', [name]);
}

/** Problem is 400 VALIDATION_FAILED (or `code`) and names exactly the given paths among its errors. */
function expectFieldProblem(
  res: Awaited<ReturnType<typeof create>>,
  paths: string[],
  code: Problem['code'] = 'VALIDATION_FAILED',
) {
  const p = expectProblem(res, code === 'DUPLICATE' ? 409 : 400, code);
  for (const path of paths) fieldError(p, path);
  return p;
}

beforeAll(async () => {
  const units = await orgUnitsByCode();
  jiasi = units.get('jiangjin.jiasi')!;
  village = units.get('jiangjin.jiasi.liangshui')!;
  expect(jiasi.kind).toBe('town');
  expect(village.kind).toBe('village');
});

describe('enterprise create: field validation (400)', () => {
  it('a credit code with a wrong check character → creditCode error, nothing stored', async () => {
    const good = randomCreditCode();
    const wrongCheck = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const body = validBody({ creditCode: wrongCheck });
    const before = await countRows('directory.enterprises');
    const p = expectFieldProblem(await create(body), ['creditCode']);
    const err = fieldError(p, 'creditCode');
    expect(err.messageZh).toContain('校验位');
    expect(err.messageEn).toMatch(/check character/i);
    expect(await enterprisesNamed(body['name'] as string)).toBe(0);
    expect(await countRows('directory.enterprises', 'credit_code = $1', [wrongCheck])).toBe(0);
    // The total only stays equal if nobody else writes meanwhile; other specs only add prefixed rows.
    expect(await countRows('directory.enterprises', 'name NOT LIKE $1', [`${TEST_ENTERPRISE_PREFIX}%`])).toBe(
      before - (await countRows('directory.enterprises', 'name LIKE $1', [`${TEST_ENTERPRISE_PREFIX}%`])),
    );
  });

  it.each([
    ['too short', '91500116MA5U7KJ20'],
    ['too long', '91500116MA5U7KJ2000'],
    ['empty', ''],
    ['forbidden letter I', '91500116MA5U7KJI00'],
    ['unknown registration authority', 'Z1500116MA5U7KJ200'],
    ['a number, not a string', 915001160],
  ])('a credit code that is %s → 400 creditCode', async (_label, creditCode) => {
    expectFieldProblem(await create(validBody({ creditCode })), ['creditCode']);
  });

  it('a lower-case, space-padded valid credit code is normalised, not refused', async () => {
    const code = randomCreditCode();
    const res = await create(validBody({ creditCode: `  ${code.toLowerCase()} ` }));
    expect(res.status).toBe(201);
    try {
      expect((res.body as { creditCode: string }).creditCode).toBe(code);
    } finally {
      await deleteEnterpriseAsAdmin((res.body as { id: string }).id);
    }
  });

  it('an unknown townId (a valid UUID nobody has) → 400 UNKNOWN_ORG_UNIT on townId', async () => {
    const body = validBody({ townId: randomUUID() });
    const p = expectFieldProblem(await create(body), ['townId'], 'UNKNOWN_ORG_UNIT');
    expect(p.messageZh).toBe('组织机构不存在');
    expect(await enterprisesNamed(body['name'] as string)).toBe(0);
  });

  it('a townId that is not a UUID → 400 on townId', async () => {
    expectFieldProblem(await create(validBody({ townId: 'jiangjin.jiasi' })), ['townId']);
  });

  it('a townId of a village (not a town, street or platform) → 400 on townId', async () => {
    const body = validBody({ townId: village.id });
    expectFieldProblem(await create(body), ['townId']);
    expect(await enterprisesNamed(body['name'] as string)).toBe(0);
  });

  it('wrong types and values (size: 5, sector: "Nope") → 400 naming each field', async () => {
    const p = expectFieldProblem(await create(validBody({ size: 5, sector: 'Nope' })), ['size', 'sector']);
    expect(p.errors!.map((e) => e.path).sort()).toEqual(['sector', 'size']);
  });

  it('missing required fields → 400 naming each of them', async () => {
    const p = expectFieldProblem(await create({}), [
      'name',
      'creditCode',
      'sector',
      'townId',
      'size',
      'principal',
    ]);
    expect(p.errors).toHaveLength(6);
  });

  it('an unknown field → 400 naming it', async () => {
    const body = validBody({ hacker: true });
    const err = fieldError(expectFieldProblem(await create(body), ['hacker']), 'hacker');
    expect(err.messageEn).toContain('hacker');
    expect(await enterprisesNamed(body['name'] as string)).toBe(0);
  });

  it('blank strings are refused after trimming (name: "   ")', async () => {
    expectFieldProblem(await create(validBody({ name: '   ', principal: '' })), ['name', 'principal']);
  });

  it('a JSON array or a JSON string as the body → 400', async () => {
    expectProblem(await create([validBody()]), 400, 'VALIDATION_FAILED');
    expectProblem(await create('just a string'), 400, 'VALIDATION_FAILED');
  });
});

describe('malformed and oversized requests (400)', () => {
  it('malformed JSON → 400 VALIDATION_FAILED, nothing stored', async () => {
    const name = `${TEST_ENTERPRISE_PREFIX} ${RUN_ID} malformed`;
    const res = await api(ENTERPRISES, {
      token: await tokenFor(ADMIN),
      method: 'POST',
      rawBody: `{"name": "${name}", "creditCode": "${randomCreditCode()}",`,
    });
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(await enterprisesNamed(name)).toBe(0);
  });

  // Regression: Nest rewraps body-parser's SyntaxError as a BadRequestException without its `type`.
  it('malformed JSON → the messages say the body is not JSON', async () => {
    const res = await api(ENTERPRISES, {
      token: await tokenFor(ADMIN),
      method: 'POST',
      rawBody: '{"name": "x",',
    });
    const p = expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(p.messageZh).toBe('请求体不是合法的 JSON');
    expect(p.messageEn).toBe('The request body is not valid JSON');
  });

  it('a body over the 256 kB limit → 400 BODY_TOO_LARGE with an errors entry', async () => {
    const res = await create(validBody({ address: 'a'.repeat(300 * 1024) }));
    const p = expectProblem(res, 400, 'BODY_TOO_LARGE');
    expect(p.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path: expect.any(String) })]));
    const err = p.errors![0];
    expect(err.messageZh.length).toBeGreaterThan(0);
    expect(err.messageEn.length).toBeGreaterThan(0);
    expect(err.messageZh).not.toEqual(err.messageEn);
  });

  it('an address over 300 characters but within the body limit → 400 on address', async () => {
    expectFieldProblem(await create(validBody({ address: '路'.repeat(301) })), ['address']);
  });

  it.each([
    ['perPage=100000', ['perPage']],
    ['sort=drop%20table', ['sort']],
    ['perPage=100000&sort=drop%20table', ['perPage', 'sort']],
    ['page=0', ['page']],
    ['order=sideways', ['order']],
    ['townId=not-a-uuid', ['townId']],
    ['ids=1,2,3', ['ids.0']],
    ['unknownParam=1', ['unknownParam']],
  ])('invalid list query ?%s → 400 naming %j', async (query, paths) => {
    const res = await asUser(ADMIN, `${ENTERPRISES}?${query}`);
    const p = expectProblem(res, 400, 'VALIDATION_FAILED');
    for (const path of paths) fieldError(p, path);
  });

  it('the org-unit list validates its query too', async () => {
    const p = expectProblem(
      await asUser(ADMIN, '/api/directory/org-units?perPage=100000&sort=drop%20table'),
      400,
      'VALIDATION_FAILED',
    );
    fieldError(p, 'perPage');
    fieldError(p, 'sort');
  });

  it.each([
    ['GET', `${ENTERPRISES}/not-a-uuid`],
    ['PATCH', `${ENTERPRISES}/1%20OR%201=1`],
    ['DELETE', `${ENTERPRISES}/123`],
    ['GET', '/api/directory/org-units/xyz'],
  ])('%s %s (path id not a UUID) → 400 on id', async (method, path) => {
    const res = await asUser(ADMIN, path, { method, body: method === 'PATCH' ? { name: 'x' } : undefined });
    fieldError(expectProblem(res, 400, 'VALIDATION_FAILED'), 'id');
  });

  it('an inbox view that does not exist → 400 on view', async () => {
    fieldError(
      expectProblem(await asUser(ADMIN, '/api/tasks/inbox?view=everything'), 400, 'VALIDATION_FAILED'),
      'view',
    );
  });
});

describe('conflicts (409) and nothing half-written', () => {
  let fixture: { id: string; creditCode: string; version: number; updatedAt: string; name: string };

  beforeAll(async () => {
    fixture = await createEnterpriseAsAdmin(jiasi.id);
  });

  afterAll(async () => {
    if (fixture) await deleteEnterpriseAsAdmin(fixture.id);
  });

  async function readFixture() {
    const res = await asUser(ADMIN, `${ENTERPRISES}/${fixture.id}`);
    expect(res.status).toBe(200);
    return res.body as Record<string, unknown> & { version: number; updatedAt: string };
  }

  it('a duplicate credit code → 409 DUPLICATE on creditCode, no second row', async () => {
    const body = validBody({ creditCode: fixture.creditCode });
    const p = expectFieldProblem(await create(body), ['creditCode'], 'DUPLICATE');
    expect(p.status).toBe(409);
    expect(await countRows('directory.enterprises', 'credit_code = $1', [fixture.creditCode])).toBe(1);
    expect(await enterprisesNamed(body['name'] as string)).toBe(0);
  });

  it('a duplicate credit code differing only in case/whitespace is still a duplicate', async () => {
    const res = await create(validBody({ creditCode: ` ${fixture.creditCode.toLowerCase()}` }));
    expectFieldProblem(res, ['creditCode'], 'DUPLICATE');
  });

  it('a PATCH with one valid and one invalid field changes nothing', async () => {
    const before = await readFixture();
    const res = await asUser(ADMIN, `${ENTERPRISES}/${fixture.id}`, {
      method: 'PATCH',
      body: { principal: '不应写入', size: 'huge' },
    });
    fieldError(expectProblem(res, 400, 'VALIDATION_FAILED'), 'size');
    const after = await readFixture();
    expect(after).toEqual(before);
  });

  it('a PATCH with a valid field and an unknown town changes nothing', async () => {
    const before = await readFixture();
    const res = await asUser(ADMIN, `${ENTERPRISES}/${fixture.id}`, {
      method: 'PATCH',
      body: { principal: '不应写入', townId: randomUUID() },
    });
    fieldError(expectProblem(res, 400, 'UNKNOWN_ORG_UNIT'), 'townId');
    expect(await readFixture()).toEqual(before);
  });

  it('a PATCH with a stale version → 409 STALE_VERSION and changes nothing', async () => {
    const before = await readFixture();
    const bump = await asUser(ADMIN, `${ENTERPRISES}/${fixture.id}`, {
      method: 'PATCH',
      body: { principal: '第一次修改', version: before.version },
    });
    expect(bump.status).toBe(200);
    expect((bump.body as { version: number }).version).toBe(before.version + 1);
    const current = await readFixture();
    const res = await asUser(ADMIN, `${ENTERPRISES}/${fixture.id}`, {
      method: 'PATCH',
      body: { principal: '基于旧版本的修改', version: before.version },
    });
    const p = expectProblem(res, 409, 'STALE_VERSION');
    expect(p.messageZh).toBe('数据已被他人修改，请刷新后重试');
    expect(await readFixture()).toEqual(current);
  });

  it('PATCH of an enterprise that does not exist → 404 NOT_FOUND', async () => {
    expectProblem(
      await asUser(ADMIN, `${ENTERPRISES}/${randomUUID()}`, { method: 'PATCH', body: { principal: 'x' } }),
      404,
      'NOT_FOUND',
    );
  });

  // Regression: a concurrent insert of the same code must map the unique violation to 409, made
  // deterministic by holding an uncommitted row with the same code.
  it('a create racing another insert of the same credit code → 409 DUPLICATE, not 500', async () => {
    const code = randomCreditCode();
    const body = validBody({ creditCode: code });
    await withDb(async (db) => {
      await db.query('BEGIN');
      await db.query(
        `INSERT INTO directory.enterprises (name, credit_code, sector, town_id, size, principal, version)
         VALUES ($1, $2, 'IndustryTrade', $3, 'small_micro', '并发', 1)`,
        [`${TEST_ENTERPRISE_PREFIX} ${RUN_ID} race`, code, jiasi.id],
      );
      const pending = create(body);
      // Wait until the service's INSERT blocks on our uncommitted row, then commit ours.
      for (let i = 0; i < 50; i++) {
        const { rows } = await db.query(
          `SELECT 1 FROM pg_stat_activity
            WHERE wait_event_type = 'Lock' AND query ILIKE '%INSERT INTO%enterprises%' LIMIT 1`,
        );
        if (rows.length > 0) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      await db.query('COMMIT');
      const res = await pending;
      await db.query('DELETE FROM directory.enterprises WHERE credit_code = $1', [code]);
      expectFieldProblem(res, ['creditCode'], 'DUPLICATE');
    });
  });
});

describe('org units: duplicate code (409) writes nothing', () => {
  const code = `jiangjin.jiasi.it-${RUN_ID}`;
  let createdId: string | undefined;

  afterAll(async () => {
    if (createdId) {
      const res = await asUser(ADMIN, `/api/directory/org-units/${createdId}`, { method: 'DELETE' });
      expect([204, 404]).toContain(res.status);
    }
  });

  it('creates once, then 409 DUPLICATE on code with the row count unchanged', async () => {
    const body = { code, name: `测试村 ${RUN_ID}`, kind: 'village', parentId: jiasi.id };
    const first = await asUser(ADMIN, '/api/directory/org-units', { method: 'POST', body });
    expect(first.status).toBe(201);
    createdId = (first.body as { id: string }).id;
    expect(first.body).toMatchObject({ code, kind: 'village', parentId: jiasi.id, parentName: '贾嗣镇' });

    const countAll = () => countRows('directory.org_units');
    const countRun = () => countRows('directory.org_units', 'code LIKE $1', [`${code}%`]);
    const [allBefore, runBefore] = [await countAll(), await countRun()];
    const dup = await asUser(ADMIN, '/api/directory/org-units', {
      method: 'POST',
      body: { ...body, name: `另一个测试村 ${RUN_ID}` },
    });
    fieldError(expectProblem(dup, 409, 'DUPLICATE'), 'code');
    expect(await countRun()).toBe(runBefore);
    expect(runBefore).toBe(1);
    expect(await countAll()).toBe(allBefore);
    expect(await countRows('directory.org_units', 'name = $1', [`另一个测试村 ${RUN_ID}`])).toBe(0);
  });

  it('an org-unit code with upper-case letters or spaces → 400 on code', async () => {
    const res = await asUser(ADMIN, '/api/directory/org-units', {
      method: 'POST',
      body: { code: 'Jiangjin Jiasi X', name: '无效', kind: 'village', parentId: jiasi.id },
    });
    fieldError(expectProblem(res, 400, 'VALIDATION_FAILED'), 'code');
  });

  it('an unknown parent → 400 UNKNOWN_ORG_UNIT on parentId', async () => {
    const res = await asUser(ADMIN, '/api/directory/org-units', {
      method: 'POST',
      body: { code: `${code}-orphan`, name: '孤儿', kind: 'village', parentId: randomUUID() },
    });
    fieldError(expectProblem(res, 400, 'UNKNOWN_ORG_UNIT'), 'parentId');
    expect(await countRows('directory.org_units', 'code = $1', [`${code}-orphan`])).toBe(0);
  });
});

describe('happy path: create, read, patch, delete an enterprise in 贾嗣镇', () => {
  it('round-trips', async () => {
    const first17 = `91500116${RUN_ID.replace(/[^0-9]/g, '')
      .padEnd(9, '7')
      .slice(0, 9)}`;
    const creditCode = first17 + computeUsccCheckChar(first17);
    const body = validBody({ creditCode, size: 'above_scale', sector: 'Hazchem' });
    // A leftover from an aborted earlier run with the same digits would make this a 409; clear it.
    await withDb((db) =>
      db.query('DELETE FROM directory.enterprises WHERE credit_code = $1 AND name LIKE $2', [
        creditCode,
        `${TEST_ENTERPRISE_PREFIX}%`,
      ]),
    );

    const created = await create(body);
    expect(created.status).toBe(201);
    const dto = created.body as Record<string, unknown> & { id: string; version: number; updatedAt: string };
    try {
      expect(dto).toMatchObject({
        name: body['name'],
        creditCode,
        sector: 'Hazchem',
        townId: jiasi.id,
        townName: '贾嗣镇',
        size: 'above_scale',
        principal: '测试负责人',
        principalPhone: '023-47000000',
        address: body['address'],
        version: 1,
      });
      expect(dto.id).toMatch(/^[0-9a-f-]{36}$/);

      const read = await asUser(ADMIN, `${ENTERPRISES}/${dto.id}`);
      expect(read.status).toBe(200);
      expect(read.body).toEqual(dto);
      // Visible in scope to the town official, too.
      expect((await asUser('official.jiasi', `${ENTERPRISES}/${dto.id}`)).status).toBe(200);

      const patched = await asUser(ADMIN, `${ENTERPRISES}/${dto.id}`, {
        method: 'PATCH',
        body: { principal: '新负责人', address: null, version: 1 },
      });
      expect(patched.status).toBe(200);
      expect(patched.body).toMatchObject({
        id: dto.id,
        principal: '新负责人',
        address: null,
        version: 2,
        creditCode,
      });
      expect(Date.parse((patched.body as { updatedAt: string }).updatedAt)).toBeGreaterThanOrEqual(
        Date.parse(dto.updatedAt),
      );
      expect((await asUser(ADMIN, `${ENTERPRISES}/${dto.id}`)).body).toEqual(patched.body);
    } finally {
      const del = await asUser(ADMIN, `${ENTERPRISES}/${dto.id}`, { method: 'DELETE' });
      expect(del.status).toBe(204);
      expect(del.body).toBeUndefined();
    }
    expectProblem(await asUser(ADMIN, `${ENTERPRISES}/${dto.id}`), 404, 'NOT_FOUND');
    expectProblem(await asUser(ADMIN, `${ENTERPRISES}/${dto.id}`, { method: 'DELETE' }), 404, 'NOT_FOUND');
    expect(await countRows('directory.enterprises', 'id = $1', [dto.id])).toBe(0);
  });
});
