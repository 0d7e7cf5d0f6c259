import { REFERRAL_DOCUMENT_KINDS } from '@zhiben/contracts';
import { createContextDataSource } from '@zhiben/db';
import { createEnforcementActivities, ENFORCEMENT_ENTITIES, ENFORCEMENT_SCHEMA } from '@zhiben/enforcement';
import { testConfig } from '@zhiben/testing';
import type { DataSource } from 'typeorm';
import { countRows, expectProblem, fieldError, JIASI_CREDIT_CODE, RUN_ID, withDb } from './support';
import {
  call,
  HEAD,
  hoursAgo,
  INSPECTOR,
  LIAISON,
  newCase,
  OFFICERS,
  PDF,
  PNG,
  postAs,
  recordedInspection,
  upload,
} from './enforcement-support';

/**
 * Referrals (行刑衔接) through the API: the package check names what is missing, the step endpoints check
 * date order against recorded dates, enterprises never see referrals, and the board shows every deadline
 * that the workflow's activities (called here directly, as the worker would) open, meet and breach —
 * each breach recorded once.
 */

let ds: DataSource;
let referral: any;
let penaltyCase: any;

beforeAll(async () => {
  ds = await createContextDataSource({
    url: testConfig().DATABASE_URL,
    schema: ENFORCEMENT_SCHEMA,
    entities: ENFORCEMENT_ENTITIES,
    migrations: [],
  });
  const inspection = await recordedInspection(JIASI_CREDIT_CODE, 'referral');
  penaltyCase = await newCase(inspection.id, `拒不整改重大事故隐患案 ${RUN_ID}`);
  const res = await postAs(INSPECTOR, '/referrals', {
    caseId: penaltyCase.id,
    title: `涉嫌危险作业罪移送 ${RUN_ID}`,
    suspectedCrime: 'dangerousOperation',
    suspects: 1,
    officers: [OFFICERS[0]],
  });
  expect(res.status).toBe(201);
  referral = res.body;
});

afterAll(async () => {
  await ds?.destroy();
});

describe('referral package and submission', () => {
  it('opens a referral in preparation and starts criminalReferral', () => {
    expect(referral).toMatchObject({
      stage: 'preparing',
      caseId: penaltyCase.id,
      suspectedCrime: 'dangerousOperation',
      missingDocuments: [...REFERRAL_DOCUMENT_KINDS],
      workflow: { id: `referral-${referral.id}`, started: true },
    });
    expect(referral.referralNo).toMatch(/移〔\d{4}〕\d+号$/);
  });

  it('a submit names each missing document, the one-officer team and a report date before the case', async () => {
    const res = await postAs(INSPECTOR, `/referrals/${referral.id}/submit`, {
      reportedAt: new Date(Date.parse(penaltyCase.filedAt) - 86_400_000).toISOString(),
      officers: [OFFICERS[0]],
    });
    const problem = expectProblem(res, 400, 'VALIDATION_FAILED');
    for (const kind of REFERRAL_DOCUMENT_KINDS) fieldError(problem, `documents.${kind}`);
    fieldError(problem, 'officers');
    fieldError(problem, 'reportedAt');
    expect(problem.messageZh).toContain('涉嫌犯罪案件移送书');
    expect(problem.messageEn).toMatch(/Transfer letter/);
  });

  it('after three uploads exactly the two missing documents are named', async () => {
    for (const kind of ['transferLetter', 'investigationReport', 'itemList']) {
      const up = await upload(
        INSPECTOR,
        `/referrals/${referral.id}/documents/${kind}`,
        PDF,
        'application/pdf',
        `${kind}.pdf`,
      );
      expect(up.status).toBe(201);
      expect(up.body).toMatchObject({ kind, contentType: 'application/pdf', sha256: expect.any(String) });
    }
    const wrongType = await upload(
      INSPECTOR,
      `/referrals/${referral.id}/documents/otherMaterial`,
      PDF,
      'image/png',
      'x.png',
    );
    fieldError(expectProblem(wrongType, 400, 'VALIDATION_FAILED'), 'file');
    const badKind = await upload(
      INSPECTOR,
      `/referrals/${referral.id}/documents/photo`,
      PNG,
      'image/png',
      'x.png',
    );
    expect(badKind.status).toBe(400);
    const res = await postAs(INSPECTOR, `/referrals/${referral.id}/submit`, {
      reportedAt: new Date().toISOString(),
      officers: OFFICERS,
    });
    const problem = expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(problem.errors!.map((e) => e.path).sort()).toEqual([
      'documents.inspectionReport',
      'documents.otherMaterial',
    ]);
    const detail = await call(INSPECTOR, `/referrals/${referral.id}`);
    expect(detail.body.missingDocuments).toEqual(['inspectionReport', 'otherMaterial']);
    expect(detail.body.documents).toHaveLength(3);
  });

  it('enterprises never see referrals', async () => {
    expectProblem(await call('enterprise.jiasi', `/referrals/${referral.id}`), 403, 'FORBIDDEN');
    expectProblem(await call('enterprise.jiasi', '/referrals'), 403, 'FORBIDDEN');
    expectProblem(await call('enterprise.jiasi', '/referrals/board'), 403, 'FORBIDDEN');
    expectProblem(await call('official.zhujian', `/referrals/${referral.id}`), 403, 'OUT_OF_JURISDICTION');
  });
});

