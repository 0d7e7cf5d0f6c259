import type { Locator, Page } from 'playwright-core';

/** 挂牌督办 board (`/listings`). */
export class ListingBoardPage {
  constructor(
    readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  async open(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/#/listings`, { waitUntil: 'domcontentloaded' });
    await this.page
      .getByTestId('listing-list')
      .or(this.page.getByText(/暂无|No /))
      .first()
      .waitFor();
  }

  row(caseRef: string): Locator {
    return this.page.getByTestId('listing-list').locator('tbody tr').filter({ hasText: caseRef });
  }

  async status(caseRef: string): Promise<string | null> {
    return this.row(caseRef).getByTestId('listing-status').getAttribute('data-status');
  }
}
