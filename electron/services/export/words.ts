/**
 * The words an exported file carries in the workbook's language: column headers, stage and kind
 * names, yes / no, the default file title. The import reads all of them back (`convert.ts`,
 * `export-headers.ts`). The same words as the renderer's catalogue shows on screen.
 */
import type { Locale } from '../../api/contract';
import type { ExportedField, ExportWords } from '../../../db/queries/export-shape';

export type { ExportedField, ExportWords };

const words: Record<Locale, ExportWords> = {
  en: {
    headers: {
      kind: 'Type',
      name: 'Name',
      company: 'Company',
      position: 'Position',
      phone: 'Phone',
      phone2: 'Second phone',
      email: 'Email',
      address: 'Address',
      birthday: 'Birthday',
      channel: 'Acquisition channel',
      managerId: 'Manager',
      stage: 'Stage',
      lostReason: 'Lost reason',
      tags: 'Tags',
      note: 'Note',
      externalId: 'Code in 1C / spreadsheet',
      taxId: 'Tax ID',
      id: 'Kartoteka ID',
    },
    stages: {
      prospect: 'Prospect',
      first_purchase: 'First purchase',
      repeat: 'Repeat',
      regular: 'Regular',
      advocate: 'Advocate',
      lost: 'Lost',
      won_back: 'Won back',
    },
    kinds: { person: 'Person', company: 'Company' },
    yes: 'yes',
    no: 'no',
    clients: 'Clients',
  },
  ru: {
    headers: {
      kind: 'Тип',
      name: 'Имя',
      company: 'Компания',
      position: 'Должность',
      phone: 'Телефон',
      phone2: 'Второй телефон',
      email: 'Почта',
      address: 'Адрес',
      birthday: 'День рождения',
      channel: 'Канал привлечения',
      managerId: 'Менеджер',
      stage: 'Этап',
      lostReason: 'Причина потери',
      tags: 'Теги',
      note: 'Заметка',
      externalId: 'Код в 1С / таблице',
      taxId: 'ИНН',
      id: 'ID в Картотеке',
    },
    stages: {
      prospect: 'Потенциальный',
      first_purchase: 'Первая покупка',
      repeat: 'Повторный',
      regular: 'Постоянный',
      advocate: 'Адвокат',
      lost: 'Потерян',
      won_back: 'Возвращён',
    },
    kinds: { person: 'Человек', company: 'Компания' },
    yes: 'да',
    no: 'нет',
    clients: 'Клиенты',
  },
};

export function exportWords(locale: Locale): ExportWords {
  return words[locale];
}
