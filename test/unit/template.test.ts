/**
 * Message templates (issue 17): placeholders read in Russian and English, names split from the
 * one `name` field, a company kept whole, dates and custom values in the message's language,
 * and the placeholders no field answers to. Every expected text below is written out by hand.
 */
import { describe, expect, it } from 'vitest';
import {
  messageDate,
  renderTemplate,
  splitName,
  templateSyntaxProblem,
  unknownPlaceholders,
  type TemplateClient,
  type TemplateCustomField,
} from '../../kernel/template';

const FIELDS: TemplateCustomField[] = [
  { key: 'pet', label: 'Кличка питомца', type: 'text' },
  { key: 'bonus', label: 'Бонусы', type: 'money' },
  { key: 'visit', label: 'Next visit', type: 'date' },
  { key: 'vip', label: 'VIP', type: 'boolean' },
  { key: 'likes', label: 'Любит', type: 'multichoice' },
];

const ANNA: TemplateClient = {
  name: 'Иванова Анна Сергеевна',
  kind: 'person',
  company: 'ООО «Ромашка»',
  managerName: 'Пётр Смирнов',
  lastPurchase: '2026-03-12',
  custom: { pet: 'Барсик', bonus: 150050, visit: '2026-12-01', vip: true, likes: ['чай', 'кофе'] },
};

describe('splitName', () => {
  it('reads «Фамилия Имя Отчество», «Имя Отчество», one word, and keeps a company whole', () => {
    expect(splitName('Иванова Анна Сергеевна', 'person')).toEqual({
      lastName: 'Иванова',
      firstName: 'Анна',
      patronymic: 'Сергеевна',
    });
    expect(splitName('  Пётр   Ильич ', 'person')).toEqual({
      lastName: '',
      firstName: 'Пётр',
      patronymic: 'Ильич',
    });
    expect(splitName('Анна', 'person')).toEqual({
      lastName: '',
      firstName: 'Анна',
      patronymic: '',
    });
    expect(splitName('Smith John', 'person')).toEqual({
      lastName: 'Smith',
      firstName: 'John',
      patronymic: '',
    });
    expect(splitName('ООО «Ромашка плюс»', 'company')).toEqual({
      lastName: '',
      firstName: 'ООО «Ромашка плюс»',
      patronymic: '',
    });
  });
});

describe('renderTemplate', () => {
  it('fills the standard placeholders in Russian, whatever their case, ё or spacing', () => {
    const filled = renderTemplate(
      'Здравствуйте, {Имя} {ОТЧЕСТВО}! {фамилия}, ваша {последняя_покупка} — {менеджер}, {компания}.',
      ANNA,
      FIELDS,
      'ru',
    );
    expect(filled).toEqual({
      text: 'Здравствуйте, Анна Сергеевна! Иванова, ваша 12 марта 2026 — Пётр Смирнов, ООО «Ромашка».',
      empty: [],
      unknown: [],
    });
  });

  it('takes the English aliases and writes dates and numbers the English way', () => {
    const filled = renderTemplate(
      'Hi {first name}, last purchase {Last Purchase}; bonus {Бонусы}, visit {next visit}, VIP {vip}',
      ANNA,
      FIELDS,
      'en',
    );
    expect(filled.text).toBe(
      'Hi Анна, last purchase March 12, 2026; bonus 1,500.50, visit December 1, 2026, VIP yes',
    );
  });

  it('reads custom fields by label or key, in Russian formatting', () => {
    const filled = renderTemplate(
      '{кличка питомца}, {pet}: {бонусы} ₽, {likes}, {vip}',
      ANNA,
      FIELDS,
      'ru',
    );
    expect(filled.text).toBe('Барсик, Барсик: 1 500,50 ₽, чай, кофе, да');
  });

  it('drops the space (and a comma) of a value the client lacks and names it', () => {
    const bare: TemplateClient = {
      name: 'Анна',
      kind: 'person',
      company: null,
      managerName: null,
      lastPurchase: null,
      custom: {},
    };
    expect(renderTemplate('Здравствуйте, {имя} {отчество}!', bare, FIELDS, 'ru')).toEqual({
      text: 'Здравствуйте, Анна!',
      empty: ['отчество'],
      unknown: [],
    });
    const nobody = { ...bare, name: '' };
    expect(renderTemplate('Здравствуйте, {имя}!', nobody, FIELDS, 'ru').text).toBe('Здравствуйте!');
  });

  it('greets a company by its whole name and gives it no surname', () => {
    const firm: TemplateClient = { ...ANNA, name: 'ООО «Ромашка»', kind: 'company', company: null };
    expect(renderTemplate('{имя}|{фамилия}|{компания}', firm, FIELDS, 'ru').text).toBe(
      'ООО «Ромашка»||ООО «Ромашка»',
    );
  });

  it('leaves an unknown placeholder as written and reports it', () => {
    const filled = renderTemplate('Привет, {имя}! {скидка} и {Скидка}', ANNA, FIELDS, 'ru');
    expect(filled.unknown).toEqual(['скидка', 'Скидка']);
    expect(filled.text).toBe('Привет, Анна! {скидка} и {Скидка}');
  });
});

describe('checking a template', () => {
  it('names each unknown placeholder once', () => {
    expect(unknownPlaceholders('{имя} {скидка} {скидка} {pet} {купон }', FIELDS)).toEqual([
      'скидка',
      'купон',
    ]);
    expect(unknownPlaceholders('Без подстановок', FIELDS)).toEqual([]);
  });

  it('finds stray braces and empty placeholders', () => {
    expect(templateSyntaxProblem('Привет, {имя}!')).toBeNull();
    expect(templateSyntaxProblem('Привет, {имя!')).toBe('template_brace');
    expect(templateSyntaxProblem('Привет, имя}!')).toBe('template_brace');
    expect(templateSyntaxProblem('Привет, {{имя}}')).toBe('template_brace');
    expect(templateSyntaxProblem('Привет, { }!')).toBe('template_placeholder_empty');
  });

  it('writes a date in a sentence in both languages', () => {
    expect(messageDate('2026-05-01', 'ru')).toBe('1 мая 2026');
    expect(messageDate('2026-05-01', 'en')).toBe('May 1, 2026');
  });
});
