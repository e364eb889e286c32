import type { Locator, Page } from '@playwright/test';
import type { Catalogue } from '../../../renderer/src/i18n/en';
import type { Shell } from '../fixtures';

type Strings = Catalogue['imp'];

/**
 * The import wizard as a user drives it: choose clients or sales and a file, read the preview,
 * map the columns, check, import, undo. `t` holds the strings of the page's language.
 */
export class ImportPage {
  constructor(
    readonly page: Page,
    private readonly shell: Shell,
    readonly t: Strings,
  ) {}

  /** Opens the app with its token, then Import from the rail. */
  async open(importLabel: string): Promise<void> {
    await this.page.goto(this.shell.url);
    await this.page.locator('.rail').waitFor();
    await this.page.locator('.rail').getByRole('link', { name: importLabel }).click();
    await this.step('file').waitFor();
  }

  step(name: 'file' | 'preview' | 'mapping' | 'check' | 'run'): Locator {
    return this.page.getByTestId(`import-step-${name}`);
  }

  async chooseTarget(target: 'clients' | 'sales'): Promise<void> {
    await this.page
      .getByRole('group', { name: this.t.file.what })
      .getByRole('radio', { name: this.t.file[target] })
      .check();
  }

  /** Picks a file in the browser's file input, as the "Choose a file…" button does. */
  async chooseFile(file: string): Promise<void> {
    await this.page.getByLabel(this.t.file.input).setInputFiles(file);
  }

  /** The message under the picker when a file cannot be read. */
  fileError(): Locator {
    return this.page.getByTestId('import-file-error');
  }

  fact(name: 'format' | 'encoding' | 'delimiter' | 'rows'): Locator {
    return this.page.getByTestId(`import-${name}`);
  }

  /** The table of the file's first rows. */
  previewTable(): Locator {
    return this.step('preview').getByRole('table');
  }

  /** The field dropdown of a column of the file. */
  fieldOf(column: string): Locator {
    return this.page.getByRole('combobox', {
      name: this.t.mapping.fieldFor.replace('{{column}}', column),
    });
  }

  /** The day/month order dropdown of a date column that reads both ways. */
  orderOf(column: string): Locator {
    return this.page.getByRole('combobox', {
      name: this.t.mapping.orderFor.replace('{{column}}', column),
    });
  }

  mappingRow(column: string): Locator {
    return this.page.locator(`tr[data-column="${column}"]`);
  }

  async onDuplicate(choice: 'update' | 'skip' | 'create', target: 'clients' | 'sales') {
    await this.page
      .getByRole('radio', { name: this.t.mapping.dup[target][choice], exact: false })
      .check();
  }

  async onInvalid(choice: 'skip' | 'abort'): Promise<void> {
    const label = choice === 'skip' ? this.t.mapping.invalidSkip : this.t.mapping.invalidAbort;
    await this.page.getByRole('radio', { name: label }).check();
  }

  async press(label: string): Promise<void> {
    await this.page.getByRole('button', { name: label, exact: true }).click();
  }

  /** A number of the check (`create`, `update`, `duplicates`, `invalid`, `skip`). */
  count(key: 'create' | 'update' | 'duplicates' | 'invalid' | 'skip'): Locator {
    return this.page.getByTestId(`import-count-${key}`).locator('dd');
  }

  errors(): Locator {
    return this.page.getByTestId('import-errors').locator('tbody tr');
  }

  duplicates(): Locator {
    return this.page.getByTestId('import-duplicates').locator('tbody tr');
  }

  /** The button "Import N rows" whatever N is. */
  runButton(): Locator {
    const prefix = this.t.check.run_other.split('{{count}}')[0] ?? '';
    return this.step('check').getByRole('button', { name: prefix.trim() });
  }

  /** A number of the result (`inserted`, `updated`, `skipped`). */
  result(key: 'inserted' | 'updated' | 'skipped'): Locator {
    return this.page.getByTestId(`import-result-${key}`).locator('dd');
  }
}
