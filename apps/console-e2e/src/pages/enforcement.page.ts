import type { Locator, Page } from 'playwright-core';

const TIMEOUT_MS = 30_000;

/** A 1×1 PNG: a stand-in for a photo taken on site. */
export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
/** A minimal PDF: a stand-in for a referral document. */
export const TINY_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);

/** 执法检查, 行政处罚案件, 行刑衔接 and the 移送看板 in the console. */
export class EnforcementPage {
  constructor(
    readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  private async goto(route: string, testId: string): Promise<void> {
    await this.page.goto(`${this.baseUrl}/#${route}`, { waitUntil: 'domcontentloaded' });
    await this.page.reload({ waitUntil: 'domcontentloaded' });
    await this.page.getByTestId(testId).waitFor({ timeout: TIMEOUT_MS });
  }

  // ------------------------------------------------------------------------------ inspections
  /** 新建执法检查 from the menu: kind, enterprise (searched by name), the second inspector. */
  async createInspection(input: {
    kind: string;
    enterpriseSearch: string;
    secondInspector: { username: string; name: string };
  }): Promise<string> {
    await this.page.getByTestId('menu-inspections').click();
    await this.page.getByTestId('inspection-create').click();
    const form = this.page.getByTestId('inspection-create-form');
    await form.waitFor({ timeout: TIMEOUT_MS });
    await form.locator('input[name="kind"]').locator('xpath=..').getByRole('combobox').click();
    await this.page.locator(`[role="listbox"] [data-value="${input.kind}"]`).click();
    await this.page.getByTestId('hazard-enterprise-input').fill(input.enterpriseSearch);
    await this.page.getByRole('option').first().click();
    await form.locator('input[name="inspectors.1.username"]').fill(input.secondInspector.username);
    await form.locator('input[name="inspectors.1.name"]').fill(input.secondInspector.name);
    await this.page.getByTestId('inspection-create-submit').click();
    await this.page.getByTestId('inspection-record-page').waitFor({ timeout: TIMEOUT_MS });
    const id = this.page.url().match(/#\/inspections\/([^/]+)\/record/)?.[1];
    if (!id) throw new Error(`No inspection id in ${this.page.url()}`);
    return decodeURIComponent(id);
  }

  /**
   * The record: the checklist from a 判定标准 (every clause compliant but the first, a violation), a
   * finding started from that line with its deadline and a photo, the 两个必查, the signature; submit.
   */
  async recordInspection(input: {
    catalogueTitle: RegExp;
    rectifyBy: string;
    description: string;
  }): Promise<void> {
    const page = this.page;
    await page.getByTestId('checklist-catalogue').locator('xpath=..').getByRole('combobox').click();
    await page.getByRole('option', { name: input.catalogueTitle }).click();
    await page.getByTestId('checklist-add-clauses').click();
    const checklist = page.getByTestId('record-checklist');
    await checklist
      .locator('input[type="radio"][value="compliant"]')
      .first()
      .waitFor({ timeout: TIMEOUT_MS });
    const compliant = checklist.locator('input[type="radio"][value="compliant"]');
    for (let i = 0; i < (await compliant.count()); i++) await compliant.nth(i).check();
    await checklist.locator('input[type="radio"][value="violation"]').first().check();
    await page.getByTestId('checklist-record-finding').first().click();
    const findings = page.getByTestId('record-findings');
    await findings.locator('textarea[name="findings.0.description"]').fill(input.description);
    // 重大事故隐患: judged under the catalogue's clause.
    await findings.locator('input[type="radio"][name="findings.0.grade"][value="major"]').check();
    await findings.locator('input[name="findings.0.rectifyBy"]').fill(input.rectifyBy);
    await page.getByTestId('finding-0-photos-input').setInputFiles({
      name: 'site.png',
      mimeType: 'image/png',
      buffer: TINY_PNG,
    });
    await findings.getByTestId('finding-photo').first().waitFor({ timeout: TIMEOUT_MS });
    await page.getByTestId('must-check-principalDutiesChecked').check();
    await page.getByTestId('must-check-responsiblePersonsChecked').check();
    await page.getByTestId('signature-0').check();
    await page.getByTestId('inspection-record-submit').click();
    await page.getByTestId('inspection-show').waitFor({ timeout: TIMEOUT_MS });
  }

  async openInspection(id: string): Promise<void> {
    await this.goto(`/inspections/${id}/show`, 'inspection-show');
  }

  inspectionStatus(): Promise<string | null> {
    return this.page
      .getByTestId('inspection-show')
      .getByTestId('inspection-status')
      .getAttribute('data-status');
  }

  /** 立案查处 from the inspection: lands on the new case; returns its id. */
  async openCase(title: string): Promise<string> {
    await this.page.getByTestId('inspection-open-case').click();
    const dialog = this.page.getByTestId('open-case-dialog');
    await dialog.locator('input[name="title"]').fill(title);
    await this.page.getByTestId('open-case-submit').click();
    await this.page.getByTestId('case-show').waitFor({ timeout: TIMEOUT_MS });
    const id = this.page.url().match(/#\/penalty-cases\/([^/]+)\/show/)?.[1];
    if (!id) throw new Error(`No case id in ${this.page.url()}`);
    return decodeURIComponent(id);
  }

  // ------------------------------------------------------------------------------ cases
  async openCasePage(id: string): Promise<void> {
    await this.goto(`/penalty-cases/${id}/show`, 'case-show');
  }

  caseStage(): Promise<string | null> {
    return this.page.getByTestId('case-show').getByTestId('case-stage').first().getAttribute('data-stage');
  }

  caseTimeline(): Locator {
    return this.page.getByTestId('case-timeline');
  }

  // ------------------------------------------------------------------------------ referrals
  async openReferral(id: string): Promise<void> {
    await this.goto(`/referrals/${id}/show`, 'referral-show');
  }

  referralStage(): Promise<string | null> {
    return this.page
      .getByTestId('referral-show')
      .getByTestId('referral-stage')
      .first()
      .getAttribute('data-stage');
  }

  async uploadDocument(kind: string): Promise<void> {
    const row = this.page.locator(`[data-testid="referral-document"][data-kind="${kind}"]`);
    await this.page.getByTestId(`referral-upload-${kind}-input`).setInputFiles({
      name: `${kind}.pdf`,
      mimeType: 'application/pdf',
      buffer: TINY_PDF,
    });
    await row.and(this.page.locator('[data-state="uploaded"]')).waitFor({ timeout: TIMEOUT_MS });
  }

  async fillOfficer(index: number, username: string, name: string): Promise<void> {
    const officers = this.page.getByTestId('referral-officers');
    await officers.locator(`input[name="officers.${index}.username"]`).fill(username);
    await officers.locator(`input[name="officers.${index}.name"]`).fill(name);
  }

  async submitPackage(): Promise<void> {
    await this.page.getByTestId('referral-submit').click();
  }

  submitErrors(): Locator {
    return this.page.getByTestId('referral-submit-error');
  }

  clocks(): Locator {
    return this.page.getByTestId('referral-clocks').getByTestId('deadline-clock');
  }

  async clockState(kind: string): Promise<string | null> {
    return this.page
      .locator(`[data-testid="referral-clocks"] [data-testid="deadline-clock"][data-kind="${kind}"]`)
      .first()
      .getAttribute('data-state');
  }

  /** 联络员登记: the decision by its label, the fields by name (`datetime-local` values), then 登记. */
  async recordLiaison(
    step: string,
    decisionLabel: RegExp,
    fields: Record<string, string | boolean>,
  ): Promise<void> {
    const form = this.page.locator(`[data-testid="liaison-form"][data-step="${step}"]`);
    await form.waitFor({ timeout: TIMEOUT_MS });
    await form.getByLabel(decisionLabel).check();
    for (const [name, value] of Object.entries(fields)) {
      const input = form.locator(`[name="data.${name}"]`);
      if (typeof value === 'boolean') await (value ? input.check() : input.uncheck());
      else await input.fill(value);
    }
    await form.getByTestId('liaison-submit').click();
    await form.waitFor({ state: 'detached', timeout: TIMEOUT_MS });
  }

  // ------------------------------------------------------------------------------ board
  async openBoard(): Promise<void> {
    await this.page.getByTestId('menu-referral-board').click();
    await this.page.getByTestId('referral-board').waitFor({ timeout: TIMEOUT_MS });
  }

  boardCard(referralId: string): Locator {
    return this.page.locator(`[data-testid="board-referral"][data-id="${referralId}"]`);
  }
}