describe('referral steps (liaison form, head decision)', () => {
  const reportedAt = hoursAgo(48);

  beforeAll(async () => {
    // As if the workflow had taken the package: the report date is recorded.
    await withDb((db) =>
      db.query(`UPDATE enforcement.referrals SET reported_at = $2, stage = 'headDecision' WHERE id = $1`, [
        referral.id,
        reportedAt,
      ]),
    );
  });

  it('a head decision dated before the report is a 400 naming the date', async () => {
    const res = await postAs(HEAD, `/referrals/${referral.id}/steps/headDecision`, {
      decision: 'approve',
      data: { decidedAt: hoursAgo(72) },
    });
    const problem = expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(fieldError(problem, 'data.decidedAt').messageEn).toMatch(/before the report date/);
  });

  it('only the head decides; not approving needs the reasons; each step’s data is checked', async () => {
    expectProblem(
      await postAs(INSPECTOR, `/referrals/${referral.id}/steps/headDecision`, {
        decision: 'approve',
        data: { decidedAt: hoursAgo(1) },
      }),
      403,
      'FORBIDDEN',
    );
    const reject = await postAs(HEAD, `/referrals/${referral.id}/steps/headDecision`, {
      decision: 'reject',
      data: { decidedAt: hoursAgo(1) },
    });
    fieldError(expectProblem(reject, 400, 'VALIDATION_FAILED'), 'comment');
    const transfer = await postAs(LIAISON, `/referrals/${referral.id}/steps/transfer`, {
      decision: 'transferred',
      data: { transferredAt: hoursAgo(1) },
    });
    fieldError(expectProblem(transfer, 400, 'VALIDATION_FAILED'), 'data.policeUnit');
    const notice = await postAs(LIAISON, `/referrals/${referral.id}/steps/recordPoliceNotice`, {
      decision: 'noticeReceived',
      data: { noticeAt: hoursAgo(1), copiedToProcuratorate: false },
    });
    fieldError(expectProblem(notice, 400, 'VALIDATION_FAILED'), 'data.copiedToProcuratorate');
    const wrongDecision = await postAs(LIAISON, `/referrals/${referral.id}/steps/recordPoliceDecision`, {
      decision: 'maybe',
      data: { decidedAt: hoursAgo(1) },
    });
    fieldError(expectProblem(wrongDecision, 400, 'VALIDATION_FAILED'), 'decision');
    const declined = await postAs(LIAISON, `/referrals/${referral.id}/steps/recordPoliceDecision`, {
      decision: 'declined',
      data: { decidedAt: hoursAgo(1) },
    });
    fieldError(expectProblem(declined, 400, 'VALIDATION_FAILED'), 'data.reasons');
    fieldError(
      expectProblem(
        await postAs(LIAISON, `/referrals/${referral.id}/steps/nonsense`, { decision: 'x', data: {} }),
        400,
        'VALIDATION_FAILED',
      ),
      'step',
    );
  });

  it('checks later steps against the dates recorded before them', async () => {
    await withDb((db) =>
      db.query(`UPDATE enforcement.referrals SET transfer = $2 WHERE id = $1`, [
        referral.id,
        JSON.stringify({
          at: hoursAgo(20),
          policeUnit: '江津区公安分局',
          receivedAt: hoursAgo(10),
          receiptNo: 'JJ-001',
        }),
      ]),
    );
    const res = await postAs(LIAISON, `/referrals/${referral.id}/steps/recordPoliceDecision`, {
      decision: 'registered',
      data: { decidedAt: hoursAgo(15) },
    });
    expect(fieldError(expectProblem(res, 400, 'VALIDATION_FAILED'), 'data.decidedAt').messageZh).toMatch(
      /公安签收时间/,
    );
  });

  it('a valid step goes to the workflow: completed when its task is open, else a 409 (never a 400)', async () => {
    const res = await postAs(
      HEAD,
      `/referrals/${referral.id}/steps/headDecision`,
      { decision: 'approve', data: { decidedAt: hoursAgo(1) } },
      { 'idempotency-key': `head-${RUN_ID}` },
    );
    expect([200, 409, 503]).toContain(res.status);
  });
});

