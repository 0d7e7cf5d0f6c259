import type { Browser } from 'playwright-core';
import { CampaignPage } from './pages/campaign.page';
import { DispatchPage } from './pages/dispatch.page';
import { InboxPage } from './pages/inbox.page';
import { ReportPage } from './pages/report.page';
import { TaskPage } from './pages/task.page';
import { BASE_URL, launchBrowser, signIn, step, type Session } from './support/browser';
import { ZhibenApi, eventually, type HazardSummary } from './support/zhiben-api';

/**
 * Issue 4, "done when": a campaign's monthly dispatch report from the template to the district's table.
 *
 * The district office (admin.jj, 区安委办) creates the 2023 重大事故隐患专项排查整治 campaign from its template
 * for 江津区 with 贾嗣镇 taking part — the plan moved to start today, two stages, the dispatch form due once
 * in three days — and submits it; the district leader (leader.jj) approves it in 我的待办; 贾嗣镇's official
 * finds the 填报 task, opens the report, sees the figures the system pre-filled from the hazard ledger
 * (系统预填), fills in the rest and submits; the town leader (leader.jiasi) signs it off (签发) in 我的待办; the
 * district office opens 月度调度, picks the campaign and period, finds 贾嗣镇's figures in the aggregated
 * table, drills down on a row and downloads the .xlsx and the PDF.
 *
 * Set-up that is not the point goes through the API: one major hazard found by self-inspection in a
 * 贾嗣镇 enterprise, so the ledger figure the report is pre-filled with is not zero.
 */

jest.setTimeout(10 * 60_000);

const TEMPLATE = 'major-hazard-2023';
const DISTRICT = 'jiangjin';
const TOWN = { code: 'jiangjin.jiasi', name: '贾嗣镇' };
const DISTRICT_OFFICE = 'admin.jj';
const DISTRICT_LEADER = 'leader.jj';
const TOWN_OFFICIAL = 'official.jiasi';
const TOWN_LEADER = 'leader.jiasi';
const SYS_ADMIN = 'sysadmin';
const ENTERPRISE_CREDIT_CODE = '91500116MA5U7KJ200';
/** A row the town fills in by hand (抽查检查的企业总数), checked in the district's table. */
const MANUAL_ROW = { id: 'S1', value: '3' };
/** 企业自查发现的重大事故隐患: pre-filled from the hazard ledger. */
const LEDGER_ROW = 'G1';

/** Beijing civil date `days` from now (YYYY-MM-DD). */
const beijingDate = (days: number): string =>
  new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

