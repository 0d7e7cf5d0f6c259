import { CAMPAIGNS_ENTITIES, CAMPAIGNS_SCHEMA, createCampaignsActivities } from '@zhiben/campaigns';
import { campaignDraftFromTemplate, DISPATCH_FORM_2023, MAJOR_HAZARD_2023 } from '@zhiben/campaigns-domain';
import { formValueType, type CampaignsPort, type FormValues } from '@zhiben/contracts';
import { createContextDataSource } from '@zhiben/db';
import { asUser, baseUrl, testConfig, tokenFor } from '@zhiben/testing';
import ExcelJS from 'exceljs';
import type { DataSource } from 'typeorm';
import { countRows, expectProblem, fieldError, RUN_ID } from './support';

/**
 * The campaigns API through the gateway against the real stack (issue 4): templates and versions,
 * campaigns created from a template with jurisdiction checks and the plan's 400s, report drafts and
 * submissions with the form's checks, the activities the workflows call (idempotent), and the aggregated
 * dispatch table (JSON and .xlsx) against a hand-computed fixture. The workflow-driven flow (submit →
 * workflow → report tasks) is tested with workflows/campaigns.
 */

const C = '/api/campaigns';
const JIASI = 'jiangjin.jiasi';
const BAISHA = 'jiangjin.baisha';
const YINGJI = 'jiangjin.dept.yingji';

let ds: DataSource;
let acts: CampaignsPort;

function draft(overrides: Record<string, unknown> = {}) {
  return {
    ...campaignDraftFromTemplate(MAJOR_HAZARD_2023, {
      jurisdiction: 'jiangjin',
      participants: [JIASI, BAISHA, YINGJI],
      titleZh: `集成测试行动 ${RUN_ID}`,
    }),
    ...overrides,
  };
}

/** Every row of the form filled in: counts 0, 是否 false, then the given figures. */
function complete(values: FormValues): FormValues {
  const out: FormValues = {};
  for (const r of DISPATCH_FORM_2023.rows) out[r.id] = formValueType(r.unit) === 'boolean' ? false : 0;
  return { ...out, ...values };
}

beforeAll(async () => {
  ds = await createContextDataSource({
    url: testConfig().DATABASE_URL,
    schema: CAMPAIGNS_SCHEMA,
    entities: CAMPAIGNS_ENTITIES,
    migrations: [],
  });
  acts = createCampaignsActivities(ds);
});
afterAll(async () => ds?.destroy());

describe('templates', () => {
  it('lists the seed templates with their versions', async () => {
    const res = await asUser('official.jiasi', `${C}/templates`);
    expect(res.status).toBe(200);
    expect(res.body.data.map((t: { id: string }) => t.id)).toEqual(
      expect.arrayContaining(['major-hazard-2023', 'big-inspection-2022', 'root-cause-3y']),
    );
    const one = await asUser('official.jiasi', `${C}/templates/major-hazard-2023?version=1`);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ id: 'major-hazard-2023', version: 1, source: 'shipped' });
    expect((await asUser('official.jiasi', `${C}/templates/no-such`)).status).toBe(404);
  });
});

