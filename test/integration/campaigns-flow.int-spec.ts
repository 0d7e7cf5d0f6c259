import { campaignDraftFromTemplate, DISPATCH_FORM_2023, MAJOR_HAZARD_2023 } from '@zhiben/campaigns-domain';
import { campaignWorkflowId, formValueType, type FormValues } from '@zhiben/contracts';
import type { Client } from '@temporalio/client';
import ExcelJS from 'exceljs';
import { asUser, baseUrl, tokenFor } from '@zhiben/testing';
import { closeTemporal, completeOk, shanghaiDate, temporal, until, waitTask } from './hazard-support';
import { RUN_ID } from './support';

/**
 * Issue 4 end to end through the real services, the real workflows and the task inbox: the district
 * office creates the 2023 major-hazard campaign from its template (dates moved to today), the district
 * leader approves it in the inbox, the campaign workflow opens 贾嗣镇's dispatch report pre-filled from the
 * hazard ledger, the town fills in and submits it, the town leader signs it off in the inbox, and the
 * district sees the aggregated dispatch table (and its .xlsx) with 贾嗣镇's figures.
 */

const C = '/api/campaigns';
const JIASI = 'jiangjin.jiasi';
const JIASI_ENTERPRISE = '91500116MA5U7KJ200';

let client: Client;
beforeAll(async () => {
  client = await temporal();
});
afterAll(async () => closeTemporal());

/** The 2023 template's plan moved to start today: two stages, the dispatch form due in 3 days. */
function shiftedDraft() {
  const d = campaignDraftFromTemplate(MAJOR_HAZARD_2023, {
    jurisdiction: 'jiangjin',
    participants: [JIASI],
    titleZh: `调度流程集成测试 ${RUN_ID}`,
  });
  const monthly = (d.reportSchedules ?? []).find((s) => s.id === 'monthly-dispatch')!;
  return {
    ...d,
    period: { start: shanghaiDate(0), end: { kind: 'date' as const, date: shanghaiDate(30) } },
    stages: [
      { ...d.stages[0], start: shanghaiDate(0), end: { kind: 'date' as const, date: shanghaiDate(1) } },
      { ...d.stages[1], start: shanghaiDate(2), end: { kind: 'date' as const, date: shanghaiDate(30) } },
    ],
    reportSchedules: [{ ...monthly, timing: { kind: 'oneOff' as const, dates: [shanghaiDate(3)] } }],
  };
}

/** Every row of the form: the pre-filled figures kept, the rest 0 / 否. */
function completeValues(prefilled: Record<string, number>): FormValues {
  const out: FormValues = {};
  for (const r of DISPATCH_FORM_2023.rows) out[r.id] = formValueType(r.unit) === 'boolean' ? false : 0;
  return { ...out, ...prefilled, S1: 3 };
}

