import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ConsolePage } from './pages/console.page';

/**
 * Signs in through Keycloak as a town official of 贾嗣镇 and walks the console: app bar identity,
 * 我的待办, the enterprise register, and the switch to English. Needs the running stack
 * (gateway + Keycloak with the zhiben realm and seeded directory) at ZHIBEN_BASE_URL.
 */

jest.setTimeout(120_000);

const BASE_URL = process.env.ZHIBEN_BASE_URL ?? 'http://localhost:3000';
const RESULTS_DIR = join(process.cwd(), 'test-results');
// A town official of 贾嗣镇 (realm: given name 伟, family name 张; the console shows Chinese names family-first).
const OFFICIAL = { username: 'official.jiasi', password: 'zhiben123', name: '张伟', orgUnit: '贾嗣镇' };

describe('console: sign-in, inbox, enterprises, language', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let consolePage: ConsolePage;

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
        '--disable-quic',
      ],
    });
  });

  beforeEach(async () => {
    // A fresh context per test: no cookies, no Keycloak session, no stored language.
    context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 900 } });
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

/**
 * Runs one step of the scenario; on failure saves a screenshot named after the step and rethrows with
 * the step's name, so a red test says where it stopped and what the page looked like.
 */
async function step(page: Page, name: string, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    await saveScreenshot(page, name);
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`Step "${name}" failed at ${page.url()}: ${message}`, { cause: error });
  }
}

async function saveScreenshot(page: Page | undefined, name: string): Promise<void> {
  if (!page || page.isClosed()) return;
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = join(
    RESULTS_DIR,
    `console-e2e-${name.replace(/[^\w\u4e00-\u9fff-]+/g, '_')}-${Date.now()}.png`,
  );
  try {
    await page.screenshot({ path: file, fullPage: true });
    process.stderr.write(`Screenshot saved: ${file}\n`);
  } catch {
    // The page may be mid-navigation; a missing screenshot must not hide the real failure.
  }
}
