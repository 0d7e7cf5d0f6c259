import { Client, Connection } from '@temporalio/client';
import { HAZARD_WORKFLOW_TYPE, hazardWorkflowId, type Problem } from '@zhiben/contracts';
import { api, asUser, testConfig, tokenFor } from '@zhiben/testing';
import { randomUUID } from 'node:crypto';
import { expectProblem, fieldError, JIASI_CREDIT_CODE, RUN_ID, withDb } from './support';

/**
 * The hazard ledger (台账) against the real stack: registration stores the row, the timeline and the
 * enterprise's 双报告 #1, and starts `majorHazardRectification` (the start is checked, not the
 * workflow's progress); Idempotency-Key makes a retried registration return the same hazard and
 * start one workflow.
 */

const HAZARDS = '/api/hazards/hazards';

function majorBody(overrides: Record<string, unknown> = {}) {
  return {
    grade: 'major',
    title: `除尘系统未采取泄爆措施 ${RUN_ID} ${randomUUID().slice(0, 6)}`,
    category: '粉尘防爆',
    description: '抛光车间干式除尘器未采取泄爆、惰化、抑爆等任一种爆炸防控措施',
    location: '二号厂房抛光车间',
    standard: { catalogueId: 'gongmao-2023', clauseId: '11.3' },
    foundOn: '2026-01-05',
    rectificationOwner: { name: '李安全', phone: '13800000000' },
    interimMeasures: '停用抛光线，清理积尘',
    ...overrides,
  };
}

async function register(user: string, body: unknown, key?: string) {
  return api(HAZARDS, {
    method: 'POST',
    token: await tokenFor(user),
    body,
    headers: key ? { 'idempotency-key': key } : {},
  });
}

let temporal: Client;
let connection: Connection;

beforeAll(async () => {
  const c = testConfig();
  connection = await Connection.connect({ address: c.TEMPORAL_ADDRESS });
  temporal = new Client({ connection, namespace: c.TEMPORAL_NAMESPACE });
});

afterAll(async () => {
  await connection?.close();
});