describe('campaign dispatch in the console: create, approve, pre-filled report, sign-off, district table', () => {
  const api = new ZhibenApi();
  const stamp = Date.now().toString(36);
  const title = `E2E 调度 ${stamp} 重大事故隐患专项排查整治`;
  let browser: Browser;
  const sessions = new Map<string, Session>();

  const as = async (username: string): Promise<Session> => {
    let session = sessions.get(username);
    if (!session) {
      session = await signIn(browser, username);
      sessions.set(username, session);
    }
    return session;
  };

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const session of sessions.values()) await session.context.close().catch(() => undefined);
    await browser?.close();
  });

  it('takes the 2023 campaign from its template to the district’s dispatch table and .xlsx', async () => {
    let hazard!: HazardSummary;
    await step(undefined, 'a major hazard found by self-inspection exists in 贾嗣镇', async () => {
      hazard = await api.registerHazard(SYS_ADMIN, {
        enterpriseCreditCode: ENTERPRISE_CREDIT_CODE,
        source: 'SelfInspection',
        grade: 'major',
        title: `E2E 调度预填隐患 ${stamp}`,
        description: '铝镁粉尘除尘系统未按规定设置泄爆装置（调度预填）。',
        location: '抛光车间除尘系统',
        standard: { catalogueId: 'gongmao-2023', clauseId: '3.1' },
        foundOn: beijingDate(0),
        principal: { name: '吴海波' },
        interimMeasures: '暂停抛光作业，每班清扫积尘。',
      });
      expect(hazard.town.code).toBe(TOWN.code);
    });

    // ── the district office creates the campaign from the template ──────────────────────────────
    const office = await as(DISTRICT_OFFICE);
    const campaignPage = new CampaignPage(office.page, BASE_URL);
    let campaignId = '';
    await step(office.page, 'admin.jj creates the 2023 campaign from its template', async () => {
      await campaignPage.openCreate();
      await campaignPage.pickTemplate(TEMPLATE);
      expect(await campaignPage.input('titleZh').inputValue()).toContain('重大事故隐患专项排查整治');
      await campaignPage.fillPlan({
        titleZh: title,
        jurisdiction: DISTRICT,
        start: beijingDate(0),
        end: beijingDate(30),
        stages: [
          { start: beijingDate(0), end: beijingDate(1) },
          { start: beijingDate(2), end: beijingDate(30) },
        ],
        dueDate: beijingDate(3),
        participants: [{ search: TOWN.name, code: TOWN.code }],
      });
      campaignId = await campaignPage.save();
      expect(await campaignPage.status()).toBe('draft');
    });

    await step(office.page, 'admin.jj submits the plan for approval', async () => {
      await campaignPage.submitForApproval();
      expect(await campaignPage.waitForStatus(campaignId, ['approval'])).toBe('approval');
    });

    // ── the district leader approves it ──────────────────────────────────────────────────────────
    const leader = await as(DISTRICT_LEADER);
    await step(leader.page, 'leader.jj approves the plan in 我的待办', async () => {
      await new InboxPage(leader.page, BASE_URL).openTask('groups', campaignId, 'campaign.approveCampaign');
      await new TaskPage(leader.page).decide('approve', '方案可行，同意印发实施。');
    });

    await step(office.page, 'the campaign is issued', async () => {
      await campaignPage.waitForStatus(campaignId, ['issued', 'running']);
    });

    // ── 贾嗣镇 fills in its report ─────────────────────────────────────────────────────────────────
    const town = await as(TOWN_OFFICIAL);
    const report = new ReportPage(town.page);
    let prefilledFigure = '';
    await step(town.page, 'official.jiasi opens the 填报 task and its report', async () => {
      await new InboxPage(town.page, BASE_URL).openTask('groups', stamp, 'campaignReport.fillReport');
      expect(await new TaskPage(town.page).title().innerText()).toContain(stamp);
      await town.page.getByTestId('task-fill-report').click();
      await report.waitLoaded();
      expect(await report.status()).toBe('open');
    });

    await step(town.page, 'the figures the system knows are pre-filled and marked 系统预填', async () => {
      const prefilled = await report.prefilled();
      expect(prefilled.length).toBeGreaterThan(0);
      for (const row of prefilled) expect(row.mark).toContain('系统预填');
      const ledger = prefilled.find((row) => row.id === LEDGER_ROW);
      expect(ledger).toBeDefined();
      prefilledFigure = ledger!.value;
      expect(Number(prefilledFigure)).toBeGreaterThanOrEqual(1);
    });

    await step(town.page, 'official.jiasi fills in the rest and submits', async () => {
      await report.fill(MANUAL_ROW.id, MANUAL_ROW.value);
      const filled = await report.fillEmptyRows();
      expect(filled.length).toBeGreaterThan(0);
      // The pre-filled figure is kept as the system gave it.
      expect(await report.value(LEDGER_ROW).inputValue()).toBe(prefilledFigure);
      await report.sign('贾嗣镇安办 王明');
      await report.submit();
      expect(await report.status()).toBe('review');
    });

    // ── the town leader signs it off ─────────────────────────────────────────────────────────────
    const townLeader = await as(TOWN_LEADER);
    await step(townLeader.page, 'leader.jiasi signs the report off (签发) in 我的待办', async () => {
      await new InboxPage(townLeader.page, BASE_URL).openTask('groups', stamp, 'campaignReport.signReport');
      await townLeader.page.getByTestId('task-view-report').waitFor();
      await new TaskPage(townLeader.page).decide('approve', '情况属实，同意报送。');
    });

    await step(town.page, 'the report is submitted', async () => {
      await eventually('the report submitted', async () => {
        await town.page.reload({ waitUntil: 'domcontentloaded' });
        await report.waitLoaded();
        return (await report.status()) === 'submitted' ? true : undefined;
      });
    });

    // ── the district's table ─────────────────────────────────────────────────────────────────────
    const dispatch = new DispatchPage(office.page);
    await step(office.page, 'admin.jj opens 月度调度 and picks the campaign and period', async () => {
      await dispatch.openFromMenu();
      await dispatch.pickCampaign(campaignId);
      const period = await eventually(
        'a period to pick',
        async () => (await dispatch.periods()) || undefined,
      );
      await dispatch.pickPeriod(period);
    });

    await step(office.page, '贾嗣镇’s figures are in the aggregated table', async () => {
      await eventually('贾嗣镇’s figures in the table', async () => {
        if ((await dispatch.figure(MANUAL_ROW.id)) === MANUAL_ROW.value) return true;
        await office.page.reload({ waitUntil: 'domcontentloaded' });
        return undefined;
      });
      expect(await dispatch.figure(LEDGER_ROW)).toBe(prefilledFigure);
      await office.page.getByTestId('dispatch-missing').waitFor({ state: 'detached' });
    });

    await step(office.page, 'the drill-down shows 贾嗣镇’s own figure and the counted hazard', async () => {
      const dialog = await dispatch.drillDown(LEDGER_ROW);
      const row = dispatch.contribution(dialog, TOWN.code);
      await row.waitFor();
      expect(await row.innerText()).toContain(TOWN.name);
      expect(await row.innerText()).toContain(prefilledFigure);
      await row.getByRole('button').click();
      const hazards = dialog.getByTestId('dispatch-hazards');
      await hazards.waitFor();
      expect(await hazards.innerText()).toContain(hazard.caseRef);
      await dispatch.closeDrillDown();
    });

    await step(office.page, 'the district downloads the table as .xlsx and PDF', async () => {
      const file = await dispatch.downloadXlsx();
      expect(file.name).toMatch(/\.xlsx$/);
      expect(file.bytes.length).toBeGreaterThan(2_000);
      expect(file.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
      const pdf = await dispatch.downloadPdf();
      expect(pdf.name).toMatch(/\.pdf$/);
      expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    });
  });
});
