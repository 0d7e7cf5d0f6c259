import type { Locator, Page } from 'playwright-core';

const TIMEOUT_MS = 30_000;

/** The six items of the plan and the acceptor, as the plan form names its inputs. */
export interface PlanInput {
  targets: string;
  measures: string;
  fundsAndMaterials: string;
  fundsAmountYuan?: string;
  organisationAndPeople: string;
  responsiblePerson: string;
  /** YYYY-MM-DD */
  deadline: string;
  safetyMeasures: string;
  emergencyPlan: string;
  acceptor: string;
}

/** 隐患详情 (`/hazards/:id/show`) and the forms reached from it. */
export class HazardPage {
  constructor(
    readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  /** Loads the page afresh (a hash change alone would show what the app already had in its cache). */
  async open(id: string): Promise<void> {
    await this.page.goto(`${this.baseUrl}/#/hazards/${id}/show`, { waitUntil: 'domcontentloaded' });
    await this.page.reload({ waitUntil: 'domcontentloaded' });
    await this.page.getByTestId('hazard-show').waitFor({ timeout: TIMEOUT_MS });
  }

  title(): Locator {
    return this.page.getByTestId('hazard-show-title');
  }

  async status(): Promise<string | null> {
    return this.page.getByTestId('hazard-header').getByTestId('hazard-status').getAttribute('data-status');
  }

  /** Reloads until the ledger shows `status` (the workflow publishes it on its own clock). */
  async waitForStatus(id: string, status: string, timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      await this.open(id);
      const current = await this.status();
      if (current === status) return;
      if (Date.now() > deadline) throw new Error(`Hazard status is ${current}, expected ${status}`);
      await this.page.waitForTimeout(2_000);
    }
  }

  timeline(): Locator {
    return this.page.getByTestId('hazard-timeline');
  }

  /** Event types on the timeline as shown (newest first). */
  async timelineKinds(): Promise<string[]> {
    await this.timeline().waitFor({ timeout: TIMEOUT_MS });
    return this.timeline()
      .getByTestId('hazard-timeline-item')
      .evaluateAll((items) => items.map((item) => item.getAttribute('data-kind') ?? ''));
  }

  async timelineText(): Promise<string> {
    await this.timeline().waitFor({ timeout: TIMEOUT_MS });
    return this.timeline().innerText();
  }

  async openTab(tab: 'ledger' | 'plan' | 'progress' | 'evidence' | 'dualReports' | 'listing'): Promise<void> {
    await this.page.getByTestId(`hazard-tab-${tab}`).click();
  }

  /** 提交整改方案: fills the plan form (six items + acceptor) and submits it. */
  async submitPlan(plan: PlanInput): Promise<void> {
    await this.page.getByTestId('hazard-submit-plan').click();
    await this.fillPlan(plan);
  }

  async fillPlan(plan: PlanInput): Promise<void> {
    const form = this.page.getByTestId('plan-form-page');
    await form.waitFor({ timeout: TIMEOUT_MS });
    const fill = (name: string, value: string | undefined) =>
      value === undefined ? Promise.resolve() : form.locator(`[name="${name}"]`).fill(value);
    await fill('targets', plan.targets);
    await fill('measures', plan.measures);
    await fill('fundsAndMaterials', plan.fundsAndMaterials);
    await fill('fundsAmountYuan', plan.fundsAmountYuan);
    await fill('organisationAndPeople', plan.organisationAndPeople);
    await fill('responsiblePerson.name', plan.responsiblePerson);
    await fill('deadline', plan.deadline);
    await fill('safetyMeasures', plan.safetyMeasures);
    await fill('emergencyPlan', plan.emergencyPlan);
    await fill('acceptor.name', plan.acceptor);
    await this.page.getByTestId('plan-submit').click();
    await this.page.getByTestId('hazard-show').waitFor({ timeout: TIMEOUT_MS });
  }

  /** 申请验收 (双报告 #2) in its dialog. */
  async applyForAcceptance(summary: string): Promise<void> {
    await this.page.getByTestId('hazard-apply-acceptance').click();
    const dialog = this.page.getByTestId('acceptance-dialog');
    await dialog.locator('[name="summary"]').fill(summary);
    await dialog.getByTestId('hazard-action-submit').click();
    await dialog.waitFor({ state: 'hidden', timeout: TIMEOUT_MS });
  }
}
