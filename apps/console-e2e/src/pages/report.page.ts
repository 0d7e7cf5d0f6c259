import type { Locator, Page } from 'playwright-core';

const TIMEOUT_MS = 30_000;

/** 填报月度调度表 (`/reports/:reportId`): the form's rows, the 系统预填 marks, signature and submit. */
export class ReportPage {
  constructor(readonly page: Page) {}

  root(): Locator {
    return this.page.getByTestId('report-page');
  }

  async waitLoaded(): Promise<void> {
    await this.root().waitFor({ timeout: TIMEOUT_MS });
    await this.rows().first().waitFor({ timeout: TIMEOUT_MS });
  }

  async status(): Promise<string | null> {
    return this.root().getAttribute('data-status');
  }

  rows(): Locator {
    return this.page.getByTestId('report-row');
  }

  row(id: string): Locator {
    return this.page.locator(`[data-testid="report-row"][data-row="${id}"]`);
  }

  value(id: string): Locator {
    return this.page.getByTestId(`report-value-${id}`);
  }

  /** Row ids in the form's order. */
  async rowIds(): Promise<string[]> {
    return this.rows().evaluateAll((rows) => rows.map((r) => r.getAttribute('data-row') ?? ''));
  }

  /** The rows the system pre-filled, with the figure each shows and its 系统预填 mark. */
  async prefilled(): Promise<{ id: string; value: string; mark: string }[]> {
    const rows = this.rows().filter({ has: this.page.getByTestId('report-prefilled') });
    const out: { id: string; value: string; mark: string }[] = [];
    for (const row of await rows.all()) {
      const id = (await row.getAttribute('data-row')) ?? '';
      const input = this.value(id);
      const value = (await input.count()) > 0 ? await input.inputValue() : '';
      out.push({ id, value, mark: await row.getByTestId('report-prefilled').innerText() });
    }
    return out;
  }

  /** Fills every row the system left empty: 0 for figures, 否 for yes/no rows. */
  async fillEmptyRows(): Promise<string[]> {
    const filled: string[] = [];
    for (const id of await this.rowIds()) {
      const input = this.value(id);
      if ((await input.count()) > 0) {
        if ((await input.inputValue()) === '') {
          await input.fill('0');
          filled.push(id);
        }
        continue;
      }
      const radios = this.row(id).locator('input[type="radio"]');
      if (
        (await radios.count()) > 0 &&
        (await this.row(id).locator('input[type="radio"]:checked').count()) === 0
      ) {
        await this.row(id).locator('input[type="radio"][value="false"]').check();
        filled.push(id);
      }
    }
    return filled;
  }

  async fill(id: string, value: string): Promise<void> {
    await this.value(id).fill(value);
  }

  async sign(name: string): Promise<void> {
    await this.page.getByTestId('report-signed-by').fill(name);
  }

  /** 提交: sends the report to the unit's leader; the page turns read-only (review). */
  async submit(): Promise<void> {
    await this.page.getByTestId('report-submit').click();
    await this.page
      .getByTestId('report-submit')
      .or(this.page.getByTestId('report-error'))
      .first()
      .waitFor({ timeout: TIMEOUT_MS });
    const deadline = Date.now() + TIMEOUT_MS;
    for (;;) {
      if (await this.page.getByTestId('report-error').isVisible()) {
        throw new Error(`The report was refused: ${await this.page.getByTestId('report-error').innerText()}`);
      }
      if ((await this.status()) !== 'open') return;
      if (Date.now() > deadline) throw new Error('The report is still open after 提交');
      await this.page.waitForTimeout(250);
    }
  }
}
