import type { Locator, Page } from 'playwright-core';
import { pickOption } from './mui';

const TIMEOUT_MS = 30_000;

/** The plan as the test fills it in: dates YYYY-MM-DD, stages kept from the template's first ones. */
export interface CampaignPlanInput {
  titleZh: string;
  jurisdiction: string;
  start: string;
  end: string;
  /** New dates of the template's first stages; the template's later stages are removed. */
  stages: { start: string; end: string }[];
  /** The one report schedule kept (the template's first), turned into a one-off due date. */
  dueDate: string;
  /** Participating units: a search text for the tree and the unit's code. */
  participants: { search: string; code: string }[];
}

/** 专项行动: the list, 部署专项行动 (create from a template) and the campaign dashboard. */
export class CampaignPage {
  constructor(
    readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  /** Loads the campaign dashboard afresh. */
  async open(id: string): Promise<void> {
    await this.page.goto(`${this.baseUrl}/#/campaigns/${id}/show`, { waitUntil: 'domcontentloaded' });
    await this.page.reload({ waitUntil: 'domcontentloaded' });
    await this.page.getByTestId('campaign-show').waitFor({ timeout: TIMEOUT_MS });
  }

  async status(): Promise<string | null> {
    return this.page
      .getByTestId('campaign-show')
      .getByTestId('campaign-status')
      .first()
      .getAttribute('data-status');
  }

  /** Reloads the dashboard until the campaign's status is one of `statuses`. */
  async waitForStatus(id: string, statuses: string[], timeoutMs = 90_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      await this.open(id);
      const current = await this.status();
      if (current && statuses.includes(current)) return current;
      if (Date.now() > deadline)
        throw new Error(`Campaign status is ${current}, expected ${statuses.join('/')}`);
      await this.page.waitForTimeout(2_000);
    }
  }

  /** From the 专项行动 list: 新建 → the template picker. */
  async openCreate(): Promise<void> {
    await this.page.getByTestId('menu-campaigns').click();
    // Let the list settle first: an empty list swaps the toolbar for its own empty state (and 新建).
    await this.page
      .getByTestId('campaign-empty')
      .or(this.page.locator('.RaList-main tbody tr').first())
      .waitFor({ timeout: TIMEOUT_MS });
    await this.page.getByTestId('campaign-create').click();
    await this.page.getByTestId('campaign-create-page').waitFor({ timeout: TIMEOUT_MS });
  }

  /** Picks the template; the plan form appears prefilled from its latest version. */
  async pickTemplate(templateId: string): Promise<void> {
    await pickOption(this.page, this.page.getByTestId('campaign-template'), templateId);
    await this.form().waitFor({ timeout: TIMEOUT_MS });
  }

  form(): Locator {
    return this.page.getByTestId('campaign-form');
  }

  input(name: string): Locator {
    return this.page.getByTestId('campaign-create-page').locator(`input[name="${name}"]`);
  }

  /**
   * Removes item `index` of the list input `source`: react-admin shows an item's remove button while
   * the pointer is over the item (its class names name the list and the index).
   */
  private async removeItem(source: string, index: number): Promise<void> {
    const button = this.page.locator(`[class~="button-remove-${source}-${index}"]`);
    // Bring it to the middle of the screen (clear of the app bar) and point at it: the item is hovered,
    // the button shows, and the click lands on it.
    await button.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    const box = await button.boundingBox();
    if (!box) throw new Error(`No remove button for ${source}.${index}`);
    await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await button.click();
  }

  private addButton(source: string): Locator {
    return this.page.locator(`[class~="button-add-${source}"]`);
  }

  async fillPlan(plan: CampaignPlanInput): Promise<void> {
    const page = this.page;
    await pickOption(page, this.input('jurisdiction'), plan.jurisdiction);
    await this.input('titleZh').fill(plan.titleZh);
    await this.input('period.start').fill(plan.start);
    await this.input('period.end.date').fill(plan.end);

    // Stages: drop the template's later ones (last first, so the indexes hold), then move the dates.
    const stageCount = await page.locator('input[name^="stages."][name$=".key"]').count();
    for (let i = stageCount - 1; i >= plan.stages.length; i--) {
      await this.removeItem('stages', i);
      await this.input(`stages.${i}.key`).waitFor({ state: 'detached', timeout: TIMEOUT_MS });
    }
    for (const [i, stage] of plan.stages.entries()) {
      await this.input(`stages.${i}.start`).fill(stage.start);
      await this.input(`stages.${i}.end.date`).fill(stage.end);
    }

    // Report schedules: keep the first (the dispatch form), due once on `dueDate`.
    const scheduleCount = await page.locator('input[name^="reportSchedules."][name$=".id"]').count();
    for (let i = scheduleCount - 1; i >= 1; i--) {
      await this.removeItem('reportSchedules', i);
      await this.input(`reportSchedules.${i}.id`).waitFor({ state: 'detached', timeout: TIMEOUT_MS });
    }
    await pickOption(page, this.input('reportSchedules.0.timing.kind'), 'oneOff');
    await this.addButton('reportSchedules.0.timing.dates').click();
    await this.input('reportSchedules.0.timing.dates.0').fill(plan.dueDate);

    const participants = page.getByTestId('campaign-participants');
    for (const unit of plan.participants) {
      await participants.getByRole('textbox').first().fill(unit.search);
      await page.getByTestId(`participant-${unit.code}`).check();
    }
  }

  /** 保存: creates the campaign (a draft) and lands on its dashboard; returns its id. */
  async save(): Promise<string> {
    await this.page.getByTestId('campaign-create-page').locator('button[type="submit"]').click();
    await this.page.getByTestId('campaign-show').waitFor({ timeout: TIMEOUT_MS });
    const id = this.page.url().match(/#\/campaigns\/([^/?]+)\/show/)?.[1];
    if (!id) throw new Error(`No campaign id in ${this.page.url()}`);
    return decodeURIComponent(id);
  }

  /** 提交审批 with its confirmation. */
  async submitForApproval(): Promise<void> {
    await this.page.getByTestId('campaign-submit').click();
    await this.page.locator('.ra-confirm').click();
    await this.page.getByTestId('campaign-submit').waitFor({ state: 'detached', timeout: TIMEOUT_MS });
  }

  /** The report rows of the dashboard (who has reported). */
  reportRow(unitCode: string): Locator {
    return this.page.locator(`[data-testid="campaign-report-row"][data-unit="${unitCode}"]`);
  }
}
