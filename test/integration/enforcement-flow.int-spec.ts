import { REFERRAL_DOCUMENT_KINDS } from '@zhiben/contracts';
import { createContextDataSource } from '@zhiben/db';
import {
  createEnforcementFiguresActivity,
  ENFORCEMENT_ENTITIES,
  ENFORCEMENT_SCHEMA,
} from '@zhiben/enforcement';
import { testConfig } from '@zhiben/testing';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { JIASI_CREDIT_CODE, RUN_ID, withDb } from './support';
import { killWorker, takeWorkerTurn, until, waitWorkerRestarted } from './hazard-support';
import {
  call,
  HEAD,
  INSPECTOR,
  INSPECTOR2,
  LIAISON,
  OFFICERS,
  PDF,
  postAs,
  recordedInspection,
  upload,
} from './enforcement-support';

/**
 * The enforcement closed loop and a criminal referral end to end, through the gateway, on the real
 * workflows (enforcementCase, criminalReferral): every step is taken by the person
 * the workflow opened it for, through the enforcement API; the case's read model, its timeline, the
 * referral's deadlines on the board and the dispatch form's enforcement figures follow.
 */

jest.setTimeout(240_000);

const ENTERPRISE = 'enterprise.jiasi';
const DEPT = 'jiangjin.dept.yingji';

let ds: DataSource;

beforeAll(async () => {
  ds = await createContextDataSource({
    url: testConfig().DATABASE_URL,
    schema: ENFORCEMENT_SCHEMA,
    entities: ENFORCEMENT_ENTITIES,
    migrations: [],
  });
});

afterAll(async () => {
  await ds?.destroy();
});

const now = () => new Date().toISOString();

/**
 * Takes a case or referral step as `user` once its task is open (the step endpoint answers 409 until the
 * workflow has opened it). A 400 or 403 fails at once.
 */
async function step(
  user: string,
  path: string,
  name: string,
  body: { decision: string; data?: Record<string, unknown>; comment?: string },
) {
  const key = `${name}-${RUN_ID}-${randomUUID()}`;
  const res = await until(
    `${name} accepted`,
    async () => {
      const r = await postAs(
        user,
        `${path}/steps/${name}`,
        { data: {}, ...body },
        { 'idempotency-key': key },
      );
      return r.status === 409 ? undefined : r;
    },
    { timeoutMs: 60_000, intervalMs: 500 },
  );
  if (res.status !== 200) throw new Error(`${name}: ${res.status} ${JSON.stringify(res.body)}`);
  return res;
}

const stageOf = async (path: string) => (await call(INSPECTOR, path)).body.stage as string;

async function figures() {
  const { enforcementFigures } = createEnforcementFiguresActivity(ds);
  return enforcementFigures({
    unitCode: DEPT,
    asOf: new Date(Date.now() + 60_000).toISOString(),
    since: null,
  });
}

