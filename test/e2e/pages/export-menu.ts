import fs from 'node:fs';
import type { Download, Locator, Page } from '@playwright/test';

/** The Export button and its menu, wherever a page shows it. `scope` narrows to one of them. */
export class ExportMenuPart {
  constructor(
    readonly page: Page,
    private readonly buttonLabel: string,
    private readonly scope: Page | Locator = page,
  ) {}

  button(): Locator {
    return this.scope.getByRole('button', { name: this.buttonLabel, exact: true });
  }

  menu(): Locator {
    return this.page.getByRole('menu');
  }

  async open(): Promise<void> {
    await this.button().click();
    await this.menu().waitFor();
  }

  /** Opens the menu, picks an item and returns the saved file with its suggested name. */
  async export(item: string): Promise<{ name: string; bytes: Buffer }> {
    await this.open();
    return this.saved(this.menu().getByRole('menuitem', { name: item }).click());
  }

  /** Waits for the download an action starts. */
  async saved(action: Promise<unknown>): Promise<{ name: string; bytes: Buffer }> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), action]);
    return { name: download.suggestedFilename(), bytes: await read(download) };
  }
}

async function read(download: Download): Promise<Buffer> {
  const file = await download.path();
  return fs.promises.readFile(file);
}
