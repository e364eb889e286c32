import type { Locator, Page } from '@playwright/test';

export type TodaySection =
  'due' | 'touch' | 'birthdays' | 'upcoming' | 'slipping' | 'due-week' | 'win-back';

/**
 * The Today screen: sections of rows, each row with its client's name and its actions.
 * Labels (button names, menu choices) come from the caller in the page's language.
 */
export class TodayPage {
  constructor(readonly page: Page) {}

  section(name: TodaySection): Locator {
    return this.page.getByTestId(`today-${name}`);
  }

  /** The rows of a section that belong to a client, found by the name shown. */
  row(section: TodaySection, clientName: string): Locator {
    return this.section(section)
      .locator('.today-row')
      .filter({ has: this.page.getByRole('link', { name: clientName, exact: true }) });
  }

  /** The group of upcoming reminders of one day (`YYYY-MM-DD`). */
  upcomingDay(date: string): Locator {
    return this.section('upcoming').locator(`[data-testid="upcoming-day"][data-date="${date}"]`);
  }

  status(): Locator {
    return this.page.getByTestId('today-status');
  }

  async press(row: Locator, label: string): Promise<void> {
    await row.getByRole('button', { name: label, exact: true }).click();
  }

  /** Opens the row's snooze menu and picks one of its choices. */
  async snooze(row: Locator, menuLabel: string, choice: string): Promise<void> {
    await row.getByRole('button', { name: menuLabel }).first().click();
    await row.getByRole('group').getByRole('button', { name: choice, exact: true }).click();
  }

  /** Opens the one-line call box, types what was said and presses Enter. */
  async logCall(row: Locator, buttonLabel: string, body: string): Promise<void> {
    await row.getByRole('button', { name: buttonLabel, exact: true }).click();
    const input = row.locator('input[name="call"]');
    await input.fill(body);
    await input.press('Enter');
  }
}
