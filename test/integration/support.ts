import { computeUsccCheckChar, USCC_CHARSET, type Problem } from '@zhiben/contracts';
import { api, asUser, testConfig, type ApiResponse } from '@zhiben/testing';
import { randomInt } from 'node:crypto';
import { Client } from 'pg';

/** Shared helpers for the integration specs in this folder (not a spec itself). */

export const JIASI_CREDIT_CODE = '91500116MA5U7KJ200';
export const YINGJI_SECTORS = ['Hazchem', 'NonCoalMine', 'IndustryTrade', 'Fireworks'];

/** Name prefix of every enterprise these specs create, so scoping comparisons can ignore them. */
export const TEST_ENTERPRISE_PREFIX = '集成测试企业';

/** A unique suffix per test run, safe for org-unit codes (lowercase, digits, hyphens). */
export const RUN_ID = `${Date.now().toString(36)}-${randomInt(1000, 9999)}`;

/** A valid 统一社会信用代码 in 江津区 (division 500116) with a random body and computed check char. */
export function randomCreditCode(): string {
  let first17 = '91500116';
  while (first17.length < 17) first17 += USCC_CHARSET[randomInt(0, USCC_CHARSET.length)];
  return first17 + computeUsccCheckChar(first17);
}

/** Asserts an RFC 7807 problem document with the given status and code. */
export function expectProblem(res: ApiResponse, status: number, code: Problem['code']): Problem {
  const body = res.body as Problem;
  expect({ status: res.status, code: body?.code }).toEqual({ status, code });
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(body.status).toBe(status);
  expect(body.type).toBe(`urn:zhiben:error:${code}`);
  expect(typeof body.title).toBe('string');
  expect(body.messageZh).toEqual(expect.any(String));
  expect(body.messageEn).toEqual(expect.any(String));
  expect(body.messageZh.length).toBeGreaterThan(0);
  expect(body.messageEn.length).toBeGreaterThan(0);
  expect(body.correlationId).toEqual(expect.any(String));
  return body;
}

/** The field error for `path`, asserting it exists and is bilingual (two different, non-empty texts). */
export function fieldError(problem: Problem, path: string) {
  const err = (problem.errors ?? []).find((e) => e.path === path);
  if (!err) throw new Error(`no field error for '${path}' in ${JSON.stringify(problem.errors)}`);
  expect(err.messageZh.length).toBeGreaterThan(0);
  expect(err.messageEn.length).toBeGreaterThan(0);
  expect(err.messageZh).not.toEqual(err.messageEn);
  return err;
}

export async function withDb<T>(fn: (db: Client) => Promise<T>): Promise<T> {
  const db = new Client({ connectionString: testConfig().DATABASE_URL });
  await db.connect();
  try {
    return await fn(db);
  } finally {
    await db.end();
  }
}