describe('campaign → approval → pre-filled report → submit → sign-off → aggregated table', () => {
  let campaignId: string;
  let reportId: string;
  let prefilled: Record<string, number>;

  it('a major hazard exists in 贾嗣镇 so the ledger has something to count', async () => {
    const res = await asUser('inspector.yingji', '/api/hazards/hazards', {
      method: 'POST',
      body: {
        enterpriseCreditCode: JIASI_ENTERPRISE,
        source: 'EnforcementInspection',
        grade: 'major',
        title: `调度预填测试隐患 ${RUN_ID}`,
        description: '除尘系统未按规定设置泄爆装置（调度预填测试）',
        location: '一号车间',
        standard: { catalogueId: 'gongmao-2023', clauseId: '3.1' },
        foundOn: shanghaiDate(0),
      },
    });
    expect(res.status === 201 ? '' : JSON.stringify(res.body)).toBe('');
  });

  it('the district office creates the campaign from the template and submits it', async () => {
    const created = await asUser('admin.jj', `${C}/campaigns`, { method: 'POST', body: shiftedDraft() });
    expect(created.status === 201 ? '' : JSON.stringify(created.body)).toBe('');
    campaignId = created.body.id;
    expect(created.body).toMatchObject({ templateId: 'major-hazard-2023', templateVersion: 1 });
    const submitted = await asUser('admin.jj', `${C}/campaigns/${campaignId}/submit`, {
      method: 'POST',
      body: {},
    });
    expect(submitted.status < 300 ? 'ok' : JSON.stringify(submitted.body)).toBe('ok');
    const d = await client.workflow.getHandle(campaignWorkflowId(campaignId)).describe();
    expect(d.status.name).toBe('RUNNING');
  });

  it('the district leader approves the plan in the inbox; the campaign is issued', async () => {
    const task = await waitTask('leader.jj', campaignId, 'campaign.approveCampaign', 60_000);
    await completeOk('leader.jj', task.id, 'approve', '同意印发');
    await until(
      'campaign running',
      async () => {
        const c = await asUser('admin.jj', `${C}/campaigns/${campaignId}`);
        return ['issued', 'running'].includes(c.body.status) ? c.body : undefined;
      },
      { timeoutMs: 60_000 },
    );
  });

  it('贾嗣镇 gets its dispatch report, pre-filled from the hazard ledger', async () => {
    const report = await until(
      '贾嗣镇 report row',
      async () => {
        const res = await asUser('official.jiasi', `${C}/campaigns/${campaignId}/reports`);
        return (res.body.data as { id: string; unitCode: string }[] | undefined)?.find(
          (r) => r.unitCode === JIASI,
        );
      },
      { timeoutMs: 60_000 },
    );
    reportId = report.id;
    const task = await waitTask('official.jiasi', reportId, 'campaignReport.fillReport', 60_000);
    expect(task.title).toContain('调度流程集成测试');
    const detail = await asUser('official.jiasi', `${C}/reports/${encodeURIComponent(reportId)}`);
    expect(detail.status === 200 ? '' : JSON.stringify(detail.body)).toBe('');
    prefilled = detail.body.prefilled as Record<string, number>;
    expect(prefilled).toBeTruthy();
    // At least the major hazard registered above is counted.
    expect(Object.values(prefilled).some((v) => v >= 1)).toBe(true);
  });

  it('another town cannot read or submit 贾嗣镇’s report', async () => {
    const res = await asUser('official.baisha', `${C}/reports/${encodeURIComponent(reportId)}`);
    expect([403, 404]).toContain(res.status);
  });

  it('the town submits; its leader signs it off in the inbox; the report is submitted', async () => {
    const values = completeValues(prefilled);
    const sub = await asUser('official.jiasi', `${C}/reports/${encodeURIComponent(reportId)}/submit`, {
      method: 'POST',
      body: {
        reportDate: shanghaiDate(0),
        values,
        prefilledRows: Object.keys(prefilled),
        signature: { signedBy: '贾嗣镇负责人', signedOn: shanghaiDate(0) },
      },
    });
    expect(sub.status < 300 ? 'ok' : JSON.stringify(sub.body)).toBe('ok');
    const sign = await waitTask('leader.jiasi', reportId, 'campaignReport.signReport', 60_000);
    await completeOk('leader.jiasi', sign.id, 'approve', '情况属实，同意报送');
    await until(
      'report submitted',
      async () => {
        const r = await asUser('official.jiasi', `${C}/reports/${encodeURIComponent(reportId)}`);
        return r.body.status === 'submitted' ? r.body : undefined;
      },
      { timeoutMs: 60_000 },
    );
  });

  it('the district sees the aggregated table with 贾嗣镇’s figures, and downloads the .xlsx', async () => {
    const report = (await asUser('admin.jj', `${C}/reports/${encodeURIComponent(reportId)}`)).body;
    const q = `occurrenceKey=${encodeURIComponent(report.occurrenceKey)}`;
    const table = await asUser('admin.jj', `${C}/campaigns/${campaignId}/dispatch?${q}`);
    expect(table.status === 200 ? '' : JSON.stringify(table.body)).toBe('');
    const text = JSON.stringify(table.body);
    expect(text).toContain(JIASI);
    // The district total carries 贾嗣镇's figures: the one it filled in (S1) and the ledger's pre-fill.
    const total = table.body.tree.total as Record<string, number>;
    expect(total['S1']).toBe(3);
    for (const [row, v] of Object.entries(prefilled)) expect(total[row]).toBe(v);

    const res = await fetch(`${baseUrl()}${C}/campaigns/${campaignId}/dispatch.xlsx?${q}`, {
      headers: { authorization: `Bearer ${await tokenFor('admin.jj')}` },
    });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const firstCells = wb.worksheets[0].getRow(1).values as unknown[];
    expect(JSON.stringify(firstCells)).toContain('调度表');
  });
});
