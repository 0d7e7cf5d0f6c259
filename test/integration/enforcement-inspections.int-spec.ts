import { ENFORCEMENT_CASE_WORKFLOW_TYPE } from '@zhiben/contracts';
import { expectProblem, fieldError, JIASI_CREDIT_CODE, RUN_ID, withDb } from './support';
import {
  call,
  CONSTRUCTION_CREDIT_CODE,
  hoursAgo,
  INSPECTOR,
  INSPECTOR2,
  newCase,
  newInspection,
  OFFICERS,
  PNG,
  postAs,
  recordBody,
  recordedInspection,
  TEAM,
  upload,
} from './enforcement-support';

/**
 * The enforcement API against the real stack: an inspection's findings become hazards in the hazards
 * context exactly once (retries included); 立案 from a signed inspection starts `enforcementCase`;
 * jurisdiction (a department acts for its sectors only), enterprise isolation and bad input.
 */

const hazardsOf = (ids: string[]) =>
  withDb(async (db) => {
    const { rows } = await db.query(
      'SELECT id, source, grade, enterprise_credit_code FROM hazards.hazards WHERE id = ANY($1)',
      [ids],
    );
    return rows as { id: string; source: string; grade: string; enterprise_credit_code: string }[];
  });
const hazardsTitled = (like: string) =>
  withDb(async (db) =>
    Number(
      (await db.query(`SELECT count(*)::int AS n FROM hazards.hazards WHERE title LIKE $1`, [like])).rows[0]
        .n,
    ),
  );

