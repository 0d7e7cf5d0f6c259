import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { pickOption } from './mui';

const TIMEOUT_MS = 30_000;

/** 月度调度 (`/dispatch`): pick a campaign and period, the aggregated table, drill-down, .xlsx. */
export class DispatchPage {
  constructor(readonly page: Page) {}

  async openFromMenu(): Promise<void> {
    await this.page.getByTestId('menu-dispatch').click();
    await this.page.getByTestId('dispatch-page').waitFor({ timeout: TIMEOUT_MS });
  }

  async pickCampaign(id: string): Promise<void> {
    await pickOption(this.page, this.page.getByTestId('dispatch-campaign'), id);
  }

  /** The period select (the latest is chosen when there is one). */
  async pickPeriod(occurrenceKey: string): Promise<void> {
    const select = this.page.getByTestId('dispatch-page').locator('input.MuiSelect-nativeInput').nth(1);
    if ((await select.inputValue()) === occurrenceKey) return;
    await pickOption(this.page, select, occurrenceKey);
  }

  async periods(): Promise<string> {
    return this.page.getByTestId('dispatch-page').locator('input.MuiSelect-nativeInput').nth(1).inputValue();
  }

  value(rowId: string): Locator {
    return this.page.getByTestId(`dispatch-value-${rowId}`);
  }

  async figure(rowId: string): Promise<string> {
    await this.value(rowId).waitFor({ timeout: TIMEOUT_MS });
    return (await this.value(rowId).innerText()).trim();
  }

  /** Opens a row's drill-down: each unit's own figure. */
  async drillDown(rowId: string): Promise<Locator> {
    await this.value(rowId).click();
    const dialog = this.page.getByTestId('dispatch-drilldown');
    await dialog.waitFor({ timeout: TIMEOUT_MS });
    return dialog;
  }

  contribution(dialog: Locator, unitCode: string): Locator {
    return dialog.locator(`[data-testid="dispatch-contribution"][data-unit="${unitCode}"]`);
  }

  async closeDrillDown(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await this.page.getByTestId('dispatch-drilldown').waitFor({ state: 'detached', timeout: TIMEOUT_MS });
  }

  /** Clicks 导出 Excel and returns the downloaded file's name and bytes. */
  async downloadXlsx(): Promise<{ name: string; bytes: Buffer }> {
    return this.download('dispatch-xlsx');
  }

  async downloadPdf(): Promise<{ name: string; bytes: Buffer }> {
    return this.download('dispatch-pdf');
  }

  private async download(testId: string): Promise<{ name: string; bytes: Buffer }> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download', { timeout: TIMEOUT_MS }),
      this.page.getByTestId(testId).click(),
    ]);
    const failure = await download.failure();
    if (failure) throw new Error(`The download failed: ${failure}`);
    const path = await download.path();
    return { name: download.suggestedFilename(), bytes: await readFile(path) };
  }
}
