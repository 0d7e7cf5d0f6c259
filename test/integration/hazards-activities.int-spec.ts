import { ApplicationFailure } from '@temporalio/common';
import type { HazardStatus } from '@zhiben/contracts';
import { createContextDataSource } from '@zhiben/db';
import { createDirectoryActivities, DIRECTORY_ENTITIES, DIRECTORY_SCHEMA } from '@zhiben/directory';
import {
  createHazardsActivities,
  HAZARDS_ENTITIES,
  HAZARDS_SCHEMA,
  RectificationPlanEntity,
  type HazardsActivities,
} from '@zhiben/hazards';
import { api, testConfig, tokenFor } from '@zhiben/testing';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { countRows, JIASI_CREDIT_CODE, RUN_ID, withDb } from './support';

/**
 * The ledger's activities (HazardsPort) against the real database, called directly as the Temporal
 * worker would: every write is keyed by `eventKey`, and a retry with the same key changes nothing. Also
 * the directory's `findAuthority` (AuthorityPort), which reads the org tree.
 */

const HAZARDS = '/api/hazards/hazards';

let hazardsDs: DataSource;
let directoryDs: DataSource;
let acts: HazardsActivities;
let hazardId: string;

const key = (step: string) => `it:${RUN_ID}:${hazardId}:${step}`;
const events = (type: string) =>
  countRows('hazards.hazard_events', 'hazard_id = $1 AND type = $2', [hazardId, type]);
const hazardRow = () =>
  withDb(async (db) => (await db.query('SELECT * FROM hazards.hazards WHERE id = $1', [hazardId])).rows[0]);

beforeAll(async () => {
  const url = testConfig().DATABASE_URL;
  hazardsDs = await createContextDataSource({
    url,
    schema: HAZARDS_SCHEMA,
    entities: HAZARDS_ENTITIES,
    migrations: [],
  });
  directoryDs = await createContextDataSource({
    url,
    schema: DIRECTORY_SCHEMA,
    entities: DIRECTORY_ENTITIES,
    migrations: [],
  });
  acts = createHazardsActivities(hazardsDs);
  const res = await api(HAZARDS, {
    method: 'POST',
    token: await tokenFor('enterprise.jiasi'),
    body: {
      grade: 'major',
      title: `活动幂等 ${RUN_ID} ${randomUUID().slice(0, 6)}`,
      description: '快速冻结装置作业间内作业人员超过 9 人',
      location: '冷库',
      standard: { catalogueId: 'gongmao-2023', clauseId: '12.2' },
      foundOn: '2026-01-08',
    },
  });
  expect(res.status).toBe(201);
  hazardId = res.body.id;
  // A plan as the API would have stored it (the workflow is not asked here).
  await hazardsDs.getRepository(RectificationPlanEntity).save({
    hazardId,
    planVersion: 1,
    status: 'submitted',
    targets: '冻结间人数降至 9 人以下',
    measures: '分班作业',
    fundsAndMaterials: '无需资金',
    fundsAmountYuan: null,
    organisationAndPeople: '生产部',
    responsiblePerson: { name: '陈志刚' },
    deadline: '2099-06-30',
    timeRequirements: null,
    safetyMeasures: '门禁计数',
    emergencyPlan: '氨泄漏应急预案',
    acceptor: { name: '王验收' },
    acceptanceCriteria: null,
    executor: null,
    attachments: [],
    requestId: null,
    submittedBy: 'enterprise.jiasi',
    submittedByName: '测试',
    submittedAt: new Date(),
  });
});

afterAll(async () => {
  await hazardsDs?.destroy();
  await directoryDs?.destroy();
});

