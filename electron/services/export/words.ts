/**
 * The words an exported file carries in the workbook's language: stage and kind names, yes / no,
 * the default file title. The same words as the renderer's catalogue shows on screen.
 */
import type { ClientKind, Locale, Stage } from '../../api/contract';

export interface ExportWords {
  stages: Record<Stage, string>;
  kinds: Record<ClientKind, string>;
  yes: string;
  no: string;
  clients: string;
}

const words: Record<Locale, ExportWords> = {
  en: {
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
