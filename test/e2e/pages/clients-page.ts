import type { Locator, Page } from '@playwright/test';
import type { Shell } from '../fixtures';

/** The client list as a user sees it. `t` holds the strings of the page's language. */
export class ClientsPage {
  constructor(
    readonly page: Page,
    private readonly shell: Shell,
  ) {}

  /** Opens the app with its token (it starts on Today), then the client list. */
  async open(): Promise<void> {
    await this.page.goto(this.shell.url);
    await this.page.locator('.rail').waitFor();
    await this.page.evaluate(() => {
      window.location.hash = '#/clients';
    });
    // The list's own header: Today's has a heading too.
    await this.page.getByTestId('clients-count').waitFor();
  }

  search(): Locator {
    return this.page.getByRole('searchbox');
  }

  row(name: string): Locator {
    return this.page.getByRole('row').filter({ hasText: name });
  }

  async createClient(
    fields: { name: string; phone?: string; email?: string; company?: string },
    newClientLabel: string,
    saveLabel: string,
  ) {
    await this.page.getByRole('button', { name: newClientLabel }).first().click();
    const dialog = this.page.getByRole('dialog');
    for (const [field, value] of Object.entries(fields)) {
      await dialog.locator(`input[name="${field}"]`).fill(value);
    }
    await dialog.getByRole('button', { name: saveLabel }).click();
  }
}
