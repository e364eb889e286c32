/**
 * A name with initials ends with its own full stop ("Иванов И.И."): a sentence that ends with
 * such a name does not add a second one ("…ведёт Иванов И.И.." → "…ведёт Иванов И.И.").
 */
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../electron/api/messages';
import { en } from '../../renderer/src/i18n/en';
import { ru } from '../../renderer/src/i18n/ru';
import { I18N_POST_PROCESS, noDoubleStop } from '../../renderer/src/i18n/sentence';

beforeAll(async () => {
  await i18next.use(noDoubleStop).init({
    resources: { en: { translation: en }, ru: { translation: ru } },
    lng: 'ru',
    interpolation: { escapeValue: false },
    postProcess: I18N_POST_PROCESS,
    showSupportNotice: false,
  });
});

describe('no double full stops after initials', () => {
  it('on screen: a manager with initials at the end of a sentence', async () => {
    await i18next.changeLanguage('ru');
    expect(i18next.t('admin.reassign.done', { count: 3, to: 'Иванов И.И.' })).toBe(
      'Переданы 3 клиента — теперь их ведёт Иванов И.И.',
    );
    expect(i18next.t('imp.check.newManagers', { names: 'Петрова А.А., Сидоров С.С.' })).toBe(
      'Будут добавлены менеджеры: Петрова А.А., Сидоров С.С.',
    );
    // A name without a full stop keeps the sentence's.
    expect(i18next.t('admin.reassign.done', { count: 1, to: 'Иванов' })).toBe(
      'Передан 1 клиент — теперь его ведёт Иванов.',
    );
    await i18next.changeLanguage('en');
    expect(i18next.t('admin.reassign.done', { count: 2, to: 'Ivanov I.I.' })).toBe(
      '2 clients moved to Ivanov I.I.',
    );
  });

  it('in the main process’s messages', () => {
    expect(
      translate('ru', 'custom_choice', { label: 'Контакт', options: 'ООО, Иванов И.И.' }),
    ).toBe('«Контакт» — выберите из: ООО, Иванов И.И.');
    expect(translate('en', 'import_not_found', { path: '/home/ann/clients.' })).toBe(
      'File not found: /home/ann/clients.',
    );
    expect(translate('en', 'import_not_found', { path: '/home/ann/clients.csv' })).toBe(
      'File not found: /home/ann/clients.csv.',
    );
  });
});
