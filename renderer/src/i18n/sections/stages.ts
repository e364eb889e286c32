/** Strings of one area of the renderer, in English and Russian (same keys; a unit test checks). */
export const en = {
  title: 'Stages from sales',
  lead: 'A client moves along the ladder as purchases come in: prospect → first purchase → repeat → regular. A stage someone set by hand stays; the list and the card then show the stage the sales suggest.',
  auto: 'Move stages when sales are written (on the card and by import)',
  regular: 'Regular: at least',
  regularDays: 'purchase days',
  within: 'within',
  regularMonths: 'months up to the latest purchase',
  rules:
    'No purchase: prospect. One purchase day: first purchase. Two or more: repeat. A lost client who buys again is suggested “won back”; lost, advocate and won back are never set automatically.',
  save: 'Save',
  saved: 'Saved',
  notNumber: 'Enter a whole number.',
};

export const ru: typeof en = {
  title: 'Этапы по продажам',
  lead: 'Клиент поднимается по лестнице с каждой покупкой: потенциальный → первая покупка → повторный → постоянный. Этап, выбранный вручную, программа не трогает: список и карточка показывают, какой этап подсказывают продажи.',
  auto: 'Менять этап, когда записываются продажи (в карточке и при импорте)',
  regular: 'Постоянный: не меньше',
  regularDays: 'дней с покупками',
  within: 'за',
  regularMonths: 'мес. до последней покупки',
  rules:
    'Нет покупок — потенциальный. Один день с покупкой — первая покупка. Два и больше — повторный. Потерянному, который снова купил, предлагается «Возвращён»; «Потерян», «Адвокат» и «Возвращён» сами не ставятся.',
  save: 'Сохранить',
  saved: 'Сохранено',
  notNumber: 'Введите целое число.',
};