describe('inspections: findings become hazards once', () => {
  let inspection: any;
  let body: any;

  beforeAll(async () => {
    inspection = await newInspection(JIASI_CREDIT_CODE);
    const photo = await upload(
      INSPECTOR,
      `/inspections/${inspection.id}/photos`,
      PNG,
      'image/png',
      '除尘器.png',
    );
    expect(photo.status).toBe(201);
    expect(photo.body).toMatchObject({ kind: 'photo', contentType: 'image/png', fileName: '除尘器.png' });
    body = recordBody([photo.body.id], 'once');
  });

  it('schedules an inspection with its two inspectors, numbered by the department', () => {
    expect(inspection).toMatchObject({
      kind: 'unannounced',
      status: 'planned',
      enterprise: { creditCode: JIASI_CREDIT_CODE },
      department: { code: 'jiangjin.dept.yingji' },
    });
    expect(inspection.ref).toMatch(/检〔\d{4}〕\d+号$/);
    expect(inspection.inspectors.map((i: any) => i.username)).toEqual([INSPECTOR, INSPECTOR2]);
  });

  it('records the checklist and findings and registers each finding as a hazard (source 执法检查)', async () => {
    const res = await postAs(INSPECTOR, `/inspections/${inspection.id}/record`, body);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'recorded',
      principalDutiesChecked: true,
      responsiblePersonsChecked: true,
    });
    expect(res.body.checklist).toHaveLength(2);
    const ids = res.body.findings.map((f: any) => f.hazardId);
    expect(ids).toEqual([expect.any(String), expect.any(String)]);
    const hazards = await hazardsOf(ids);
    expect(hazards.map((h) => [h.source, h.enterprise_credit_code]).sort()).toEqual([
      ['EnforcementInspection', JIASI_CREDIT_CODE],
      ['EnforcementInspection', JIASI_CREDIT_CODE],
    ]);
    expect(hazards.map((h) => h.grade).sort()).toEqual(['general', 'major']);
    expect(res.body.findings[0].photos).toHaveLength(1);
  });

  it('a retried record, a retried registration and a lost hazard id never create a second hazard', async () => {
    const first = await call(INSPECTOR, `/inspections/${inspection.id}`);
    const ids = first.body.findings.map((f: any) => f.hazardId);
    const again = await postAs(INSPECTOR, `/inspections/${inspection.id}/record`, body);
    expect(again.status).toBe(200);
    expect(again.body.findings.map((f: any) => f.hazardId)).toEqual(ids);
    // The hazard registered but its id was not stored (a crash between the two): the retry finds it.
    await withDb((db) =>
      db.query('UPDATE enforcement.findings SET hazard_id = NULL WHERE inspection_id = $1', [inspection.id]),
    );
    const retry = await postAs(INSPECTOR, `/inspections/${inspection.id}/hazards`);
    expect(retry.status).toBe(200);
    expect(retry.body.findings.map((f: any) => f.hazardId)).toEqual(ids);
    expect(await hazardsTitled(`once ${RUN_ID}%`)).toBe(2);
  });

  it('a different record of a recorded inspection is a 409; bad clauses and strangers are refused', async () => {
    expectProblem(
      await postAs(INSPECTOR, `/inspections/${inspection.id}/record`, {
        ...body,
        principalDutiesChecked: false,
      }),
      409,
      'CONFLICT',
    );
    const other = await newInspection(JIASI_CREDIT_CODE);
    const bad = await postAs(INSPECTOR, `/inspections/${other.id}/record`, {
      ...recordBody([], 'bad'),
      checklist: [
        { catalogueId: 'gongmao-2023', clauseId: '99.9', item: '不存在的条款', result: 'violation' },
      ],
    });
    fieldError(expectProblem(bad, 400, 'VALIDATION_FAILED'), 'checklist.0.clauseId');
    const noClause = await postAs(INSPECTOR, `/inspections/${other.id}/record`, {
      ...recordBody([], 'bad'),
      findings: [{ description: '重大隐患未注明条款', grade: 'major' }],
    });
    fieldError(expectProblem(noClause, 400, 'VALIDATION_FAILED'), 'findings.0.clauseId');
    const foreignPhoto = await postAs(INSPECTOR, `/inspections/${other.id}/record`, {
      ...recordBody(['00000000-0000-4000-8000-000000000000'], 'bad'),
    });
    fieldError(expectProblem(foreignPhoto, 400, 'VALIDATION_FAILED'), 'findings.photos.0');
    expectProblem(await postAs('leader.yingji', `/inspections/${other.id}/record`, body), 403, 'FORBIDDEN');
  });

  it('needs two different inspectors, and a department inspects only its own sectors (403)', async () => {
    const one = await postAs(INSPECTOR, '/inspections', {
      kind: 'routine',
      enterpriseCreditCode: JIASI_CREDIT_CODE,
      inspectors: [TEAM[0]],
    });
    fieldError(expectProblem(one, 400, 'VALIDATION_FAILED'), 'inspectors');
    const same = await postAs(INSPECTOR, '/inspections', {
      kind: 'routine',
      enterpriseCreditCode: JIASI_CREDIT_CODE,
      inspectors: [TEAM[0], TEAM[0]],
    });
    fieldError(expectProblem(same, 400, 'VALIDATION_FAILED'), 'inspectors');
    const outside = await postAs(INSPECTOR, '/inspections', {
      kind: 'routine',
      enterpriseCreditCode: CONSTRUCTION_CREDIT_CODE,
      inspectors: TEAM,
    });
    expectProblem(outside, 403, 'OUT_OF_JURISDICTION');
  });

  it('enterprises see their own inspections only', async () => {
    expect((await call('enterprise.jiasi', `/inspections/${inspection.id}`)).status).toBe(200);
    expectProblem(
      await call('enterprise.baisha', `/inspections/${inspection.id}`),
      403,
      'OUT_OF_JURISDICTION',
    );
    const list = await call('enterprise.baisha', '/inspections?perPage=100');
    expect(list.status).toBe(200);
    expect(list.body.data.map((i: any) => i.id)).not.toContain(inspection.id);
    expectProblem(await postAs('enterprise.jiasi', `/inspections/${inspection.id}/sign`), 403, 'FORBIDDEN');
  });
});

