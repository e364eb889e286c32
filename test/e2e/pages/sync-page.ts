import type { Locator, Page } from '@playwright/test';
import type { Shell } from '../fixtures';

/** Where a hub is, as the Sync screen's fields take it. */
export interface HubAddress {
  host: string;
  port: number;
  database: string;
  user: string;
  password?: string;
}

/** Settings → Sync and the Conflicts screen as a user sees them. */
export class SyncPage {
  constructor(
    readonly page: Page,
    readonly shell: Shell,
  ) {}

  /** Opens the app with its token, then Sync from the rail. */
  async open(): Promise<void> {
    await this.page.goto(this.shell.url);
    await this.page.getByTestId('nav-sync').click();
    await this.page.locator('.sync-connect, .sync-connected').first().waitFor();
  }

  field(name: string): Locator {
    return this.page.locator(`.sync-form [name="${name}"]`);
  }

  /** The message under a field of the form. */
  errorOf(name: string): Locator {
    return this.page
      .locator('.sync-form label', { has: this.page.locator(`[name="${name}"]`) })
      .locator('.field-error');
  }

  async fill(hub: HubAddress, deviceName: string): Promise<void> {
    await this.field('host').fill(hub.host);
    await this.field('port').fill(String(hub.port));
    await this.field('database').fill(hub.database);
    await this.field('user').fill(hub.user);
    await this.field('password').fill(hub.password ?? '');
    await this.field('tls').selectOption('off');
    await this.field('deviceName').fill(deviceName);
  }

  button(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  /** The value of one fact of the connected state (`sync-pending`, `sync-workbook-id`, …). */
  fact(testId: string): Locator {
    return this.page.getByTestId(testId);
  }
}

/** The parts of a `postgres://` address, as a person types them into the form. */
export function hubAddress(url: string): HubAddress {
  const parsed = new URL(url);
  return {
    host: parsed.hostname,
    port: Number(parsed.port),
    database: decodeURIComponent(parsed.pathname.slice(1)),
    user: decodeURIComponent(parsed.username),
  };
}
