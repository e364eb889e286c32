import type { Locator, Page } from '@playwright/test';

/** The client card: portrait fields edited in place, and the history panel. */
export class ClientCardPage {
  constructor(readonly page: Page) {}

  field(name: string): Locator {
    return this.page.locator(`.field[data-field="${name}"]`);
  }

  /** Clicks the field, replaces its text and presses Enter, as a user would. */
  async edit(name: string, value: string): Promise<void> {
    const field = this.field(name);
    await field.locator('.field__value').click();
    const input = field.locator('input, textarea, select');
    await input.fill(value);
    await input.press('Enter');
  }

  history(): Locator {
    return this.page.getByTestId('history');
  }

  change(field: string): Locator {
    return this.history().locator(`.history__change[data-field="${field}"]`);
  }
}
