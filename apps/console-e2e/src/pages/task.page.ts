import type { Locator, Page } from 'playwright-core';

const TIMEOUT_MS = 30_000;

/** 任务详情 (`/tasks/:id`): header, case context, the decision form, actions, history. */
export class TaskPage {
  constructor(readonly page: Page) {}

  title(): Locator {
    return this.page.getByTestId('task-title');
  }

  async status(): Promise<string | null> {
    return this.page.getByTestId('task-status').getAttribute('data-status');
  }

  caseContext(): Locator {
    return this.page.getByTestId('case-context');
  }

  /** The plan under review, shown beside the decision. */
  plan(): Locator {
    return this.caseContext().getByTestId('plan-view').first();
  }

  decisionForm(): Locator {
    return this.page.getByTestId('decision-form');
  }

  /** The message under 审批意见 (client validation or the server's 400). */
  commentHelper(): Locator {
    return this.decisionForm()
      .locator('.MuiFormHelperText-root')
      .filter({ hasText: /意见|opinion/i });
  }

  async chooseDecision(code: string): Promise<void> {
    await this.page.getByTestId(`decision-${code}`).click();
  }

  async fillComment(text: string): Promise<void> {
    await this.page.getByTestId('decision-comment').fill(text);
  }

  /** A field of the step's own form (`formSchema`), e.g. the notice deadline of a listing. */
  async fillField(name: string, value: string): Promise<void> {
    await this.page.getByTestId(`task-form-${name}`).fill(value);
  }

  async submit(): Promise<void> {
    await this.page.getByTestId('decision-submit').click();
  }

  /** Decides and waits until the task shows as closed with its outcome. */
  async decide(code: string, comment: string, fields: Record<string, string> = {}): Promise<void> {
    await this.chooseDecision(code);
    for (const [name, value] of Object.entries(fields)) await this.fillField(name, value);
    if (comment) await this.fillComment(comment);
    await this.submit();
    await this.page.getByTestId('task-outcome').waitFor({ timeout: TIMEOUT_MS });
  }

  /** For the enterprise's own steps the task page sends the user to the hazard's form. */
  async followEnterpriseStep(): Promise<void> {
    await this.page.getByTestId('task-enterprise-step').click();
  }

  history(): Locator {
    return this.page.getByTestId('task-history');
  }
}
