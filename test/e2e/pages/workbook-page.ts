import type { Locator, Page } from '@playwright/test';
import type { en } from '../../../renderer/src/i18n/en';

type Strings = typeof en;

/** The Workbook screen as a user sees it, in the language whose strings are `t`. */
export class WorkbookPage {
  constructor(
    readonly page: Page,
    private readonly t: Strings,
  ) {}

  /** From any screen: the workbook's name at the bottom of the rail leads here. */
  async open(): Promise<void> {
    await this.page.getByTestId('workbook-name').click();
    await this.page.getByRole('heading', { name: this.t.wbk.title, level: 1 }).waitFor();
  }

  panel(title: string): Locator {
    return this.page.getByRole('region', { name: title });
  }

  async openPath(path: string, options: { readOnly?: boolean } = {}): Promise<void> {
    const panel = this.panel(this.t.wbk.open.title);
    await panel.getByLabel(this.t.wbk.open.path).fill(path);
    if (options.readOnly) await panel.getByLabel(this.t.wbk.open.readOnly).check();
    await panel.getByRole('button', { name: this.t.wbk.open.submit, exact: true }).click();
  }

  async create(path: string): Promise<void> {
    const panel = this.panel(this.t.wbk.create.title);
    await panel.getByLabel(this.t.wbk.create.path).fill(path);
    await panel.getByRole('button', { name: this.t.wbk.create.submit }).click();
  }

  async saveCopy(path: string): Promise<void> {
    const panel = this.panel(this.t.wbk.copy.title);
    await panel.getByLabel(this.t.wbk.copy.path).fill(path);
    await panel.getByRole('button', { name: this.t.wbk.copy.submit }).click();
  }

  recent(): Locator {
    return this.page.getByTestId('recent-workbooks');
  }
}
