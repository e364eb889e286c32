import type { Locator, Page } from '@playwright/test';
import type { en } from '../../../renderer/src/i18n/en';
import type { Shell } from '../fixtures';

type Strings = typeof en;

/** Settings as a user sees it, in the language whose strings are `t`. */
export class SettingsPage {
  constructor(
    readonly page: Page,
    private readonly shell: Shell,
    private readonly t: Strings,
  ) {}

  async open(): Promise<void> {
    await this.page.goto(this.shell.url);
    await this.page.getByRole('link', { name: this.t.nav.settings }).click();
    await this.page.getByRole('heading', { name: this.t.settings.title }).waitFor();
  }

  panel(title: string): Locator {
    return this.page.getByRole('region', { name: title });
  }

  fields(): Locator {
    return this.panel(this.t.admin.fields.title);
  }

  managers(): Locator {
    return this.panel(this.t.admin.managers.title);
  }

  reasons(): Locator {
    return this.panel(this.t.admin.reasons.title);
  }

  fieldRow(label: string): Locator {
    return this.fields().locator('.field-row').filter({ hasText: label });
  }

  managerRow(name: string): Locator {
    return this.managers().getByRole('row').filter({ hasText: name });
  }

  async defineField(input: { label: string; type: string; group?: string }): Promise<Locator> {
    const a = this.t.admin.fields;
    await this.fields().getByRole('button', { name: a.add }).click();
    const form = this.fields().getByRole('form', { name: a.newTitle });
    await form.getByLabel(a.label, { exact: true }).fill(input.label);
    await form.getByLabel(a.type, { exact: true }).selectOption({ label: input.type });
    if (input.group) await form.getByLabel(a.group, { exact: true }).fill(input.group);
    return form;
  }

  async addManager(name: string, email = ''): Promise<void> {
    const m = this.t.admin.managers;
    await this.managers().getByLabel(m.name, { exact: true }).fill(name);
    await this.managers().getByLabel(m.emailOptional, { exact: true }).fill(email);
    await this.managers().getByRole('button', { name: m.add }).click();
  }

  currentManager(): Locator {
    return this.page.getByLabel(this.t.admin.current.label);
  }

  /** Regular touches: days between contacts by stage, presets, the birthday look-ahead. */
  cadence(): Locator {
    return this.panel(this.t.rem.cadence.title);
  }

  /** Analytics thresholds: active window, ABC, XYZ, forecast horizon. */
  analytics(): Locator {
    return this.panel(this.t.ret.settings.title);
  }

  /** An analytics threshold's input (`abcA`, `xyzPeriod`, …). */
  analyticsInput(key: string): Locator {
    return this.analytics().locator(`[name="${key}"]`);
  }

  /** The days input of a stage (`regular`) or of `birthdayDays`. */
  cadenceInput(key: string): Locator {
    return this.cadence().locator(`input[name="${key}"]`);
  }
}
