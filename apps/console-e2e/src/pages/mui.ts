import type { Locator, Page } from 'playwright-core';

const TIMEOUT_MS = 30_000;

/**
 * Picks `value` in a MUI select. `hiddenInput` is the select's native input (where react-admin puts the
 * field's `name` and the console its `data-testid`); the user clicks the combobox beside it and the
 * option in the menu, whose `data-value` is the option's value.
 */
export async function pickOption(page: Page, hiddenInput: Locator, value: string): Promise<void> {
  await hiddenInput.locator('xpath=..').getByRole('combobox').click();
  const option = page.locator(`[role="listbox"] [role="option"][data-value="${value}"]`);
  await option.click({ timeout: TIMEOUT_MS });
  await option.waitFor({ state: 'detached', timeout: TIMEOUT_MS });
}
