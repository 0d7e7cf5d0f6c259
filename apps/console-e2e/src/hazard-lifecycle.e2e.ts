import type { Browser } from 'playwright-core';
import { HazardPage } from './pages/hazard.page';
import { InboxPage } from './pages/inbox.page';
import { ListingBoardPage } from './pages/listing-board.page';
import { TaskPage } from './pages/task.page';
import { BASE_URL, launchBrowser, signIn, step, type Session } from './support/browser';
import { ZhibenApi, eventually, type HazardSummary } from './support/zhiben-api';

/**
 * Issue 3, "done when": a major hazard goes from registration to 销号 through the console.
 *
 * A demo enterprise (重庆贾嗣精工机械有限公司, enterprise.jiasi) registers a major hazard and submits its
 * rectification plan; the town (official.jiasi, 贾嗣镇) approves the plan in 我的待办; the deadline passes
 * and the case climbs the escalation ladder 函告 → 通报 → 约谈 → 曝光 → 挂牌督办 while the town and the
 * district office (admin.jj, 区安委办) act on each rung in their inboxes; the enterprise applies for
 * acceptance, the town passes it, the enterprise applies for delisting, the district office verifies and
 * delists, and the close-out authority approves 销号. Every step is done from 我的待办 in the browser and
 * checked on the hazard's timeline.
 *
 * Time is scaled: the lifecycle hazard is registered through the API by the sys-admin with
 * `clockMsPerDay` (a day passes in ZHIBEN_E2E_MS_PER_DAY ms), the only registration path that accepts it;
 * the registration form is exercised by the enterprise on a second, real-clock hazard.
 */

jest.setTimeout(20 * 60_000);

const MS_PER_DAY = Number(process.env.ZHIBEN_E2E_MS_PER_DAY ?? 2_000);
const ENTERPRISE = { username: 'enterprise.jiasi', creditCode: '91500116MA5U7KJ200' };
const TOWN_OFFICIAL = 'official.jiasi';
/** 区安委办: lists (挂牌督办) and escalates for the district. */
const DISTRICT_OFFICE = 'admin.jj';
/** 区应急管理局 leads the 工贸 sector (supervising department; reviews plans beside the town). */
const LEAD_DEPARTMENT = 'inspector.yingji';
/**
 * Who may sign off the close-out (销号): the directory names the authority (`findAuthority`, purpose
 * closeOut) — the sector's lead department when it resolves one, else the town. The test follows the
 * task to whichever inbox it lands in.
 */
const CLOSE_OUT_CANDIDATES = [LEAD_DEPARTMENT, TOWN_OFFICIAL];
const SYS_ADMIN = 'sysadmin';

/** Beijing civil date `days` from now (YYYY-MM-DD). */
const beijingDate = (days: number): string =>
  new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

/** `datetime-local` input value, Beijing time, `days` from now. */
const beijingLocalDateTime = (days: number): string =>
  new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 16);