describe('the enforcement closed loop, then a referral, on the real workflows', () => {
  let caseId = '';
  let referralId = '';
  let before: Record<string, number> = {};

  it('inspection → 立案 → 调查 → 审查 → 告知 → 决定 → 送达 → 执行, with 一案双罚', async () => {
    before = await figures();
    const inspection = await recordedInspection(JIASI_CREDIT_CODE, 'flow');
    // The real clock: people act at once, so no deadline passes (the workflow specs run breaches on a
    // scaled clock), and the instants they enter line up with the workflow's own.
    const created = await postAs(INSPECTOR, '/cases', {
      inspectionId: inspection.id,
      title: `粉尘防爆措施缺失案 ${RUN_ID}`,
      officers: OFFICERS,
      parties: [
        { kind: 'unit', name: '重庆贾嗣精工机械有限公司', fineYuan: 50_000 },
        { kind: 'principal', name: '张主任', fineYuan: 8_000 },
      ],
    });
    expect(created.status).toBe(201);
    caseId = created.body.id;
    const path = `/cases/${caseId}`;

    await step(HEAD, path, 'approveFiling', { decision: 'file' });
    await step(INSPECTOR, path, 'investigate', {
      decision: 'submit',
      data: {
        summary: '现场检查发现抛光车间干式除尘器未采取防爆措施，询问笔录两份、照片三张。',
        legalBasis: '《安全生产法》第一百零二条',
        parties: [
          { kind: 'unit', name: '重庆贾嗣精工机械有限公司', fineYuan: 50_000 },
          { kind: 'principal', name: '张主任', fineYuan: 8_000 },
        ],
      },
    });
    // 退回 once: the legal reviewer sends it back, the inspectors resubmit.
    await step(LIAISON, path, 'legalReview', { decision: 'return', comment: '请补充询问笔录' });
    await step(INSPECTOR2, path, 'investigate', {
      decision: 'submit',
      data: {
        summary: '已补充询问笔录。',
        legalBasis: '《安全生产法》第一百零二条',
        parties: [
          { kind: 'unit', name: '重庆贾嗣精工机械有限公司', fineYuan: 50_000 },
          { kind: 'principal', name: '张主任', fineYuan: 8_000 },
        ],
      },
    });
    await step(LIAISON, path, 'legalReview', { decision: 'pass' });
    await step(ENTERPRISE, path, 'respondToNotice', { decision: 'waive' });
    await step(HEAD, path, 'decide', {
      decision: 'penalize',
      data: {
        decidedAt: now(),
        parties: [
          { kind: 'unit', name: '重庆贾嗣精工机械有限公司', fineYuan: 50_000 },
          { kind: 'principal', name: '张主任', fineYuan: 8_000 },
        ],
      },
    });
    await step(INSPECTOR, path, 'serve', { decision: 'served', data: { servedAt: now(), method: 'direct' } });
    await step(INSPECTOR, path, 'recordExecution', { decision: 'paid', data: { at: now() } });

    const c = await until('the case in its rectification period', async () => {
      const res = await call(INSPECTOR, path);
      return res.body.servedAt && ['executing', 'reinspecting'].includes(res.body.stage) ? res.body : null;
    });
    expect(c).toMatchObject({
      totalFineYuan: 58_000,
      parties: [
        { kind: 'unit', fineYuan: 50_000 },
        { kind: 'principal', fineYuan: 8_000 },
      ],
      decidedAt: expect.any(String),
      servedAt: expect.any(String),
      serveDueAt: expect.any(String),
    });
  });

  it('a failed 整改复查 of a major hazard flags 危险作业罪 and, on the head’s word, opens a referral', async () => {
    const path = `/cases/${caseId}`;
    // The enterprise applies early; the re-inspection finds the stop order ignored.
    const applied = await until('the application accepted', async () => {
      const res = await postAs(ENTERPRISE, `${path}/reinspection-application`, {
        note: '已整改完毕，申请复查',
      });
      if (res.status === 409) return undefined;
      return res;
    });
    expect([200, 201]).toContain(applied.status);
    await step(INSPECTOR, path, 'reinspect', {
      decision: 'failed',
      comment: '复查不合格，拒不整改',
      data: {
        opinion: '除尘系统仍未采取防爆措施，且停产指令下达后仍在生产。',
        inspectedAt: now(),
        reviewers: ['赵磊', '孙敏'],
        unitSigned: true,
        refusedToRectify: true,
        continuedDespiteStopOrder: true,
      },
    });
    await step(HEAD, path, 'proposeReferral', { decision: 'refer', data: { suspects: 2 } });
    const flagged = await until('the referral recorded on the case', async () => {
      const res = await call(INSPECTOR, path);
      return res.body.referralId ? res.body : null;
    });
    expect(flagged.suspectedCrime).toBe('dangerousOperation');
    referralId = flagged.referralId;

    const referral = await until('the referral started by the case', async () => {
      const res = await call(INSPECTOR, `/referrals/${referralId}`);
      return res.status === 200 && res.body.workflow.started ? res.body : null;
    });
    expect(referral).toMatchObject({ caseId, stage: 'preparing', suspectedCrime: 'dangerousOperation' });
    // The outbox did not start it a second time beside the case workflow's child.
    const [{ n }] = await withDb(
      async (db) =>
        (await db.query(`SELECT count(*)::int AS n FROM enforcement.referrals WHERE case_id = $1`, [caseId]))
          .rows,
    );
    expect(n).toBe(1);
  });

  it('the referral runs its legal clock to registration and handover; every deadline is met on the board', async () => {
    const path = `/referrals/${referralId}`;
    for (const kind of REFERRAL_DOCUMENT_KINDS) {
      const res = await upload(INSPECTOR, `${path}/documents/${kind}`, PDF, 'application/pdf', `${kind}.pdf`);
      expect(res.status).toBe(201);
    }
    const submitted = await until('the package submitted', async () => {
      const res = await postAs(INSPECTOR, `${path}/submit`, { reportedAt: now(), officers: OFFICERS });
      if (res.status === 409) return undefined;
      return res;
    });
    expect(submitted.status).toBe(200);
    // The workflow worker dies (SIGKILL) while the head's 3-day clock runs; the supervisor starts a new
    // one, which replays the history: nothing is lost and nothing is opened or recorded twice.
    const release = await takeWorkerTurn();
    try {
      await waitWorkerRestarted(await killWorker());
    } finally {
      release();
    }
    await step(HEAD, path, 'headDecision', { decision: 'approve', data: { decidedAt: now() } });
    await step(INSPECTOR, path, 'transfer', {
      decision: 'transferred',
      data: { transferredAt: now(), policeUnit: '重庆市公安局江津区分局治安支队' },
    });
    await step(LIAISON, path, 'recordReceipt', {
      decision: 'received',
      data: { receivedAt: now(), receiptNo: `JJGA-${RUN_ID}` },
    });
    await step(LIAISON, path, 'recordPoliceDecision', { decision: 'registered', data: { decidedAt: now() } });
    await step(LIAISON, path, 'recordPoliceNotice', {
      decision: 'noticeReceived',
      data: { noticeAt: now(), copiedToProcuratorate: true },
    });
    await step(INSPECTOR, path, 'handover', {
      decision: 'handedOver',
      data: { handedOverAt: now(), items: '询问笔录2份、现场照片3张、除尘器检测报告1份' },
    });
    await until('the referral tracking its outcome', async () => (await stageOf(path)) === 'outcome');

    const r = (await call(INSPECTOR, path)).body;
    expect(r).toMatchObject({
      missingDocuments: [],
      headDecision: { decision: 'approve' },
      transfer: { policeUnit: '重庆市公安局江津区分局治安支队', receiptNo: `JJGA-${RUN_ID}` },
      police: { decision: 'registered', copiedToProcuratorate: true },
      handedOverAt: expect.any(String),
      overdue: false,
    });
    const kinds = r.deadlines.map((d: any) => d.kind).sort();
    expect(kinds).toEqual(['handover', 'headDecision', 'policeDecision', 'policeNotice', 'transfer']);
    for (const d of r.deadlines) {
      expect(d.metAt).toEqual(expect.any(String));
      expect(d.breachedAt).toBeNull();
    }
    const board = await call(INSPECTOR, '/referrals/board');
    expect(board.status).toBe(200);
    expect(JSON.stringify(board.body)).toContain(referralId);

    await step(LIAISON, path, 'recordOutcome', {
      decision: 'prosecuted',
      data: { at: now(), summary: '检察院以危险作业罪提起公诉' },
    });
    await until('the referral closed', async () => (await stageOf(path)) === 'closed');
  });

  it('feeds the dispatch form: 行政处罚 次/万元, 一案双罚, 移送司法机关（人）', async () => {
    const after = await figures();
    expect(after.E3a - (before.E3a ?? 0)).toBe(1);
    expect(Math.round((after.E3b - (before.E3b ?? 0)) * 10_000)).toBe(58_000);
    expect(after.E4 - (before.E4 ?? 0)).toBe(1);
    expect(after.E5 - (before.E5 ?? 0)).toBe(2); // the two suspects the head referred
    // The enforcing department counts it; the town where the enterprise sits does not count it again.
    const { enforcementFigures } = createEnforcementFiguresActivity(ds);
    const town = await enforcementFigures({ unitCode: 'jiangjin.jiasi', asOf: now(), since: null });
    expect(town.E3a).toBe(0);
  });

  it('keeps one timeline line per event and shows the enterprise its own case, never the referral', async () => {
    const timeline = await call(INSPECTOR, `/cases/${caseId}/timeline`);
    expect(timeline.status).toBe(200);
    const rows: any[] = timeline.body.data ?? timeline.body;
    // A 退回 repeats a transition legitimately; the same line at the same instant would be a duplicate.
    const keys = rows.map((e) => `${e.type}|${e.summaryZh}|${e.at ?? e.occurredAt}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect((await call(ENTERPRISE, `/cases/${caseId}`)).status).toBe(200);
    expect((await call(ENTERPRISE, `/referrals/${referralId}`)).status).toBe(403);
    // The closed referral left no task open in anyone's inbox.
    const open = await withDb(
      async (db) =>
        (
          await db.query(`SELECT task_key FROM tasks.tasks WHERE workflow_id = $1 AND status <> 'closed'`, [
            `referral-${referralId}`,
          ])
        ).rows,
    );
    expect(open).toEqual([]);
    // One task per step of the referral, across the worker's restart.
    const perStep = await withDb(
      async (db) =>
        (
          await db.query(
            `SELECT step, count(*)::int AS n FROM tasks.tasks WHERE workflow_id = $1 GROUP BY step ORDER BY step`,
            [`referral-${referralId}`],
          )
        ).rows,
    );
    expect(perStep.every((r: any) => r.n === 1)).toBe(true);
    expect(perStep.map((r: any) => r.step)).toEqual(
      expect.arrayContaining(['preparePackage', 'headDecision', 'transfer', 'recordReceipt', 'handover']),
    );
    const deadlineRows = await withDb(
      async (db) =>
        (
          await db.query(
            `SELECT kind, count(*)::int AS n FROM enforcement.referral_deadlines WHERE referral_id = $1 GROUP BY kind`,
            [referralId],
          )
        ).rows,
    );
    expect(deadlineRows.every((r: any) => r.n === 1)).toBe(true);
  });
});
