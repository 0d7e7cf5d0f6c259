import type { Locator, Page } from 'playwright-core';

export type MenuEntry =
  'dashboard' | 'my-tasks' | 'hazards' | 'listings' | 'campaigns' | 'dispatch' | 'org-units' | 'enterprises';
export type ConsoleLanguage = 'zh-CN' | 'en';

/** Generous for the first paint after a Keycloak round trip on a cold stack. */
const NAVIGATION_TIMEOUT_MS = 30_000;

/**
 * Page object for the Zhiben console. Tests talk in user terms (log in, open a menu entry, switch
 * language); the selectors live here, on the `data-testid`s and Keycloak's login form ids.
 */
export class ConsolePage {
  constructor(
    readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  async open(): Promise<void> {
    await this.page.goto(this.baseUrl, { waitUntil: 'domcontentloaded' });
  }

  /** Opens a console route (`/hazards/…`) in the signed-in session. */
  async goto(route: string): Promise<void> {
    await this.page.goto(`${this.baseUrl}/#${route}`, { waitUntil: 'domcontentloaded' });
  }

  /** Keycloak's standard login form; the console redirects there when nobody is signed in. */
  async logInWithKeycloak(username: string, password: string): Promise<void> {
    const usernameInput = this.page.locator('#username');
    await usernameInput.waitFor({ state: 'visible', timeout: NAVIGATION_TIMEOUT_MS });
    await usernameInput.fill(username);
    await this.page.locator('#password').fill(password);
    await this.page.locator('#kc-login').click();
  }

  /**
   * Waits for the console's app bar after the login form was sent. If Keycloak answers with its form
   * again (wrong password, or a brute-force lockout of the demo user), fails with Keycloak's own words.
   */
  async waitUntilSignedIn(): Promise<void> {
    const keycloakError = this.page.locator('.kc-feedback-text, #input-error, [id^="input-error-"]').first();
    await this.userBadge()
      .or(keycloakError)
      .first()
      .waitFor({ state: 'visible', timeout: NAVIGATION_TIMEOUT_MS });
    if (!(await this.userBadge().isVisible())) {
      throw new Error(`Keycloak refused the login: ${(await keycloakError.innerText()).trim()}`);
    }
  }

  isOnKeycloak(): boolean {
    return new URL(this.page.url()).pathname.includes('/protocol/openid-connect/');
  }

  userBadge(): Locator {
    return this.page.getByTestId('app-bar-user');
  }

  orgUnitChip(): Locator {
    return this.page.getByTestId('app-bar-org-unit');
  }

  menuItem(entry: MenuEntry): Locator {
    return this.page.getByTestId(`menu-${entry}`);
  }

  async openMenu(entry: MenuEntry): Promise<void> {
    await this.menuItem(entry).click();
  }

  myTasks(): Locator {
    return this.page.getByTestId('my-tasks');
  }

  inboxTab(view: 'mine' | 'groups' | 'watched'): Locator {
    return this.page.getByTestId(`inbox-tab-${view}`);
  }

  inboxEmptyState(): Locator {
    return this.page.getByTestId('inbox-empty');
  }

  inboxRows(): Locator {
    return this.page.getByTestId('inbox-row');
  }

  enterpriseNames(): Locator {
    return this.page.getByTestId('enterprise-list').getByTestId('enterprise-name');
  }

  async switchLanguage(language: ConsoleLanguage): Promise<void> {
    await this.page.getByTestId(`language-${language}`).click();
  }

  /** Waits for the inbox to settle: either rows or the empty state, not the spinner. */
  async waitForInbox(): Promise<'rows' | 'empty'> {
    const rows = this.inboxRows().first();
    const empty = this.inboxEmptyState();
    await rows.or(empty).waitFor({ state: 'visible', timeout: NAVIGATION_TIMEOUT_MS });
    return (await empty.isVisible()) ? 'empty' : 'rows';
  }
}