describe('hazard lifecycle in the console: register, plan, escalate, list, accept, delist, close', () => {
  const api = new ZhibenApi();
  const stamp = Date.now().toString(36);
  let browser: Browser;
  const sessions = new Map<string, Session>();

  /** One browser context per person, signed in once and reused across the steps. */
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

  it('lets an enterprise register a major hazard through the form', async () => {
    const enterprise = await as(ENTERPRISE.username);
    const { page } = enterprise;
    const title = `E2E 登记表单 ${stamp}`;

    await step(page, 'open the register form from 隐患台账', async () => {
      await enterprise.console.openMenu('hazards');
      await page.getByTestId('hazard-register').click();
      await page.getByTestId('hazard-register-form').waitFor();
    });

    await step(page, 'a major hazard without a 判定标准 clause is refused on the client', async () => {
      const form = page.getByTestId('hazard-register-form');
      await form.locator('[name="title"]').fill(title);
      await form.locator('[name="description"]').fill('喷涂车间可燃气体报警器损坏未修复，调配间无有效监测。');
      await form.locator('[name="location"]').fill('二号厂房喷涂车间');
      await page.getByTestId('hazard-register-submit').click();
      await page.getByText('重大事故隐患须注明判定标准及条款').first().waitFor();
    });

    await step(page, 'pick the standard and clause and register', async () => {
      await page.getByTestId('hazard-standard-input').click();
      await page.getByRole('option', { name: /工贸企业重大事故隐患判定标准/ }).click();
      await page.getByTestId('hazard-clause-input').click();
      await page.getByRole('option', { name: /第三条（一）/ }).click();
      await page.getByTestId('hazard-register-submit').click();
      await page.getByTestId('hazard-show').waitFor();
      expect(await page.getByTestId('hazard-show-title').innerText()).toContain(title);
      expect(await page.getByTestId('hazard-grade').first().innerText()).toBe('重大事故隐患');
    });

    await step(page, 'the registration and the discovery report are on the timeline', async () => {
      const hazardPage = new HazardPage(page, BASE_URL);
      const id = page.url().match(/hazards\/([0-9a-f-]{36})\/show/)?.[1];
      expect(id).toBeDefined();
      await eventually('the registration on the timeline', async () => {
        await hazardPage.open(id!);
        const kinds = await hazardPage.timelineKinds();
        return kinds.includes('hazard.registered') ? kinds : undefined;
      });
      expect(await hazardPage.timelineText()).toContain(title);
    });
  });

  it('takes a scaled-clock major hazard from plan to 挂牌督办 to 销号', async () => {
    let hazard!: HazardSummary;

    await step(undefined, 'register the hazard through the API with a scaled clock', async () => {
      hazard = await api.registerHazard(SYS_ADMIN, {
        enterpriseCreditCode: ENTERPRISE.creditCode,
        source: 'SelfInspection',
        grade: 'major',
        title: `E2E 粉尘除尘系统未设置泄爆装置 ${stamp}`,
        description: '铝镁粉尘除尘系统未按规定设置泄爆装置，且未采取防止粉尘积聚措施。',
        location: '抛光车间除尘系统',
        standard: { catalogueId: 'gongmao-2023', clauseId: '3.1' },
        foundOn: beijingDate(0),
        principal: { name: '吴海波' },
        interimMeasures: '暂停抛光作业，每班清扫积尘。',
        clockMsPerDay: MS_PER_DAY,
      });
      expect(hazard.caseRef).toBeTruthy();
      expect(hazard.grade).toBe('major');
    });
    const { caseRef } = hazard;

    // ── the enterprise submits its plan ─────────────────────────────────────────────────────────
    const enterprise = await as(ENTERPRISE.username);
    await step(
      enterprise.page,
      'the enterprise finds 提交整改方案 in its inbox and fills in the plan',
      async () => {
        const inbox = new InboxPage(enterprise.page, BASE_URL);
        await inbox.openTask('groups', caseRef, 'hazard.submitPlan');
        const task = new TaskPage(enterprise.page);
        await task.followEnterpriseStep();
        const hazardPage = new HazardPage(enterprise.page, BASE_URL);
        await hazardPage.fillPlan({
          targets: '为除尘系统加装泄爆装置并消除粉尘积聚，达到《工贸企业重大事故隐患判定标准》要求。',
          measures: '1. 加装泄爆片及隔爆阀；2. 管道增设清灰口；3. 修订清扫制度，每班清扫。',
          fundsAndMaterials: '泄爆片 4 套、隔爆阀 2 台，经费已列入本年度安全生产费用。',
          fundsAmountYuan: '36000',
          organisationAndPeople: '设备部实施，安全科监督验收前自查。',
          responsiblePerson: '吴海波',
          // Tomorrow (Beijing): on the scaled clock the deadline passes seconds after approval.
          deadline: beijingDate(1),
          safetyMeasures: '整改期间停止抛光作业，除尘系统停机上锁挂牌。',
          emergencyPlan: '执行公司《粉尘爆炸专项应急预案》。',
          acceptor: '李建华',
        });
        await hazardPage.waitForStatus(hazard.id, 'plan_review');
        expect(await hazardPage.timelineKinds()).toContain('plan.submitted');
      },
    );

    // ── the town reviews it ──────────────────────────────────────────────────────────────────────
    const town = await as(TOWN_OFFICIAL);
    await step(
      town.page,
      'the town official opens 审核整改方案 and sees the plan beside the form',
      async () => {
        await new InboxPage(town.page, BASE_URL).openTask('groups', caseRef, 'hazard.reviewPlan');
        const task = new TaskPage(town.page);
        await task.plan().waitFor();
        expect(await task.plan().innerText()).toContain('李建华');
      },
    );

    await step(town.page, '退回 without an opinion is refused before it is sent', async () => {
      const task = new TaskPage(town.page);
      await task.chooseDecision('return');
      await task.submit();
      await task.commentHelper().filter({ hasText: '须填写审批意见' }).waitFor();
      expect(await task.status()).not.toBe('closed');
    });

    await step(town.page, 'the town approves the plan', async () => {
      await new TaskPage(town.page).decide('approve', '方案措施具体，经费落实，同意按期整改。');
      const hazardPage = new HazardPage(town.page, BASE_URL);
      await hazardPage.open(hazard.id);
      expect(await hazardPage.timelineKinds()).toContain('plan.approved');
    });

    // ── the deadline passes and the ladder climbs ────────────────────────────────────────────────
    await step(town.page, 'the deadline passes: the hazard is overdue', async () => {
      await eventually(
        'the overdue mark on the timeline',
        async () => {
          const events = await api.timeline(TOWN_OFFICIAL, hazard.id);
          return events.some((e) => e.type === 'rectification.overdue') ? events : undefined;
        },
        5 * 60_000,
      );
      const hazardPage = new HazardPage(town.page, BASE_URL);
      await hazardPage.open(hazard.id);
      expect(await hazardPage.timelineText()).toContain('逾期');
    });

    await step(town.page, '函告: the town sends the formal letter from its inbox', async () => {
      await new InboxPage(town.page, BASE_URL).openTask('groups', caseRef, 'hazard.issueLetter', 5 * 60_000);
      await new TaskPage(town.page).decide('done', '已向企业发出督促整改函。');
    });

    const office = await as(DISTRICT_OFFICE);
    for (const [type, opinion] of [
      ['hazard.circulate', '已在全区通报。'],
      ['hazard.summon', '已约谈企业主要负责人。'],
      ['hazard.expose', '已在区政府网站曝光。'],
    ] as const) {
      await step(office.page, `${type}: the district office acts on the rung`, async () => {
        await new InboxPage(office.page, BASE_URL).openTask('groups', caseRef, type, 5 * 60_000);
        await new TaskPage(office.page).decide('done', opinion);
      });
    }

    await step(
      office.page,
      '挂牌督办: the district office lists the hazard with a notice deadline',
      async () => {
        await new InboxPage(office.page, BASE_URL).openTask(
          'groups',
          caseRef,
          'listing.approveListing',
          5 * 60_000,
        );
        const task = new TaskPage(office.page);
        await task.caseContext().waitFor();
        await task.decide('approve', '同意挂牌督办，下达督办通知书。', {
          noticeDeadlineAt: beijingLocalDateTime(30),
        });
        const hazardPage = new HazardPage(office.page, BASE_URL);
        await hazardPage.waitForStatus(hazard.id, 'listed');
        const text = await hazardPage.timelineText();
        for (const rung of ['函告', '通报', '约谈', '曝光', '挂牌督办']) expect(text).toContain(rung);
      },
    );

    await step(office.page, 'the listing is on the 挂牌督办 board with its countdown', async () => {
      const board = new ListingBoardPage(office.page, BASE_URL);
      await board.open();
      await board.row(caseRef).waitFor();
      expect(await board.status(caseRef)).toBe('listed');
      await board.row(caseRef).getByTestId('listing-deadline').waitFor();
    });

    // ── rectified: acceptance, delisting, close-out ──────────────────────────────────────────────
    await step(enterprise.page, 'the enterprise applies for acceptance (双报告 #2)', async () => {
      const hazardPage = new HazardPage(enterprise.page, BASE_URL);
      await hazardPage.open(hazard.id);
      await hazardPage.applyForAcceptance('泄爆装置及隔爆阀已安装调试完毕，积尘已清理，制度已修订。');
      await hazardPage.waitForStatus(hazard.id, 'acceptance_review');
    });

    await step(town.page, 'the town passes the acceptance', async () => {
      await new InboxPage(town.page, BASE_URL).openTask('groups', caseRef, 'hazard.reviewAcceptance');
      await new TaskPage(town.page).decide('pass', '现场核验，整改到位，验收通过。');
    });

    await step(enterprise.page, 'the enterprise applies for delisting from its inbox', async () => {
      await new InboxPage(enterprise.page, BASE_URL).openTask('groups', caseRef, 'listing.applyDelisting');
      await new TaskPage(enterprise.page).decide('apply', '整改已验收通过，申请摘牌。');
    });

    await step(office.page, 'the district office verifies on site and delists', async () => {
      const inbox = new InboxPage(office.page, BASE_URL);
      await inbox.openTask('groups', caseRef, 'listing.delistingReview');
      await new TaskPage(office.page).decide('pass', '现场核查整改到位。');
      await inbox.openTask('groups', caseRef, 'listing.approveDelisting');
      await new TaskPage(office.page).decide('approve', '同意摘牌销号。');
      const board = new ListingBoardPage(office.page, BASE_URL);
      await eventually('the listing delisted on the board', async () => {
        await board.open();
        return (await board.status(caseRef)) === 'delisted' ? true : undefined;
      });
    });

    let closer = '';
    await step(undefined, 'the close-out (销号) review reaches its authority', async () => {
      closer = await eventually(
        'an approveCloseOut task in one of the close-out authorities’ inboxes',
        async () => {
          for (const username of CLOSE_OUT_CANDIDATES) {
            const tasks = await api.inbox(username, 'groups', caseRef);
            if (tasks.some((task) => task.type === 'hazard.approveCloseOut')) return username;
          }
          return undefined;
        },
        2 * 60_000,
      );
    });

    const authority = await as(closer);
    await step(authority.page, `the close-out authority (${closer}) approves 销号`, async () => {
      await new InboxPage(authority.page, BASE_URL).openTask('groups', caseRef, 'hazard.approveCloseOut');
      await new TaskPage(authority.page).decide('approve', '资料齐全，同意销号。');
      const hazardPage = new HazardPage(authority.page, BASE_URL);
      await hazardPage.waitForStatus(hazard.id, 'closed');
      const kinds = await hazardPage.timelineKinds();
      for (const kind of [
        'plan.submitted',
        'plan.approved',
        'rectification.overdue',
        'escalation.letter',
        'escalation.circular',
        'escalation.summons',
        'escalation.exposure',
        'escalation.listing',
        'listing.listed',
        'acceptance.applied',
        'acceptance.passed',
        'listing.delisted',
        'closeout.approved',
      ]) {
        expect(kinds).toContain(kind);
      }
      expect(await hazardPage.timelineText()).toContain('销号');
    });

    await step(town.page, 'nothing of the case is left open in the inboxes', async () => {
      for (const username of [TOWN_OFFICIAL, DISTRICT_OFFICE, LEAD_DEPARTMENT, ENTERPRISE.username]) {
        expect(await api.inbox(username, 'groups', caseRef)).toEqual([]);
        expect(await api.inbox(username, 'mine', caseRef)).toEqual([]);
      }
    });
  });
});
