/** Strings of one area of the renderer, in English and Russian (same keys; a unit test checks). */
export const en = {
  button: 'Export',
  menu: 'Export to a file',
  xlsx: 'Excel (.xlsx)',
  csvUtf8: 'CSV (UTF-8)',
  csv1251: 'CSV (Windows-1251)',
  busy: 'Exporting…',
  failed: 'Could not export: {{message}}',
  growthTitle: 'Growth points {{period}}',
};

export const ru: typeof en = {
  button: 'Выгрузить',
  menu: 'Выгрузить в файл',
  xlsx: 'Excel (.xlsx)',
  csvUtf8: 'CSV (UTF-8)',
  csv1251: 'CSV (Windows-1251)',
  busy: 'Выгружаю…',
  failed: 'Не удалось выгрузить: {{message}}',
  growthTitle: 'Точки роста {{period}}',
};
