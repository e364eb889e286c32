/** Messages of exporting lists and reports, in English and Russian (joined in messages.ts). */
export const exportEn = {
  export_column: 'Cannot export the column "{key}": no such field.',
  export_row_cells: 'This row has a different number of cells than the table has columns.',
  export_too_many_cells: 'Too much to export at once (more than 10 million cells).',
  datetime_invalid: 'Not a real date and time (expected e.g. 2026-12-01T10:30:00Z).',
  time_zone_invalid: 'Unknown time zone (expected e.g. Europe/Moscow).',
} as const;

export const exportRu: Record<keyof typeof exportEn, string> = {
  export_column: 'Нельзя выгрузить столбец «{key}»: такого поля нет.',
  export_row_cells: 'В этой строке не столько ячеек, сколько столбцов в таблице.',
  export_too_many_cells: 'Слишком много для одной выгрузки (больше 10 миллионов ячеек).',
  datetime_invalid: 'Такой даты и времени нет (ожидается, например, 2026-12-01T10:30:00Z).',
  time_zone_invalid: 'Неизвестный часовой пояс (ожидается, например, Europe/Moscow).',
};