describe('registering a hazard as the enterprise (企业自查)', () => {
  let hazard: any;

  beforeAll(async () => {
    const res = await register('enterprise.jiasi', majorBody());
    expect(res.status).toBe(201);
    hazard = res.body;
  });

  it('returns the ledger row with a generated ledger number and the directory’s data', () => {
    expect(hazard.caseRef).toMatch(/^JJ-\d{4}-\d{6}$/);
    expect(hazard).toMatchObject({
      source: 'SelfInspection',
      grade: 'major',
      status: 'registered',
      enterprise: { creditCode: JIASI_CREDIT_CODE, name: '重庆贾嗣精工机械有限公司' },
      sector: 'IndustryTrade',
      town: { code: 'jiangjin.jiasi', name: '贾嗣镇' },
      // The enterprise cannot read departments itself; the directory names the sector's lead department.
      supervisingDepartment: { code: 'jiangjin.dept.yingji', name: expect.stringContaining('应急管理局') },
      standard: { catalogueId: 'gongmao-2023', clauseId: '11.3' },
      principal: { name: '陈志刚' },
      rectificationOwner: { name: '李安全' },
      workflow: { id: hazardWorkflowId(hazard.id), started: true },
    });
    expect(hazard.standard.titleZh).toContain('干式除尘系统');
  });

  it('stores the row, the registration event and 双报告 #1 in the hazards schema', async () => {
    await withDb(async (db) => {
      const row = (await db.query('SELECT * FROM hazards.hazards WHERE id = $1', [hazard.id])).rows[0];
      expect(row).toMatchObject({
        case_ref: hazard.caseRef,
        enterprise_credit_code: JIASI_CREDIT_CODE,
        town_code: 'jiangjin.jiasi',
        workflow_id: hazardWorkflowId(hazard.id),
        rules_org_unit_code: '*',
        rules_version: 1,
      });
      expect(row.workflow_started_at).not.toBeNull();
      expect(row.workflow_input).toMatchObject({
        hazardId: hazard.id,
        caseRef: hazard.caseRef,
        grade: 'major',
        townCode: 'jiangjin.jiasi',
        clock: { msPerDay: 86_400_000 },
        rules: { version: 1, acceptanceReview: { amount: 10, unit: 'naturalDays' } },
      });
      const reports = (
        await db.query('SELECT kind, reported_by FROM hazards.dual_reports WHERE hazard_id = $1', [hazard.id])
      ).rows;
      expect(reports).toEqual([{ kind: 'discovery', reported_by: 'enterprise.jiasi' }]);
      // 双报告 goes to the sector's supervising department (行业监管部门).
      const [{ recipient_code }] = (
        await db.query('SELECT recipient_code FROM hazards.dual_reports WHERE hazard_id = $1', [hazard.id])
      ).rows;
      expect(recipient_code).toBe('jiangjin.dept.yingji');
      const events = (
        await db.query('SELECT type FROM hazards.hazard_events WHERE hazard_id = $1 ORDER BY id', [hazard.id])
      ).rows.map((r: { type: string }) => r.type);
      expect(events.slice(0, 2)).toEqual(['hazard.registered', 'dualReport.discovery']);
    });
    expect(hazard.dualReports).toEqual([
      expect.objectContaining({
        kind: 'discovery',
        reportedBy: { username: 'enterprise.jiasi', name: expect.any(String) },
      }),
    ]);
  });

  it('starts majorHazardRectification on the workflows queue (running)', async () => {
    const d = await temporal.workflow.getHandle(hazardWorkflowId(hazard.id)).describe();
    expect(d.type).toBe(HAZARD_WORKFLOW_TYPE);
    expect(d.taskQueue).toBe('zhiben-workflows');
    expect(d.status.name).toBe('RUNNING');
  });

  it('shows the readable Chinese timeline', async () => {
    const res = await asUser('enterprise.jiasi', `${HAZARDS}/${hazard.id}/timeline`);
    expect(res.status).toBe(200);
    const first = res.body.data[0];
    expect(first).toMatchObject({ type: 'hazard.registered', actor: { username: 'enterprise.jiasi' } });
    expect(first.summaryZh).toContain(hazard.caseRef);
    expect(first.summaryZh).toContain('企业自查');
    expect(first.summaryEn).toContain(hazard.caseRef);
  });

  it('is listed for the enterprise and filterable', async () => {
    const res = await asUser(
      'enterprise.jiasi',
      `${HAZARDS}?grade=major&source=SelfInspection&q=${encodeURIComponent(RUN_ID)}&perPage=100`,
    );
    expect(res.status).toBe(200);
    expect(res.body.data.map((h: { id: string }) => h.id)).toContain(hazard.id);
    for (const h of res.body.data) expect(h.enterprise.creditCode).toBe(JIASI_CREDIT_CODE);
    const overdue = await asUser('enterprise.jiasi', `${HAZARDS}?overdue=true&perPage=100`);
    expect(overdue.body.data.map((h: { id: string }) => h.id)).not.toContain(hazard.id);
  });
});

describe('registration by officials', () => {
  it('an inspector of the lead department registers an enforcement finding, with the department resolved', async () => {
    const res = await register(
      'inspector.yingji',
      majorBody({ enterpriseCreditCode: JIASI_CREDIT_CODE, source: 'EnforcementInspection' }),
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      source: 'EnforcementInspection',
      supervisingDepartment: { code: 'jiangjin.dept.yingji' },
      createdBy: { username: 'inspector.yingji' },
    });
    // 双报告 is the enterprise's duty: an official's registration does not file it.
    expect(res.body.dualReports).toEqual([]);
  });

  it('a town official registers a general hazard without a standard clause', async () => {
    const res = await register('official.jiasi', {
      ...majorBody({
        enterpriseCreditCode: JIASI_CREDIT_CODE,
        source: 'SupervisoryInspection',
        grade: 'general',
      }),
      standard: undefined,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      grade: 'general',
      standard: null,
      source: 'SupervisoryInspection',
      supervisingDepartment: { code: 'jiangjin.dept.yingji' },
    });
  });

  it('only a system administrator may scale the workflow clock (test/demo facility)', async () => {
    const refused = await register(
      'inspector.yingji',
      majorBody({ enterpriseCreditCode: JIASI_CREDIT_CODE, clockMsPerDay: 2000 }),
    );
    fieldError(expectProblem(refused, 403, 'FORBIDDEN'), 'clockMsPerDay');
    const res = await register(
      'sysadmin',
      majorBody({ enterpriseCreditCode: JIASI_CREDIT_CODE, clockMsPerDay: 2000 }),
    );
    expect(res.status).toBe(201);
    const input = await withDb(
      async (db) =>
        (await db.query('SELECT workflow_input FROM hazards.hazards WHERE id = $1', [res.body.id])).rows[0],
    );
    expect(input.workflow_input.clock).toEqual({ msPerDay: 2000 });
  });
});