describe('penalty cases', () => {
  let penaltyCase: any;
  let inspection: any;

  beforeAll(async () => {
    inspection = await recordedInspection(JIASI_CREDIT_CODE, 'case');
    penaltyCase = await newCase(inspection.id, `未采取粉尘防爆措施案 ${RUN_ID}`);
  });

  it('files a case from a signed inspection and starts enforcementCase through the outbox', async () => {
    expect(penaltyCase).toMatchObject({
      stage: 'filing',
      inspectionId: inspection.id,
      enterprise: { creditCode: JIASI_CREDIT_CODE },
      totalFineYuan: 35000,
      rulesVersion: expect.any(Number),
      workflow: { id: `enforcement-case-${penaltyCase.id}`, started: true },
    });
    expect(penaltyCase.caseNo).toMatch(/罚〔\d{4}〕\d+号$/);
    expect(penaltyCase.hazardIds.sort()).toEqual(inspection.findings.map((f: any) => f.hazardId).sort());
    expect(penaltyCase.rectificationDeadlineAt).toEqual(expect.any(String));
    const row = await withDb(
      async (db) =>
        (
          await db.query('SELECT workflow_input FROM enforcement.penalty_cases WHERE id = $1', [
            penaltyCase.id,
          ])
        ).rows[0],
    );
    expect(row.workflow_input).toMatchObject({
      caseId: penaltyCase.id,
      worstGrade: 'major',
      stopOrdered: true,
      head: [{ role: 'leader', orgUnitCode: 'jiangjin.dept.yingji' }],
      rules: { version: expect.any(Number), referral: expect.any(Object) },
    });
    expect(ENFORCEMENT_CASE_WORKFLOW_TYPE).toBe('enforcementCase');
    const insp = await call(INSPECTOR, `/inspections/${inspection.id}`);
    expect(insp.body).toMatchObject({ status: 'caseOpened', caseId: penaltyCase.id });
    expectProblem(
      await postAs(INSPECTOR, '/cases', {
        inspectionId: inspection.id,
        title: '重复立案',
        officers: OFFICERS,
      }),
      409,
      'CONFLICT',
    );
  });

  it('refuses a case for an enterprise outside the inspector’s jurisdiction (403)', async () => {
    const res = await postAs(INSPECTOR, '/cases', {
      enterpriseCreditCode: CONSTRUCTION_CREDIT_CODE,
      title: `越权立案 ${RUN_ID}`,
      officers: OFFICERS,
    });
    expectProblem(res, 403, 'OUT_OF_JURISDICTION');
  });

  it('an unsigned inspection cannot be filed; a scaled clock is for sys-admin only', async () => {
    const unsigned = await newInspection(JIASI_CREDIT_CODE);
    await postAs(INSPECTOR, `/inspections/${unsigned.id}/record`, recordBody([], 'unsigned'));
    await postAs(INSPECTOR, `/inspections/${unsigned.id}/sign`);
    expectProblem(
      await postAs(INSPECTOR, '/cases', { inspectionId: unsigned.id, title: '未签名', officers: OFFICERS }),
      409,
      'CONFLICT',
    );
    const scaled = await postAs(INSPECTOR, '/cases', {
      enterpriseCreditCode: JIASI_CREDIT_CODE,
      title: '加速时钟',
      officers: OFFICERS,
      clockMsPerDay: 1000,
    });
    fieldError(expectProblem(scaled, 403, 'FORBIDDEN'), 'clockMsPerDay');
  });

  it('an order without a deadline is a 400; with one it is recorded once per Idempotency-Key', async () => {
    const res = await postAs(INSPECTOR, `/cases/${penaltyCase.id}/actions`, {
      kind: 'rectificationOrder',
      detail: '责令限期整改粉尘防爆问题',
    });
    const problem = expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(fieldError(problem, 'deadlineAt').messageEn).toMatch(/order without a deadline/);
    const suspension = await postAs(INSPECTOR, `/cases/${penaltyCase.id}/actions`, {
      kind: 'suspensionOrder',
      detail: '停产整顿',
    });
    fieldError(expectProblem(suspension, 400, 'VALIDATION_FAILED'), 'deadlineAt');
    const body = {
      kind: 'rectificationOrder',
      detail: '责令 30 日内完成除尘系统泄爆改造',
      deadlineAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    };
    const key = { 'idempotency-key': `order-${RUN_ID}` };
    const ok = await postAs(INSPECTOR, `/cases/${penaltyCase.id}/actions`, body, key);
    expect(ok.status).toBe(201);
    const again = await postAs(INSPECTOR, `/cases/${penaltyCase.id}/actions`, body, key);
    expect(again.body.id).toBe(ok.body.id);
    const summons = await postAs(INSPECTOR, `/cases/${penaltyCase.id}/actions`, {
      kind: 'summons',
      detail: '约谈企业主要负责人',
    });
    expect(summons.status).toBe(201);
    const detail = await call(INSPECTOR, `/cases/${penaltyCase.id}`);
    expect(detail.body.actions.map((a: any) => a.kind)).toEqual(['rectificationOrder', 'summons']);
    const timeline = await call(INSPECTOR, `/cases/${penaltyCase.id}/timeline`);
    expect(timeline.body.data.map((e: any) => e.type)).toEqual(
      expect.arrayContaining(['case.created', 'case.action']),
    );
  });

  it('enterprises see their own cases only, never another’s; officials’ steps are not theirs', async () => {
    expect((await call('enterprise.jiasi', `/cases/${penaltyCase.id}`)).status).toBe(200);
    expectProblem(await call('enterprise.baisha', `/cases/${penaltyCase.id}`), 403, 'OUT_OF_JURISDICTION');
    const list = await call('enterprise.baisha', '/cases?perPage=100');
    expect(list.body.data.map((c: any) => c.id)).not.toContain(penaltyCase.id);
    expectProblem(
      await postAs('enterprise.baisha', `/cases/${penaltyCase.id}/reinspection-application`, {
        note: '已整改',
      }),
      403,
      'OUT_OF_JURISDICTION',
    );
    expectProblem(
      await postAs('enterprise.jiasi', `/cases/${penaltyCase.id}/steps/decide`, {
        decision: 'penalize',
        data: {},
      }),
      403,
      'FORBIDDEN',
    );
    expectProblem(
      await postAs('enterprise.jiasi', `/cases/${penaltyCase.id}/actions`, { kind: 'summons', detail: 'x' }),
      403,
      'FORBIDDEN',
    );
    expectProblem(await call('official.zhujian', `/cases/${penaltyCase.id}`), 403, 'OUT_OF_JURISDICTION');
  });

  it('step endpoints check their data, the role and date order before the workflow sees them', async () => {
    const unknown = await postAs(INSPECTOR, `/cases/${penaltyCase.id}/steps/nonsense`, {
      decision: 'x',
      data: {},
    });
    fieldError(expectProblem(unknown, 400, 'VALIDATION_FAILED'), 'step');
    const badServe = await postAs(INSPECTOR, `/cases/${penaltyCase.id}/steps/serve`, {
      decision: 'served',
      data: { method: 'fax' },
    });
    expectProblem(badServe, 400, 'VALIDATION_FAILED');
    expectProblem(
      await postAs(INSPECTOR, `/cases/${penaltyCase.id}/steps/approveFiling`, { decision: 'file' }),
      403,
      'FORBIDDEN',
    );
    const early = await postAs('leader.yingji', `/cases/${penaltyCase.id}/steps/decide`, {
      decision: 'penalize',
      data: { decidedAt: hoursAgo(24 * 30) },
    });
    fieldError(expectProblem(early, 400, 'VALIDATION_FAILED'), 'data.decidedAt');
  });

  it('lists cases with keyset pages', async () => {
    const first = await call(INSPECTOR, '/cases?perPage=1');
    expect(first.status).toBe(200);
    expect(first.body.total).toBeGreaterThanOrEqual(1);
    if (first.body.total > 1) {
      expect(first.body.nextCursor).toEqual(expect.any(String));
      const second = await call(INSPECTOR, `/cases?perPage=1&cursor=${first.body.nextCursor}`);
      expect(second.body.data[0].id).not.toBe(first.body.data[0].id);
    }
    expectProblem(await call(INSPECTOR, '/cases?cursor=garbage'), 400, 'VALIDATION_FAILED');
  });
});

