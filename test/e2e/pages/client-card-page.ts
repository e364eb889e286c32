import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The client card: portrait fields edited in place, the Feed and History tabs, the banners
 * (a past version, the trash). Labels come from the caller in the page's language.
 */
export class ClientCardPage {
  constructor(readonly page: Page) {}

  field(name: string): Locator {
    return this.page.locator(`.field[data-field="${name}"]`);
  }

  /** A custom field by its key. */
  custom(key: string): Locator {
    return this.field(`custom.${key}`);
  }

  /** Clicks the field, replaces its text and presses Enter, as a user would. */
  async edit(name: string, value: string): Promise<void> {
    const field = this.field(name);
    await field.locator('.field__value').click();
    const input = field.locator('input, textarea, select');
    await input.fill(value);
    await input.press('Enter');
  }

  /** Clicks a select-like field and picks an option by its label (saved at once). */
  async choose(name: string, label: string): Promise<void> {
    const field = this.field(name);
    await field.locator('.field__value').click();
    await field.locator('select').first().selectOption({ label });
  }

  /** Ticks exactly these options of a multichoice field and saves. */
  async tick(name: string, labels: string[], saveLabel: string): Promise<void> {
    const field = this.field(name);
    await field.locator('.field__value').click();
    for (const box of await field.getByRole('checkbox').all()) {
      const label = (await box.locator('xpath=..').innerText()).trim();
      await box.setChecked(labels.includes(label));
    }
    await field.getByRole('button', { name: saveLabel }).click();
  }

  tab(name: string): Locator {
    return this.page.getByRole('tab', { name });
  }

  /**
   * The list of changes on screen: the History tab's, or the feed when the Feed tab is open
   * (the feed shows each field change with the same old → new markup).
   */
  history(): Locator {
    return this.page.getByTestId('history').or(this.page.getByTestId('feed'));
  }

  change(field: string): Locator {
    return this.history().locator(`.history__change[data-field="${field}"]`);
  }

  feed(): Locator {
    return this.page.getByTestId('feed');
  }

  comments(): Locator {
    return this.feed().getByTestId('comment');
  }

  /** Writes a comment of a kind in the feed's input and adds it with Ctrl+Enter. */
  async addComment(body: string, kindLabel: string): Promise<void> {
    const form = this.page.locator('form.composer');
    await form.locator('select[name="kind"]').selectOption({ label: kindLabel });
    await form.locator('textarea[name="comment"]').fill(body);
    await form.locator('textarea[name="comment"]').press('Control+Enter');
  }

  chip(label: string): Locator {
    return this.page.locator('.chips').getByRole('button', { name: label, exact: true });
  }

  /** The confirm dialog before a delete. */
  confirm(): Locator {
    return this.page.getByRole('alertdialog');
  }

  banner(kind: 'as-of' | 'trash'): Locator {
    return this.page.getByTestId(`${kind}-banner`);
  }

  /** The reminders block above the tabs. */
  reminders(): Locator {
    return this.page.getByTestId('reminders');
  }

  /** An open reminder's row by its title. */
  reminder(title: string): Locator {
    return this.reminders().getByTestId('reminder').filter({ hasText: title });
  }

  /** The add / edit reminder form (`label` is its accessible name). */
  reminderForm(label: string): Locator {
    return this.page.getByRole('form', { name: label });
  }

  /** An input of the reminder form by its name (`title`, `dueDate`, `repeatUntil`, …). */
  reminderInput(form: Locator, name: string): Locator {
    return form.locator(`[name="${name}"]`);
  }

  /** The message shown under an input: the element its aria-describedby names. */
  async messageUnder(input: Locator): Promise<Locator> {
    // The message comes with the main process's answer: wait for it rather than read at once.
    await expect(input).toHaveAttribute('aria-describedby', /.+/);
    const id = await input.getAttribute('aria-describedby');
    if (!id) throw new Error('the input has no message');
    return this.page.locator(`[id="${id}"]`);
  }

  /** Writes a comment of a kind with a touch tag and adds it. */
  async addTouchComment(body: string, kindLabel: string, touchLabel: string): Promise<void> {
    const form = this.page.locator('form.composer');
    await form.locator('select[name="touch"]').selectOption({ label: touchLabel });
    await this.addComment(body, kindLabel);
  }

  /** The touch mix on the portrait. */
  touchMix(): Locator {
    return this.page.getByTestId('touch-mix');
  }

  /** The NPS block on the portrait: answers newest first, and the form to record one. */
  nps(): Locator {
    return this.page.getByTestId('nps');
  }

  npsAnswers(): Locator {
    return this.nps().getByTestId('nps-answer');
  }

  /** The latest NPS score as a badge beside the stage. */
  npsBadge(): Locator {
    return this.page.getByTestId('nps-badge');
  }
}
