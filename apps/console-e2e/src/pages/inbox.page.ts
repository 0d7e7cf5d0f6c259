import type { Locator, Page } from 'playwright-core';

export type InboxView = 'mine' | 'groups' | 'watched';

const TIMEOUT_MS = 30_000;
/** The search box sends its text after a 400 ms pause. */
const SEARCH_DEBOUNCE_MS = 600;

/** 我的待办: the tabs, the filter bar and the rows. */
export class InboxPage {
  constructor(
    readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  async open(view: InboxView): Promise<void> {
    await this.page.goto(`${this.baseUrl}/#/my-tasks`, { waitUntil: 'domcontentloaded' });
    await this.page.getByTestId(`inbox-tab-${view}`).click();
    await this.settle();
  }

  /** Narrows the inbox to a case by its reference (the search covers title and case reference). */
  async search(text: string): Promise<void> {
    await this.page.getByTestId('inbox-filter-q').fill(text);
    await this.page.waitForTimeout(SEARCH_DEBOUNCE_MS);
    await this.settle();
  }

  /** Waits until the inbox shows rows or its empty state, not the spinner. */
  async settle(): Promise<void> {
    await this.page.getByTestId('inbox-loading').waitFor({ state: 'hidden', timeout: TIMEOUT_MS });
    await this.rows()
      .first()
      .or(this.page.getByTestId('inbox-empty'))
      .or(this.page.getByTestId('inbox-error'))
      .first()
      .waitFor({ timeout: TIMEOUT_MS });
  }

  rows(): Locator {
    return this.page.getByTestId('inbox-row');
  }

  /** The row of a task of the given type (`hazard.reviewPlan`). */
  row(type: string): Locator {
    return this.page.locator(`[data-testid="inbox-row"][data-task-type="${type}"]`);
  }

  /**
   * Opens the task of `type` for `caseRef` from the given view. Workflows open tasks on their own
   * clock, so the page is reloaded (view and filters are kept) until the row appears.
   */
  async openTask(view: InboxView, caseRef: string, type: string, timeoutMs = 90_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    await this.open(view);
    await this.search(caseRef);
    for (;;) {
      const row = this.row(type).first();
      if (await row.isVisible()) {
        await row.getByTestId('inbox-row-title').click();
        await this.page.getByTestId('task-page').waitFor({ timeout: TIMEOUT_MS });
        return;
      }
      if (Date.now() > deadline) {
        throw new Error(`No ${type} task for ${caseRef} in the "${view}" inbox after ${timeoutMs} ms`);
      }
      await this.page.waitForTimeout(2_000);
      await this.page.reload({ waitUntil: 'domcontentloaded' });
      await this.settle();
    }
  }
}
