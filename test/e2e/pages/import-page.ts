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

  async onInvalid(choice: 'blank' | 'skip' | 'abort'): Promise<void> {
    const labels = {
      blank: this.t.mapping.invalidBlank,
      skip: this.t.mapping.invalidSkip,
      abort: this.t.mapping.invalidAbort,
    };
    await this.page.getByRole('radio', { name: labels[choice] }).check();
  }

  /** The "if a value is bad" dropdown of a column (shown while bad values are left empty). */
  badCellOf(column: string): Locator {
    return this.page.getByRole('combobox', {
      name: this.t.mapping.badCellFor.replace('{{column}}', column),
    });
  }

  /** The groups of rows that match each other, and one of them by its first row. */
  groups(): Locator {
    return this.page.getByTestId('import-groups');
  }

  group(firstRow: number): Locator {
    return this.page.getByTestId(`import-group-${firstRow}`);
  }

  /** The rows of a group's table, each with its row number in `data-row`. */
  groupRows(firstRow: number): Locator {
    return this.group(firstRow).locator('tbody tr');
  }

  async chooseForAll(choice: keyof Strings['groups']['choices']): Promise<void> {
    await this.groups()
      .getByRole('group', { name: this.t.groups.forAll })
      .getByRole('radio', { name: this.t.groups.choices[choice] })
      .check();
  }

  /** The dropdown of the group of these rows (`7, 82`). */
  choiceFor(rows: string): Locator {
    return this.page.getByRole('combobox', {
      name: this.t.groups.choiceFor.replace('{{rows}}', rows),
    });
  }

  /** Why the import cannot run yet, beside its button. */
  runWhy(): Locator {
    return this.page.getByTestId('import-run-why');
  }

  async press(label: string): Promise<void> {
    await this.page.getByRole('button', { name: label, exact: true }).click();
  }

  /** A number of the check: `create + update + skip + invalid = total`. */
  count(key: 'create' | 'update' | 'skip' | 'invalid' | 'total'): Locator {
    return this.page.getByTestId(`import-count-${key}`).locator('dd');
  }

  /** A detail line under the figures (`byChoice`, `merged`, `blanked`, `duplicates`, `unchanged`). */
  detail(key: string): Locator {
    return this.page.getByTestId(`import-detail-${key}`);
  }

  /** The figures of the check or of the result, read as numbers. */
  async figures(prefix: 'count' | 'result', keys: readonly string[]): Promise<number[]> {
    const out: number[] = [];
    for (const key of keys) {
      const text = await this.page.getByTestId(`import-${prefix}-${key}`).locator('dd').innerText();
      out.push(Number(text.replace(/\D/g, '')));
    }
    return out;
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

  /** A number of the result: `inserted + updated + skipped + invalid = total`. */
  result(key: 'inserted' | 'updated' | 'skipped' | 'invalid' | 'total'): Locator {
    return this.page.getByTestId(`import-result-${key}`).locator('dd');
  }
}
