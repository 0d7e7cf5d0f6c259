import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ConsolePage } from './pages/console.page';
import { BASE_URL, launchBrowser, newContext, step } from './support/browser';

/**
 * Signs in through Keycloak as a town official of 贾嗣镇 and walks the console: app bar identity,
 * 我的待办, the enterprise register, and the switch to English. Needs the running stack
 * (gateway + Keycloak with the zhiben realm and seeded directory) at ZHIBEN_BASE_URL.
 */

jest.setTimeout(120_000);

// A town official of 贾嗣镇 (realm: given name 伟, family name 张; the console shows Chinese names family-first).
const OFFICIAL = { username: 'official.jiasi', password: 'zhiben123', name: '张伟', orgUnit: '贾嗣镇' };

describe('console: sign-in, inbox, enterprises, language', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let consolePage: ConsolePage;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  beforeEach(async () => {
    // A fresh context per test: no cookies, no Keycloak session, no stored language.
    context = await newContext(browser);
    page = await context.newPage();
    consolePage = new ConsolePage(page, BASE_URL);
  });

  afterEach(async () => {
    await context?.close();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('signs in through Keycloak and shows the inbox, the enterprises and the English UI', async () => {
    await step(page, 'open the console', async () => {
      await consolePage.open();
    });

    await step(page, 'log in on the Keycloak page', async () => {
      await consolePage.logInWithKeycloak(OFFICIAL.username, OFFICIAL.password);
      await consolePage.waitUntilSignedIn();
      expect(consolePage.isOnKeycloak()).toBe(false);
    });

    await step(page, 'see the user and org unit in the app bar', async () => {
      await consolePage.orgUnitChip().getByText(OFFICIAL.orgUnit).waitFor({ state: 'visible' });
      const badge = await consolePage.userBadge().innerText();
      expect(badge).toContain(OFFICIAL.name);
      expect(badge).toContain(OFFICIAL.orgUnit);
    });

    await step(page, 'open 我的待办 and see the inbox', async () => {
      await consolePage.openMenu('my-tasks');
      await consolePage.myTasks().waitFor({ state: 'visible' });
      expect(await consolePage.inboxTab('mine').innerText()).toContain('我的');
      expect(await consolePage.waitForInbox()).toBe('empty');
      expect(await consolePage.inboxEmptyState().innerText()).toContain('暂无待办任务');
    });

    await step(page, 'open 企业 and see at least one enterprise', async () => {
      await consolePage.openMenu('enterprises');
      await consolePage.enterpriseNames().first().waitFor({ state: 'visible', timeout: 30_000 });
      expect(await consolePage.enterpriseNames().count()).toBeGreaterThan(0);
    });

    await step(page, 'switch to English and see "My tasks"', async () => {
      await consolePage.switchLanguage('en');
      await consolePage.menuItem('my-tasks').getByText('My tasks').waitFor({ state: 'visible' });
      expect(await consolePage.menuItem('my-tasks').innerText()).toContain('My tasks');
    });
  });
});