describe('campaigns', () => {
  let id: string;

  it('admin.jj creates the 2023 campaign from its template for the district', async () => {
    const res = await asUser('admin.jj', `${C}/campaigns`, { method: 'POST', body: draft() });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      templateId: 'major-hazard-2023',
      templateVersion: 1,
      status: 'draft',
      jurisdiction: { code: 'jiangjin' },
      issuingUnitCode: 'jiangjin.anweiban',
    });
    id = res.body.id;
    // Scoped reads: the town sees the district campaign, the list includes it.
    expect((await asUser('official.jiasi', `${C}/campaigns/${id}`)).status).toBe(200);
    const list = await asUser('admin.jiasi', `${C}/campaigns?perPage=200`);
    expect(list.body.data.map((c: { id: string }) => c.id)).toContain(id);
    const timeline = await asUser('admin.jj', `${C}/campaigns/${id}/timeline`);
    expect(timeline.body.data[0].type).toBe('campaign.created');
  });

  it('refuses another town’s admin: 403 for the district and for 白沙镇’s campaign', async () => {
    const res = await asUser('admin.jiasi', `${C}/campaigns`, { method: 'POST', body: draft() });
    expectProblem(res, 403, 'OUT_OF_JURISDICTION');
    const baisha = await asUser('admin.jj', `${C}/campaigns`, {
      method: 'POST',
      body: draft({ jurisdiction: BAISHA, participants: [{ orgUnitCode: 'jiangjin.baisha.binjiang' }] }),
    });
    expect(baisha.status).toBe(201);
    expectProblem(
      await asUser('admin.jiasi', `${C}/campaigns/${baisha.body.id}`),
      403,
      'OUT_OF_JURISDICTION',
    );
    const list = await asUser('admin.jiasi', `${C}/campaigns?perPage=200`);
    expect(list.body.data.map((c: { id: string }) => c.id)).not.toContain(baisha.body.id);
    // Nor may it edit the district's campaign.
    expectProblem(
      await asUser('admin.jiasi', `${C}/campaigns/${id}`, {
        method: 'PATCH',
        body: { version: 1, titleZh: 'x' },
      }),
      403,
      'FORBIDDEN',
    );
  });

  it('rejects bad plans with bilingual field errors', async () => {
    const stages = MAJOR_HAZARD_2023.stages.map((s) => ({ ...s }));
    const endsBeforeStart = [
      { ...stages[0], end: { kind: 'date', date: '2023-05-01' }, start: '2023-05-10' },
      ...stages.slice(1),
    ];
    let p = expectProblem(
      await asUser('admin.jj', `${C}/campaigns`, {
        method: 'POST',
        body: draft({ stages: endsBeforeStart }),
      }),
      400,
      'VALIDATION_FAILED',
    );
    expect(fieldError(p, 'stages.0.end.date').messageZh).toContain('早于开始日期');

    const overlapping = [
      stages[0],
      { ...stages[1], start: (stages[0].end as { date: string }).date },
      ...stages.slice(2),
    ];
    p = expectProblem(
      await asUser('admin.jj', `${C}/campaigns`, { method: 'POST', body: draft({ stages: overlapping }) }),
      400,
      'VALIDATION_FAILED',
    );
    expect(fieldError(p, 'stages.1.start').messageEn).toMatch(/overlaps/);

    const schedules = MAJOR_HAZARD_2023.reportSchedules.map((s) =>
      s.timing.kind === 'monthly' ? { ...s, timing: { ...s.timing, dueDay: 31 } } : s,
    );
    const i = schedules.findIndex((s) => s.timing.kind === 'monthly');
    p = expectProblem(
      await asUser('admin.jj', `${C}/campaigns`, {
        method: 'POST',
        body: draft({ reportSchedules: schedules }),
      }),
      400,
      'VALIDATION_FAILED',
    );
    expect(fieldError(p, `reportSchedules.${i}.timing.dueDay`).messageZh).toContain('2月');

    p = expectProblem(
      await asUser('admin.jj', `${C}/campaigns`, {
        method: 'POST',
        body: draft({ participants: [{ orgUnitCode: 'jiangjin.no-such-town' }] }),
      }),
      400,
      'UNKNOWN_ORG_UNIT',
    );
    fieldError(p, 'participants.0.orgUnitCode');
  });

  it('edits a draft with an optimistic version; a stale version is 409', async () => {
    const ok = await asUser('admin.jj', `${C}/campaigns/${id}`, {
      method: 'PATCH',
      body: { version: 1, titleZh: `集成测试行动（修订）${RUN_ID}` },
    });
    expect(ok.status).toBe(200);
    expect(ok.body.version).toBe(2);
    expectProblem(
      await asUser('admin.jj', `${C}/campaigns/${id}`, {
        method: 'PATCH',
        body: { version: 1, titleZh: 'x' },
      }),
      409,
      'STALE_VERSION',
    );
  });

  it('an edited template is a new version; the campaign keeps its version until an admin migrates it', async () => {
    const current = await asUser('admin.jj', `${C}/templates/major-hazard-2023`);
    const next = current.body.version + 1;
    const { source: _s, versions: _v, ...body } = current.body;
    const saved = await asUser('admin.jj', `${C}/templates/major-hazard-2023/versions`, {
      method: 'POST',
      body: { ...body, version: next, titleZh: `${MAJOR_HAZARD_2023.titleZh}（修订）` },
    });
    expect(saved.status).toBe(201);
    expect(saved.body).toMatchObject({ version: next, source: 'saved' });
    // Saving the same number again is refused; version 1 is unchanged.
    expectProblem(
      await asUser('admin.jj', `${C}/templates/major-hazard-2023/versions`, {
        method: 'POST',
        body: { ...body, version: next },
      }),
      409,
      'STALE_VERSION',
    );
    expect((await asUser('admin.jj', `${C}/templates/major-hazard-2023?version=1`)).body.titleZh).toBe(
      MAJOR_HAZARD_2023.titleZh,
    );
    expectProblem(
      await asUser('official.jiasi', `${C}/templates/major-hazard-2023/versions`, { method: 'POST', body }),
      403,
      'FORBIDDEN',
    );
    const campaign = await asUser('admin.jj', `${C}/campaigns/${id}`);
    expect(campaign.body.templateVersion).toBe(1);
    const migrated = await asUser('admin.jj', `${C}/campaigns/${id}/migrate`, {
      method: 'POST',
      body: { toVersion: next, version: campaign.body.version },
    });
    expect(migrated.status).toBe(201);
    expect(migrated.body.templateVersion).toBe(next);
    const timeline = await asUser('admin.jj', `${C}/campaigns/${id}/timeline`);
    expect(timeline.body.data.map((e: { type: string }) => e.type)).toContain('campaign.templateMigrated');
  });
});

