import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ConsolePage } from '../pages/console.page';

export const BASE_URL = process.env.ZHIBEN_BASE_URL ?? 'http://localhost:3000';
export const DEMO_PASSWORD = 'zhiben123';
const RESULTS_DIR = join(process.cwd(), 'test-results');

export const launchBrowser = (): Promise<Browser> =>
  chromium.launch({
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

/** A fresh context: no cookies, no Keycloak session, no stored language. */
export const newContext = (browser: Browser): Promise<BrowserContext> =>
  browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 900 } });

/** One signed-in user in their own browser context (their own Keycloak session). */
export interface Session {
  username: string;
  context: BrowserContext;
  page: Page;
  console: ConsolePage;
}

export const signIn = async (browser: Browser, username: string): Promise<Session> => {
  const context = await newContext(browser);
  const page = await context.newPage();
  // A crash in the console (react-admin's error page) names its cause in the test output.
  page.on('pageerror', (error) =>
    process.stderr.write(`[${username}] page error: ${error.stack ?? error}\n`),
  );
  page.on('console', (message) => {
    if (message.type() === 'error') process.stderr.write(`[${username}] console error: ${message.text()}\n`);
  });
  const consolePage = new ConsolePage(page, BASE_URL);
  await consolePage.open();
  await consolePage.logInWithKeycloak(username, DEMO_PASSWORD);
  await consolePage.waitUntilSignedIn();
  return { username, context, page, console: consolePage };
};

/**
 * Runs one step of a scenario; on failure saves a screenshot named after the step and rethrows with
 * the step's name, so a red test says where it stopped and what the page looked like.
 */
export async function step(page: Page | undefined, name: string, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    await saveScreenshot(page, name);
    const message = error instanceof Error ? error.message : String(error);
    const where = page && !page.isClosed() ? ` at ${page.url()}` : '';
    throw new Error(`Step "${name}" failed${where}: ${message}`, { cause: error });
  }
}

export async function saveScreenshot(page: Page | undefined, name: string): Promise<string | null> {
  if (!page || page.isClosed()) return null;
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = join(
    RESULTS_DIR,
    `console-e2e-${name.replace(/[^\w\u4e00-\u9fff-]+/g, '_')}-${Date.now()}.png`,
  );
  try {
    await page.screenshot({ path: file, fullPage: true });
    process.stderr.write(`Screenshot saved: ${file}\n`);
    return file;
  } catch {
    // The page may be mid-navigation; a missing screenshot must not hide the real failure.
    return null;
  }
}