export async function countRows(table: string, where = 'true', params: unknown[] = []): Promise<number> {
  return withDb(async (db) =>
    Number((await db.query(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`, params)).rows[0].n),
  );
}

export interface OrgUnitRow {
  id: string;
  code: string;
  name: string;
  kind: string;
  path: string;
}

/** Org units by code, read straight from the directory schema. */
export async function orgUnitsByCode(): Promise<Map<string, OrgUnitRow>> {
  return withDb(async (db) => {
    const { rows } = await db.query<OrgUnitRow>('SELECT id, code, name, kind, path FROM directory.org_units');
    return new Map(rows.map((r) => [r.code, r]));
  });
}

/** All enterprises as the district admin sees them (the whole of 江津区). */
export async function allEnterprisesAsDistrictAdmin() {
  const res = await asUser('admin.jj', '/api/directory/enterprises?perPage=500&sort=id');
  if (res.status !== 200)
    throw new Error(`admin.jj list enterprises: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as {
    data: Array<{
      id: string;
      name: string;
      creditCode: string;
      sector: string;
      townId: string;
      townName: string;
      principal: string;
      version: number;
      updatedAt: string;
    }>;
    total: number;
  };
}

/** Creates an enterprise as admin.jj with a fresh credit code; returns the created DTO. */
export async function createEnterpriseAsAdmin(townId: string, overrides: Record<string, unknown> = {}) {
  const res = await asUser('admin.jj', '/api/directory/enterprises', {
    method: 'POST',
    body: {
      name: `${TEST_ENTERPRISE_PREFIX} ${RUN_ID} ${randomInt(1e6)}`,
      creditCode: randomCreditCode(),
      sector: 'IndustryTrade',
      townId,
      size: 'small_micro',
      principal: '测试负责人',
      ...overrides,
    },
  });
  if (res.status !== 201) throw new Error(`create enterprise: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as {
    id: string;
    creditCode: string;
    version: number;
    updatedAt: string;
    name: string;
    townId: string;
  };
}

/** Deletes an enterprise as admin.jj, ignoring "already gone". */
export async function deleteEnterpriseAsAdmin(id: string): Promise<void> {
  const res = await asUser('admin.jj', `/api/directory/enterprises/${id}`, { method: 'DELETE' });
  if (res.status !== 204 && res.status !== 404) throw new Error(`delete enterprise ${id}: ${res.status}`);
}

// ---------------------------------------------------------------- Keycloak admin REST API

const KC_ADMIN_USER = process.env['KEYCLOAK_ADMIN'] ?? 'admin';
const KC_ADMIN_PASSWORD = process.env['KEYCLOAK_ADMIN_PASSWORD'] ?? 'admin';

export function keycloakUrl(): string {
  return testConfig().KEYCLOAK_URL.replace(/\/$/, '');
}

export async function passwordGrant(realm: string, clientId: string, username: string, password: string) {
  const res = await fetch(`${keycloakUrl()}/realms/${realm}/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', client_id: clientId, username, password }),
  });
  const body = (await res.json()) as { access_token?: string; refresh_token?: string; error?: string };
  if (!res.ok || !body.access_token)
    throw new Error(`password grant ${realm}/${clientId}/${username}: ${res.status} ${JSON.stringify(body)}`);
  return body as { access_token: string; refresh_token?: string; expires_in: number };
}

/** A master-realm admin token (admin-cli). */
export async function masterAdminToken(): Promise<string> {
  return (await passwordGrant('master', 'admin-cli', KC_ADMIN_USER, KC_ADMIN_PASSWORD)).access_token;
}

/** Creates a client in the test realm and returns its internal id (for deletion). */
export async function createRealmClient(rep: Record<string, unknown>): Promise<string> {
  const token = await masterAdminToken();
  const res = await fetch(`${keycloakUrl()}/admin/realms/${testConfig().KEYCLOAK_REALM}/clients`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(rep),
  });
  if (res.status !== 201)
    throw new Error(`create client ${String(rep['clientId'])}: ${res.status} ${await res.text()}`);
  const location = res.headers.get('location') ?? '';
  return location.substring(location.lastIndexOf('/') + 1);
}

export async function deleteRealmClient(internalId: string): Promise<void> {
  const token = await masterAdminToken();
  await fetch(`${keycloakUrl()}/admin/realms/${testConfig().KEYCLOAK_REALM}/clients/${internalId}`, {
    method: 'DELETE',
    headers: { authorization: `Bearer ${token}` },
  });
}

/** Creates a user in the test realm (password zhiben123) with the given realm roles; returns its id. */
export async function createRealmUser(
  username: string,
  roles: string[],
  attributes: Record<string, string[]>,
): Promise<string> {
  const token = await masterAdminToken();
  const admin = `${keycloakUrl()}/admin/realms/${testConfig().KEYCLOAK_REALM}`;
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const res = await fetch(`${admin}/users`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      username,
      enabled: true,
      firstName: 'Integration',
      lastName: 'Test',
      email: `${username}@example.invalid`,
      emailVerified: true,
      attributes,
      credentials: [{ type: 'password', value: 'zhiben123', temporary: false }],
    }),
  });
  if (res.status !== 201) throw new Error(`create user ${username}: ${res.status} ${await res.text()}`);
  const location = res.headers.get('location') ?? '';
  const id = location.substring(location.lastIndexOf('/') + 1);
  const reps = await Promise.all(
    roles.map(async (r) => (await fetch(`${admin}/roles/${encodeURIComponent(r)}`, { headers })).json()),
  );
  const mapped = await fetch(`${admin}/users/${id}/role-mappings/realm`, {
    method: 'POST',
    headers,
    body: JSON.stringify(reps),
  });
  if (mapped.status !== 204) throw new Error(`map roles of ${username}: ${mapped.status}`);
  return id;
}

export async function deleteRealmUser(id: string): Promise<void> {
  const token = await masterAdminToken();
  await fetch(`${keycloakUrl()}/admin/realms/${testConfig().KEYCLOAK_REALM}/users/${id}`, {
    method: 'DELETE',
    headers: { authorization: `Bearer ${token}` },
  });
}

/** Decodes the payload of a JWT without verifying it. */
export function jwtPayload(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >;
}

export function jwtHeader(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >;
}

export function b64url(value: unknown): string {
  return Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
}

export { api };