describe('HazardsPort activities are idempotent by eventKey', () => {
  it('setHazardStatus: one event and one change however often it is retried', async () => {
    const input = { hazardId, status: 'planning' as HazardStatus, eventKey: key('status.planning') };
    await acts.setHazardStatus(input);
    await acts.setHazardStatus(input);
    await Promise.all([acts.setHazardStatus(input), acts.setHazardStatus(input)]);
    expect(await countRows('hazards.hazard_events', 'event_key = $1', [input.eventKey])).toBe(1);
    expect((await hazardRow()).status).toBe('planning');
  });

  it('recordHazardEvent: a retried event is recorded once; plan.returned keeps the reasons', async () => {
    const e = {
      hazardId,
      eventKey: key('plan.returned'),
      type: 'plan.returned',
      summaryZh: '审核人退回整改方案：资金未落实',
      summaryEn: 'Plan returned: funds missing',
      actor: { username: 'official.jiasi', name: '贾嗣镇干部' },
      data: { planVersion: 1, comment: '资金未落实' },
    };
    await acts.recordHazardEvent(e);
    await acts.recordHazardEvent(e);
    expect(await countRows('hazards.hazard_events', 'event_key = $1', [e.eventKey])).toBe(1);
    const plan = await hazardsDs
      .getRepository(RectificationPlanEntity)
      .findOneByOrFail({ hazardId, planVersion: 1 });
    expect(plan).toMatchObject({
      status: 'returned',
      reviewComment: '资金未落实',
      reviewedBy: 'official.jiasi',
    });
  });

  it('approvePlan: sets the deadline from the plan (end of day, Shanghai) and returns it on retries', async () => {
    const input = { hazardId, planVersion: 1, eventKey: key('plan.approve.1') };
    const a = await acts.approvePlan(input);
    const b = await acts.approvePlan(input);
    expect(a).toEqual({ deadlineAt: '2099-06-30T15:59:59.999Z' });
    expect(b).toEqual(a);
    expect(await events('ledger.planApproved')).toBe(1);
    expect((await hazardRow()).rectification_deadline.toISOString()).toBe(a.deadlineAt);
    await expect(
      acts.approvePlan({ hazardId, planVersion: 9, eventKey: key('plan.approve.9') }),
    ).rejects.toMatchObject({
      nonRetryable: true,
    });
  });

  it('extendDeadline: moves the deadline once', async () => {
    const input = { hazardId, newDeadlineAt: '2099-08-31T15:59:59.999Z', eventKey: key('extension.1') };
    await acts.extendDeadline(input);
    await acts.extendDeadline(input);
    expect(await events('ledger.deadlineExtended')).toBe(1);
    expect((await hazardRow()).rectification_deadline.toISOString()).toBe(input.newDeadlineAt);
  });

  it('createListing / setListingStatus: one listing per key; the board shows it with its deadline', async () => {
    const input = {
      hazardId,
      proposedBy: '逾期升级（系统）',
      reason: '逾期未整改',
      eventKey: key('listing.create.1'),
    };
    const [a, b] = await Promise.all([acts.createListing(input), acts.createListing(input)]);
    expect(b.listingId).toBe(a.listingId);
    expect(await countRows('hazards.listings', 'hazard_id = $1', [hazardId])).toBe(1);
    const deadline = new Date(Date.now() - 60_000).toISOString();
    const listed = {
      listingId: a.listingId,
      status: 'listed',
      eventKey: key('listing.listed'),
      noticeDeadlineAt: deadline,
    };
    await acts.setListingStatus(listed);
    await acts.setListingStatus(listed);
    await acts.recordHazardEvent({
      hazardId,
      eventKey: key('listing.notice'),
      type: 'listing.listed',
      summaryZh: '区安委办下达挂牌督办通知书',
      summaryEn: 'Listing notice issued',
      data: {
        listingId: a.listingId,
        noticeDeadlineAt: deadline,
        authority: { code: 'jiangjin.anweiban', name: '区安委办' },
      },
    });
    const board = await api(`/api/hazards/listings?overdue=true&perPage=200`, {
      token: await tokenFor('admin.jj'),
    });
    const row = board.body.data.find((l: { id: string }) => l.id === a.listingId);
    expect(row).toMatchObject({
      hazardId,
      status: 'listed',
      overdue: true,
      authority: { code: 'jiangjin.anweiban' },
      noticeText: '区安委办下达挂牌督办通知书',
      noticeDeadlineAt: deadline,
    });
    const hidden = await api(`/api/hazards/listings/${a.listingId}`, {
      token: await tokenFor('official.baisha'),
    });
    expect(hidden.status).toBe(403);
    await expect(
      acts.setListingStatus({ ...listed, status: 'bogus', eventKey: key('x') }),
    ).rejects.toBeInstanceOf(ApplicationFailure);
  });

  it('acceptance and close-out events write the 验收 and 销号 records; closing stamps closedAt', async () => {
    await acts.recordHazardEvent({
      hazardId,
      eventKey: key('acceptance.passed'),
      type: 'acceptance.passed',
      summaryZh: '验收通过',
      summaryEn: 'Accepted',
      actor: { username: 'official.jiasi', name: '贾嗣镇干部' },
      data: { comment: '现场核查合格' },
    });
    await acts.recordHazardEvent({
      hazardId,
      eventKey: key('closeout.approved'),
      type: 'closeout.approved',
      summaryZh: '同意销号',
      summaryEn: 'Closed out',
      actor: { username: 'inspector.yingji', name: '应急局' },
      data: { authority: { code: 'jiangjin.dept.yingji', name: '江津区应急管理局' } },
    });
    await acts.setHazardStatus({ hazardId, status: 'closed', eventKey: key('status.closed') });
    const detail = await api(`${HAZARDS}/${hazardId}`, { token: await tokenFor('enterprise.jiasi') });
    expect(detail.body).toMatchObject({
      status: 'closed',
      acceptanceReviews: [expect.objectContaining({ decision: 'passed', comment: '现场核查合格' })],
      closeout: { authority: { code: 'jiangjin.dept.yingji' }, approvedBy: { username: 'inspector.yingji' } },
    });
    expect(detail.body.closedAt).not.toBeNull();
    // The ledger's bookkeeping events stay out of the readable timeline unless asked for.
    expect(detail.body.timeline.map((e: { type: string }) => e.type)).not.toContain('ledger.planApproved');
    const all = await api(`${HAZARDS}/${hazardId}/timeline?all=true`, {
      token: await tokenFor('enterprise.jiasi'),
    });
    expect(all.body.data.map((e: { type: string }) => e.type)).toContain('ledger.planApproved');
  });

  it('fails without retry for unknown hazards and statuses', async () => {
    await expect(
      acts.setHazardStatus({ hazardId: randomUUID(), status: 'planning', eventKey: key('ghost') }),
    ).rejects.toMatchObject({ nonRetryable: true, type: 'HazardNotFound' });
    await expect(
      acts.setHazardStatus({ hazardId, status: 'nonsense' as HazardStatus, eventKey: key('nonsense') }),
    ).rejects.toMatchObject({ nonRetryable: true, type: 'InvalidHazardStatus' });
  });
});