describe('idempotent registration (Idempotency-Key)', () => {
  it('returns the same hazard for a retried request and starts one workflow', async () => {
    const key = `it-${RUN_ID}-${randomUUID()}`;
    const body = majorBody();
    const first = await register('enterprise.jiasi', body, key);
    expect(first.status).toBe(201);
    const again = await register('enterprise.jiasi', body, key);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body.id).toBe(first.body.id);
    expect(again.body.caseRef).toBe(first.body.caseRef);
    const rows = await withDb(
      async (db) =>
        (
          await db.query('SELECT id FROM hazards.hazards WHERE created_by = $1 AND idempotency_key = $2', [
            'enterprise.jiasi',
            key,
          ])
        ).rows,
    );
    expect(rows).toEqual([{ id: first.body.id }]);
    const wid = hazardWorkflowId(first.body.id);
    expect((await temporal.workflow.getHandle(wid).describe()).status.name).toBe('RUNNING');
    let runs = 0;
    for await (const _ of temporal.workflow.list({ query: `WorkflowId = '${wid}'` })) runs++;
    expect(runs).toBe(1);
  });

  it('concurrent requests with one key register once', async () => {
    const key = `it-${RUN_ID}-${randomUUID()}`;
    const body = majorBody();
    const results = await Promise.all([1, 2, 3].map(() => register('enterprise.jiasi', body, key)));
    for (const r of results) expect(r.status).toBe(201);
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
  });

  it('refuses the same key with a different body (409)', async () => {
    const key = `it-${RUN_ID}-${randomUUID()}`;
    expect((await register('enterprise.jiasi', majorBody(), key)).status).toBe(201);
    const p = expectProblem(await register('enterprise.jiasi', majorBody(), key), 409, 'CONFLICT');
    fieldError(p as Problem, 'Idempotency-Key');
  });

  it('keys are per user: another user’s same key is a new registration', async () => {
    const key = `it-${RUN_ID}-${randomUUID()}`;
    const a = await register('enterprise.jiasi', majorBody(), key);
    const b = await register(
      'official.jiasi',
      majorBody({ enterpriseCreditCode: JIASI_CREDIT_CODE, source: 'EnforcementInspection' }),
      key,
    );
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(b.body.id).not.toBe(a.body.id);
  });
});

describe('判定标准 catalogue and rules', () => {
  it('serves the 工贸 catalogue with its 64 situations', async () => {
    const list = await asUser('official.jiasi', '/api/hazards/standards');
    expect(list.status).toBe(200);
    const gongmao = list.body.data.find((s: { id: string }) => s.id === 'gongmao-2023');
    expect(gongmao).toMatchObject({
      instrument: '中华人民共和国应急管理部令第10号',
      effectiveFrom: '2023-05-15',
      clauseCount: 64,
    });
    const clauses = await asUser(
      'enterprise.jiasi',
      '/api/hazards/standards/gongmao-2023/clauses?group=dust',
    );
    expect(clauses.status).toBe(200);
    expect(clauses.body.total).toBe(10);
    expect(clauses.body.data[0]).toMatchObject({
      id: '11.1',
      article: '第十一条',
      item: '（一）',
      groupZh: '存在粉尘爆炸危险',
    });
    expectProblem(await asUser('enterprise.jiasi', '/api/hazards/standards/nope/clauses'), 404, 'NOT_FOUND');
  });

  it('serves the national default rules (acceptance review within 10 days)', async () => {
    const res = await asUser('official.jiasi', '/api/hazards/rules?orgUnitCode=jiangjin.jiasi');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      orgUnitCode: '*',
      rules: { version: 1, acceptanceReview: { amount: 10, unit: 'naturalDays' } },
    });
  });
});

describe('the 挂牌督办 board', () => {
  it('answers with the listings in the caller’s jurisdiction', async () => {
    const res = await asUser('admin.jj', '/api/hazards/listings?perPage=50');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ data: expect.any(Array), total: expect.any(Number) });
    expectProblem(await asUser('admin.jj', `/api/hazards/listings/${randomUUID()}`), 404, 'NOT_FOUND');
  });
});
