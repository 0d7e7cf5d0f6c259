import { api, tokenFor } from '@zhiben/testing';
import { randomUUID } from 'node:crypto';
import { expectProblem, JIASI_CREDIT_CODE, RUN_ID } from './support';

/**
 * Jurisdiction (ARCHITECTURE.md §4) on the hazard ledger: the enterprise sees itself, a town its
 * subtree, a department its sectors in its district, the district office the whole district. Reads
 * and writes outside it are 403 OUT_OF_JURISDICTION and lists leave the record out.
 */

const HAZARDS = '/api/hazards/hazards';
const BAISHA_CREDIT_CODE = '91500116MA60AB1C2X';

async function as(
  user: string,
  path: string,
  opts: { method?: string; body?: unknown; rawBody?: Buffer; headers?: Record<string, string> } = {},
) {
  if (opts.rawBody) {
    const res = await fetch(`${process.env['ZHIBEN_BASE_URL'] ?? 'http://localhost:3000'}${path}`, {
      method: opts.method ?? 'POST',
      headers: { authorization: `Bearer ${await tokenFor(user)}`, ...(opts.headers ?? {}) },
      body: opts.rawBody,
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
  }
  return api(path, {
    method: opts.method,
    body: opts.body,
    token: await tokenFor(user),
    headers: opts.headers,
  });
}

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(64, 7),
]);

let jiasiHazard: { id: string; caseRef: string };
let fileId: string;

beforeAll(async () => {
  const res = await as('enterprise.jiasi', HAZARDS, {
    method: 'POST',
    body: {
      grade: 'major',
      title: `隔离测试 ${RUN_ID} ${randomUUID().slice(0, 6)}`,
      description: '铝镁金属粉尘除尘系统采用正压除尘方式',
      location: '打磨车间',
      standard: { catalogueId: 'gongmao-2023', clauseId: '11.4' },
      foundOn: '2026-01-06',
    },
  });
  expect(res.status).toBe(201);
  jiasiHazard = res.body;
  const up = await as('enterprise.jiasi', `${HAZARDS}/${jiasiHazard.id}/files`, {
    rawBody: PNG,
    headers: { 'content-type': 'image/png', 'x-file-name': encodeURIComponent('现场照片.png') },
  });
  expect(up.status).toBe(201);
  fileId = up.body.id;
});

const listIds = async (user: string) => {
  const res = await as(user, `${HAZARDS}?perPage=500&q=${encodeURIComponent(RUN_ID)}`);
  expect(res.status).toBe(200);
  return (res.body.data as { id: string }[]).map((h) => h.id);
};

describe.each([
  ['enterprise.baisha', 'another enterprise'],
  ['official.baisha', 'another town'],
  ['official.zhujian', 'a department of other sectors (住建)'],
])('%s (%s)', (user) => {
  it('cannot read the hazard, its timeline or its files (403), and lists leave it out', async () => {
    expectProblem(await as(user, `${HAZARDS}/${jiasiHazard.id}`), 403, 'OUT_OF_JURISDICTION');
    expectProblem(await as(user, `${HAZARDS}/${jiasiHazard.id}/timeline`), 403, 'OUT_OF_JURISDICTION');
    expectProblem(await as(user, `${HAZARDS}/${jiasiHazard.id}/files`), 403, 'OUT_OF_JURISDICTION');
    expectProblem(await as(user, `/api/hazards/files/${fileId}`), 403, 'OUT_OF_JURISDICTION');
    expect(await listIds(user)).not.toContain(jiasiHazard.id);
  });

  it('cannot write to it', async () => {
    const upload = await as(user, `${HAZARDS}/${jiasiHazard.id}/files`, {
      rawBody: PNG,
      headers: { 'content-type': 'image/png' },
    });
    expect([403]).toContain(upload.status);
    if (user.startsWith('official')) {
      const proposal = await as(user, `${HAZARDS}/${jiasiHazard.id}/listing-proposal`, {
        method: 'POST',
        body: { reason: '越权提请' },
      });
      expectProblem(proposal, 403, 'OUT_OF_JURISDICTION');
    }
  });
});

describe.each([
  ['enterprise.jiasi', 'the enterprise itself'],
  ['official.jiasi', 'its town'],
  ['inspector.yingji', 'the department leading 工贸'],
  ['admin.jj', 'the district work-safety office'],
  ['leader.jj', 'the district'],
])('%s (%s)', (user) => {
  it('reads the hazard and finds it in lists', async () => {
    const res = await as(user, `${HAZARDS}/${jiasiHazard.id}`);
    expect(res.status).toBe(200);
    expect(res.body.caseRef).toBe(jiasiHazard.caseRef);
    expect(await listIds(user)).toContain(jiasiHazard.id);
    const file = await fetch(
      `${process.env['ZHIBEN_BASE_URL'] ?? 'http://localhost:3000'}/api/hazards/files/${fileId}`,
      {
        headers: { authorization: `Bearer ${await tokenFor(user)}` },
      },
    );
    expect(file.status).toBe(200);
    expect(Buffer.from(await file.arrayBuffer()).equals(PNG)).toBe(true);
  });
});

describe('registration is jurisdiction-checked', () => {
  it('an enterprise cannot register for another enterprise', async () => {
    const res = await as('enterprise.jiasi', HAZARDS, {
      method: 'POST',
      body: {
        enterpriseCreditCode: BAISHA_CREDIT_CODE,
        grade: 'general',
        title: `越权登记 ${RUN_ID}`,
        description: '越权',
        location: '某处',
        foundOn: '2026-01-06',
      },
    });
    expectProblem(res, 403, 'OUT_OF_JURISDICTION');
  });

  it('a town official cannot register for an enterprise of another town, nothing is stored', async () => {
    const title = `越权登记 ${RUN_ID} ${randomUUID().slice(0, 6)}`;
    const res = await as('official.baisha', HAZARDS, {
      method: 'POST',
      body: {
        enterpriseCreditCode: JIASI_CREDIT_CODE,
        source: 'EnforcementInspection',
        grade: 'general',
        title,
        description: '越权',
        location: '某处',
        foundOn: '2026-01-06',
      },
    });
    expectProblem(res, 403, 'OUT_OF_JURISDICTION');
    const admin = await as('admin.jj', `${HAZARDS}?q=${encodeURIComponent(title)}`);
    expect(admin.body.total).toBe(0);
  });

  it('an enterprise account cannot submit for a hazard that is not its own, nor propose listing', async () => {
    const other = await as('enterprise.baisha', `${HAZARDS}/${jiasiHazard.id}/progress`, {
      method: 'POST',
      body: { summary: '越权', percentComplete: 10, interimControlsEffective: true },
    });
    expectProblem(other, 403, 'OUT_OF_JURISDICTION');
    const proposal = await as('enterprise.jiasi', `${HAZARDS}/${jiasiHazard.id}/listing-proposal`, {
      method: 'POST',
      body: { reason: '企业不能提请' },
    });
    expectProblem(proposal, 403, 'FORBIDDEN');
  });
});
