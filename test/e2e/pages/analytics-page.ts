import type { Locator, Page } from '@playwright/test';
import type { Shell } from '../fixtures';

export const MATRIX_CELLS = ['AX', 'AY', 'AZ', 'BX', 'BY', 'BZ', 'CX', 'CY', 'CZ'] as const;

/** Text as the page writes it, with any kind of space made plain for comparison. */
export const plain = (s: string | null) => (s ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();

/** The analytics dashboard as a user sees it: the cards, the matrix, the drill-down panel. */
export class AnalyticsPage {
  constructor(
    readonly page: Page,
    private readonly shell: Shell,
  ) {}

  /** Opens the app with its token (it starts on Today), then Analytics from the rail. */
  async open(): Promise<void> {
    await this.page.goto(this.shell.url);
    await this.page.locator('.rail a[href="#/analytics"]').click();
    await this.page.locator('[data-testid="ana-grid"], [data-testid="ana-empty"]').waitFor();
  }

  card(name: string): Locator {
    return this.page.getByTestId(`ana-${name}`);
  }

  figure(card: string): Locator {
    return this.page.getByTestId(`ana-${card}-figure`);
  }

  /** The manager filter in the header. */
  manager(): Locator {
    return this.page.locator('select[name="manager"]');
  }

  cell(key: string): Locator {
    return this.page.getByTestId(`ana-cell-${key}`);
  }

  /** The client count shown in every cell of the ABC×XYZ matrix. */
  async matrixCounts(): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const key of MATRIX_CELLS) {
      const text = await this.cell(key).locator('.ana-matrix__count').textContent();
      out[key] = Number(plain(text).replace(/\s/g, ''));
    }
    return out;
  }

  drill(): Locator {
    return this.page.getByTestId('ana-drill');
  }

  /** The client names listed in the drill-down, to assert with `toHaveText([...])`. */
  drillNames(): Locator {
    return this.drill().getByTestId('ana-drill-row').locator('td:first-child');
  }

  /** Grows the window to the whole dashboard, so a full-page screenshot shows every card. */
  async fitViewport(width = 1280): Promise<void> {
    const height = await this.page.locator('.content').evaluate((el) => Math.ceil(el.scrollHeight));
    await this.page.setViewportSize({ width, height: Math.max(800, height) });
  }
}