describe('referral board and the deadline activities', () => {
  it('records each deadline once; a breach raises one alert however often it is reported', async () => {
    const acts = createEnforcementActivities(ds);
    const key = (s: string) => `it:${RUN_ID}:${referral.id}:${s}`;
    const start = hoursAgo(80);
    await acts.trackReferralDeadline({
      referralId: referral.id,
      kind: 'headDecision',
      eventKey: key('head.open'),
      startedAt: start,
      dueAt: hoursAgo(8),
    });
    await acts.trackReferralDeadline({
      referralId: referral.id,
      kind: 'headDecision',
      eventKey: key('head.open'),
      startedAt: start,
      dueAt: hoursAgo(8),
    });
    for (const attempt of ['a', 'a', 'b']) {
      await acts.trackReferralDeadline({
        referralId: referral.id,
        kind: 'headDecision',
        eventKey: key(`head.breach.${attempt}`),
        breachedAt: hoursAgo(8),
      });
    }
    await acts.trackReferralDeadline({
      referralId: referral.id,
      kind: 'transfer',
      eventKey: key('transfer.open'),
      startedAt: hoursAgo(6),
      dueAt: new Date(Date.now() + 18 * 3_600_000).toISOString(),
    });
    await acts.trackReferralDeadline({
      referralId: referral.id,
      kind: 'transfer',
      eventKey: key('transfer.met'),
      metAt: hoursAgo(5),
    });
    await acts.trackReferralDeadline({
      referralId: referral.id,
      kind: 'policeDecision',
      eventKey: key('police.open'),
      startedAt: hoursAgo(1),
      dueAt: new Date(Date.now() + 70 * 3_600_000).toISOString(),
    });
    expect(
      await countRows(
        'enforcement.enforcement_events',
        `subject_id = $1 AND type = 'referral.deadlineBreached'`,
        [referral.id],
      ),
    ).toBe(1);
    expect(await countRows('enforcement.referral_deadlines', 'referral_id = $1', [referral.id])).toBe(3);

    const board = await call(LIAISON, '/referrals/board');
    expect(board.status).toBe(200);
    const row = board.body.referrals.find((r: any) => r.id === referral.id);
    expect(row).toMatchObject({ overdue: true, stage: 'headDecision' });
    const status = Object.fromEntries(row.deadlines.map((d: any) => [d.kind, d.status]));
    expect(status).toEqual({ headDecision: 'breached', transfer: 'met', policeDecision: 'running' });
    expect(board.body.open).toBeGreaterThanOrEqual(1);
    expect(board.body.overdue).toBeGreaterThanOrEqual(1);
    expect(board.body.byStage.headDecision).toBeGreaterThanOrEqual(1);
    const overdue = await call(LIAISON, '/referrals?overdue=true&perPage=500');
    expect(overdue.body.data.map((r: any) => r.id)).toContain(referral.id);
    const timeline = await call(LIAISON, `/referrals/${referral.id}/timeline`);
    expect(timeline.body.data.filter((e: any) => e.type === 'referral.deadlineBreached')).toHaveLength(1);
  });

  it('stage, actions and referrals from a case are idempotent by event key', async () => {
    const acts = createEnforcementActivities(ds);
    const key = (s: string) => `it:${RUN_ID}:${penaltyCase.id}:${s}`;
    for (let i = 0; i < 2; i++) {
      await acts.setCaseStage({
        caseId: penaltyCase.id,
        stage: 'investigating',
        eventKey: key('stage.investigating'),
      });
      await acts.recordAction({
        caseId: penaltyCase.id,
        kind: 'dailyFine',
        eventKey: key('daily'),
        detail: '拒不整改，按日连续处罚',
        amountYuan: 30000,
        at: new Date().toISOString(),
      });
    }
    const one = await acts.createReferralFromCase({
      caseId: penaltyCase.id,
      suspectedCrime: 'dangerousOperation',
      proposedBy: { username: INSPECTOR, name: '赵磊' },
      reason: '拒不执行停产整顿决定',
      eventKey: key('refer'),
    });
    const two = await acts.createReferralFromCase({
      caseId: penaltyCase.id,
      suspectedCrime: 'dangerousOperation',
      proposedBy: { username: INSPECTOR, name: '赵磊' },
      reason: '拒不执行停产整顿决定',
      eventKey: key('refer'),
    });
    expect(two).toEqual(one);
    const detail = await call(INSPECTOR, `/cases/${penaltyCase.id}`);
    expect(detail.body.stage).toBe('investigating');
    expect(detail.body.actions.filter((a: any) => a.kind === 'dailyFine')).toHaveLength(1);
    expect(
      await countRows('enforcement.enforcement_events', `subject_id = $1 AND event_key LIKE $2`, [
        penaltyCase.id,
        `${key('')}%`,
      ]),
    ).toBe(2); // one stage change, one action
    const proposed = await call(LIAISON, `/referrals/${one.referralId}`);
    expect(proposed.body).toMatchObject({
      caseId: penaltyCase.id,
      stage: 'preparing',
      referralNo: one.referralNo,
    });
  });
});

describe('rules', () => {
  it('serves the national defaults and versions a jurisdiction’s own rules (admins only)', async () => {
    const national = await call(INSPECTOR, '/rules');
    expect(national.body).toMatchObject({
      orgUnitCode: '*',
      rules: { version: 1, referral: { transfer: { amount: 24, unit: 'hours' } } },
    });
    const rules = { ...national.body.rules };
    delete rules.version;
    expectProblem(
      await call(INSPECTOR, '/rules', { method: 'PUT', body: { orgUnitCode: 'jiangjin', rules } }),
      403,
      'FORBIDDEN',
    );
    const put = await call('admin.jj', '/rules', {
      method: 'PUT',
      body: { orgUnitCode: 'jiangjin', rules: { ...rules, remindAt: [0.5, 0.8] }, note: `it ${RUN_ID}` },
    });
    expect(put.status).toBe(200);
    const mine = await call(INSPECTOR, '/rules?orgUnitCode=jiangjin');
    expect(mine.body.rules.remindAt).toEqual([0.5, 0.8]);
  });
});