describe('AuthorityPort.findAuthority (directory org data)', () => {
  const find = (orgUnitCode: string, purpose: 'listing' | 'closeOut') =>
    createDirectoryActivities(directoryDs).findAuthority({ orgUnitCode, purpose });

  it('lists through the office of the district containing the unit (区安委办)', async () => {
    expect(await find('jiangjin.jiasi', 'listing')).toEqual({
      code: 'jiangjin.anweiban',
      name: expect.any(String),
    });
    expect(await find('jiangjin.jiasi.xinqiao', 'listing')).toMatchObject({ code: 'jiangjin.anweiban' });
    expect(await find(`ent:${JIASI_CREDIT_CODE}`, 'listing')).toMatchObject({ code: 'jiangjin.anweiban' });
  });

  it('signs off close-outs at the sector’s lead department, else the town', async () => {
    expect(await find(`ent:${JIASI_CREDIT_CODE}`, 'closeOut')).toMatchObject({
      code: 'jiangjin.dept.yingji',
    });
    expect(await find('jiangjin.jiasi.xinqiao', 'closeOut')).toMatchObject({ code: 'jiangjin.jiasi' });
    expect(
      await createDirectoryActivities(directoryDs).findAuthority({
        orgUnitCode: 'jiangjin.baisha',
        purpose: 'closeOut',
        sector: 'Construction',
      }),
    ).toMatchObject({ code: 'jiangjin.dept.zhujian' });
    expect(await find('no.such.unit', 'closeOut')).toBeNull();
  });
});