describe('reports, activities and the dispatch table', () => {
  let campaignId: string;
  const occ = '2023-06';
  const rid = (unit: string) => `it-${RUN_ID}-${occ}-${unit}`;
  const schedule = MAJOR_HAZARD_2023.reportSchedules.find((s) => s.report.kind === 'dispatchForm')!;

  beforeAll(async () => {
    const res = await asUser('admin.jj', `${C}/campaigns`, {
      method: 'POST',
      body: draft({ titleZh: `调度表测试 ${RUN_ID}` }),
    });
    expect(res.status).toBe(201);
    campaignId = res.body.id;
  });

  it('openReport and setReportStatus are idempotent by reportId / eventKey', async () => {
    for (const unit of [JIASI, BAISHA, YINGJI]) {
      const input = {
        reportId: rid(unit),
        campaignId,
        scheduleKey: schedule.id,
        occurrenceKey: occ,
        unitCode: unit,
        dueAt: '2023-06-25T15:59:59.999Z',
        prefilled: unit === JIASI ? { G1: 4, G2: 1, G3: 0, G4: 0, G5: 1, G6: 0, NOT_A_ROW: 9 } : null,
      };
      await acts.openReport(input);
      await acts.openReport(input);
    }
    expect(await countRows('campaigns.campaign_reports', 'campaign_id = $1', [campaignId])).toBe(3);
    expect(
      await countRows('campaigns.campaign_events', "campaign_id = $1 AND type = 'report.opened'", [
        campaignId,
      ]),
    ).toBe(3);
    await acts.setCampaignStatus({
      campaignId,
      status: 'running',
      eventKey: `it:${campaignId}:running`,
      currentStageKey: 'x',
    });
    await acts.setCampaignStatus({
      campaignId,
      status: 'approval',
      eventKey: `it:${campaignId}:late-approval`,
    });
    await acts.setCampaignStatus({ campaignId, status: 'running', eventKey: `it:${campaignId}:running` });
    const c = await asUser('admin.jj', `${C}/campaigns/${campaignId}`);
    expect(c.body.status).toBe('running'); // the late `approval` never moved it back
    expect(
      await countRows('campaigns.campaign_events', "campaign_id = $1 AND type = 'campaign.status'", [
        campaignId,
      ]),
    ).toBe(2);
  });

  it('marks pre-filled figures, checks drafts and submissions, and keeps other units out', async () => {
    const r = await asUser('official.jiasi', `${C}/reports/${rid(JIASI)}`);
    expect(r.status).toBe(200);
    expect(r.body.values).toEqual({ G1: 4, G2: 1, G3: 0, G4: 0, G5: 1, G6: 0 });
    expect(r.body.rows.find((x: { id: string }) => x.id === 'G1')).toMatchObject({
      value: 4,
      prefilled: true,
    });
    expect(r.body.rows.find((x: { id: string }) => x.id === 'S1')).toMatchObject({
      value: null,
      prefilled: false,
    });
    expectProblem(await asUser('official.baisha', `${C}/reports/${rid(JIASI)}`), 403, 'OUT_OF_JURISDICTION');
    expect((await asUser('admin.jj', `${C}/reports/${rid(JIASI)}`)).status).toBe(200);

    let p = expectProblem(
      await asUser('official.jiasi', `${C}/reports/${rid(JIASI)}/values`, {
        method: 'PUT',
        body: { values: { G1: -1 } },
      }),
      400,
      'VALIDATION_FAILED',
    );
    expect(fieldError(p, 'values.G1').messageZh).toContain('不能为负数');
    p = expectProblem(
      await asUser('official.jiasi', `${C}/reports/${rid(JIASI)}/values`, {
        method: 'PUT',
        body: { values: { G1: 2, G2: 3 } },
      }),
      400,
      'VALIDATION_FAILED',
    );
    expect(fieldError(p, 'values.G2').messageEn).toMatch(/must not exceed/);
    expectProblem(
      await asUser('official.baisha', `${C}/reports/${rid(JIASI)}/values`, {
        method: 'PUT',
        body: { values: {} },
      }),
      403,
      'OUT_OF_JURISDICTION',
    );
    const saved = await asUser('official.jiasi', `${C}/reports/${rid(JIASI)}/values`, {
      method: 'PUT',
      body: { values: { G1: 4, G2: 1, S1: 7 }, prefilledRows: ['G1', 'G2'] },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.rows.find((x: { id: string }) => x.id === 'S1').value).toBe(7);

    // Submission needs every row and the signature.
    p = expectProblem(
      await asUser('official.jiasi', `${C}/reports/${rid(JIASI)}/submit`, {
        method: 'POST',
        body: { reportDate: '2023-06-24', values: { G1: 4 } },
      }),
      400,
      'VALIDATION_FAILED',
    );
    fieldError(p, 'values.S1');
    fieldError(p, 'signature');
    // A complete, valid submission goes to the report's workflow, which does not exist here.
    const sub = await asUser('official.jiasi', `${C}/reports/${rid(JIASI)}/submit`, {
      method: 'POST',
      body: {
        reportDate: '2023-06-24',
        values: complete({ G1: 4, G2: 1 }),
        signature: { signedBy: '贾嗣镇负责人', signedOn: '2023-06-24' },
      },
    });
    expectProblem(sub, 409, 'CONFLICT');
  });

  it('aggregates submitted reports exactly like the hand-computed fixture, and exports .xlsx', async () => {
    const fixture: Record<string, [string, FormValues]> = {
      [JIASI]: [
        'official.jiasi',
        complete({ G1: 4, G2: 1, G5: 1, S1: 7, S2: 2, E3a: 3, E3b: 1.25, L6: true }),
      ],
      [BAISHA]: ['official.baisha', complete({ G1: 2, G2: 2, S1: 5, S2: 1, E3a: 1, E3b: 0.5, L6: false })],
      [YINGJI]: ['inspector.yingji', complete({ G3: 6, G4: 3, E3a: 10, E3b: 12.3456, L6: true })],
    };
    for (const [unit, [user, values]] of Object.entries(fixture)) {
      const res = await asUser(user, `${C}/reports/${rid(unit)}/values`, { method: 'PUT', body: { values } });
      expect(res.status).toBe(200);
      await acts.setReportStatus({
        reportId: rid(unit),
        status: 'submitted',
        eventKey: `it:${rid(unit)}:submitted`,
      });
      await acts.setReportStatus({
        reportId: rid(unit),
        status: 'submitted',
        eventKey: `it:${rid(unit)}:submitted`,
      });
    }
    // A late `open` never reopens a submitted report.
    await acts.setReportStatus({
      reportId: rid(BAISHA),
      status: 'open',
      eventKey: `it:${rid(BAISHA)}:reopen`,
    });

    const res = await asUser('admin.jj', `${C}/campaigns/${campaignId}/dispatch?occurrenceKey=${occ}`);
    expect(res.status).toBe(200);
    const t = res.body.tree.total;
    expect({
      G1: t.G1,
      G2: t.G2,
      G3: t.G3,
      G4: t.G4,
      G5: t.G5,
      S1: t.S1,
      S2: t.S2,
      E3a: t.E3a,
      E3b: t.E3b,
      L6: t.L6,
    }).toEqual({
      G1: 6,
      G2: 3,
      G3: 6,
      G4: 3,
      G5: 1,
      S1: 12,
      S2: 3,
      E3a: 14,
      E3b: 14.0956,
      L6: 2,
    });
    expect(res.body.tree.reportingUnits).toBe(3);
    expect(res.body.tree.missing).toEqual([]);
    expect(res.body.contributions.G1).toEqual(
      expect.arrayContaining([
        { unitCode: JIASI, value: 4 },
        { unitCode: BAISHA, value: 2 },
      ]),
    );
    expect(res.body.drillDown.G1.find((x: { unitCode: string }) => x.unitCode === JIASI).hazards).toContain(
      'townCode=jiangjin.jiasi',
    );
    const reports = await asUser('admin.jj', `${C}/campaigns/${campaignId}/reports?occurrenceKey=${occ}`);
    expect(reports.body.summary.reported).toBe(3);

    // The town sees its own subtree only; another subtree is 403.
    const town = await asUser(
      'admin.jiasi',
      `${C}/campaigns/${campaignId}/dispatch?occurrenceKey=${occ}&unit=${JIASI}`,
    );
    expect(town.status).toBe(200);
    expect(town.body.tree.total.G1).toBe(4);
    expectProblem(
      await asUser('admin.jiasi', `${C}/campaigns/${campaignId}/dispatch?occurrenceKey=${occ}&unit=jiangjin`),
      403,
      'OUT_OF_JURISDICTION',
    );

    const xlsx = await fetch(`${baseUrl()}${C}/campaigns/${campaignId}/dispatch.xlsx?occurrenceKey=${occ}`, {
      headers: { authorization: `Bearer ${await tokenFor('admin.jj')}` },
    });
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toMatch(/spreadsheetml/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await xlsx.arrayBuffer()) as never);
    expect(wb.getWorksheet('调度表')!.getCell('A1').value).toBe(DISPATCH_FORM_2023.titleZh);
    const data = wb.getWorksheet('数据')!;
    const g1 = data.getRows(1, data.rowCount)!.find((r) => r.getCell(1).value === 'G1')!;
    expect(g1.getCell(5).value).toBe(6);

    const pdf = await fetch(`${baseUrl()}${C}/campaigns/${campaignId}/dispatch.pdf?occurrenceKey=${occ}`, {
      headers: { authorization: `Bearer ${await tokenFor('admin.jj')}` },
    });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toMatch(/filename\*=UTF-8''.*\.pdf$/);
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.length).toBeGreaterThan(10_000); // the embedded CJK font subset alone is larger
    // Same jurisdiction check as the JSON table.
    expectProblem(
      await asUser(
        'admin.jiasi',
        `${C}/campaigns/${campaignId}/dispatch.pdf?occurrenceKey=${occ}&unit=jiangjin`,
      ),
      403,
      'OUT_OF_JURISDICTION',
    );
  });
});