describe('inspection plans and the 双随机 draw', () => {
  it('draws enterprises of the department’s jurisdiction and two inspectors each, once, with a published seed', async () => {
    const plan = await postAs(INSPECTOR, '/plans', {
      title: `双随机抽查 ${RUN_ID}`,
      kind: 'randomDraw',
      period: { from: '2026-03-01', to: '2026-03-31' },
    });
    expect(plan.status).toBe(201);
    const pool = [...TEAM, { username: 'leader.yingji', name: '周建国' }];
    const draw = await postAs(INSPECTOR, `/plans/${plan.body.id}/draw`, {
      enterpriseCount: 3,
      inspectorPool: pool,
      sector: 'IndustryTrade',
      seed: `seed-${RUN_ID}`,
    });
    expect(draw.status).toBe(201);
    expect(draw.body.plan.draw).toMatchObject({ seed: `seed-${RUN_ID}`, enterprises: expect.any(Array) });
    expect(draw.body.inspections).toHaveLength(3);
    for (const i of draw.body.inspections) {
      expect(i).toMatchObject({ kind: 'randomDraw', status: 'planned', planId: plan.body.id });
      expect(new Set(i.inspectors.map((x: any) => x.username)).size).toBe(2);
    }
    const again = await postAs(INSPECTOR, `/plans/${plan.body.id}/draw`, {
      enterpriseCount: 3,
      inspectorPool: pool,
    });
    expectProblem(again, 409, 'CONFLICT');
    const read = await call('admin.jj', `/plans/${plan.body.id}`);
    expect(read.body).toMatchObject({ inspectionCount: 3, draw: { seed: `seed-${RUN_ID}` } });
    expectProblem(await call('enterprise.jiasi', `/plans/${plan.body.id}`), 403, 'FORBIDDEN');
    expectProblem(
      await postAs('official.jiasi', '/plans', {
        title: '镇计划',
        kind: 'routine',
        period: { from: '2026-03-01', to: '2026-03-31' },
      }),
      403,
      'FORBIDDEN',
    );
  });
});
