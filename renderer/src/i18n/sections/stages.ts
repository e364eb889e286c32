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
  title: 'Стадии по продажам',
  lead: 'Клиент поднимается по лестнице с каждой покупкой: потенциальный → первая покупка → повторный → постоянный. Стадию, выбранную вручную, программа не трогает: список и карточка показывают, какую стадию подсказывают продажи.',
  auto: 'Менять стадию, когда записываются продажи (в карточке и при импорте)',
  regular: 'Постоянный: не меньше',
  regularDays: 'дней с покупками',
  within: 'за',
  regularMonths: 'мес. до последней покупки',
  rules:
    'Нет покупок — потенциальный. Один день с покупкой — первая покупка. Два и больше — повторный. Ушедшему, который снова купил, предлагается «Возвращён»; «Ушёл», «Адвокат» и «Возвращён» сами не ставятся.',
  save: 'Сохранить',
  saved: 'Сохранено',
  notNumber: 'Введите целое число.',
};
