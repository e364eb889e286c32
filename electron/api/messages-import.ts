/** Messages of importing files, in English and Russian (joined into the catalogue in messages.ts). */
export const importEn = {
  import_empty: 'The file is empty: there is nothing to import.',
  import_binary:
    'This is not a table: the file looks like an image, an archive or a program. Save it from Excel as CSV or .xlsx and pick it again.',
  import_mixed_encoding:
    'The file mixes text encodings (part UTF-8, part Windows-1251), so some letters would come out garbled. Open it in Excel and save it again as "CSV UTF-8".',
  import_too_large:
    'The file is too large ({size:bytes}); Kartoteka imports files up to {max:bytes}. Split it into several files.',
  import_too_many_columns:
    'The file has {count} {count|column|columns}; at most {max} can be imported. Is the first row a header row?',
  import_too_many_rows:
    'The file has {count} {count|row|rows}; at most {max} can be imported at once.',
  import_no_rows: 'The file has a header row but no data rows.',
  import_not_found: 'File not found: {path}.',
  import_unreadable: 'The file cannot be read: {details}.',
  import_xlsx_broken:
    'The Excel file is damaged or incomplete (it may not have finished copying). Open it in Excel, save it again and retry.',
  import_xls_old:
    'This is an old Excel .xls file. Save it as .xlsx (Excel workbook) or CSV and pick it again.',
  import_sheet_not_found: 'There is no sheet "{sheet}" in this file. Sheets: {sheets}.',
  import_mapping_column: 'There is no column "{column}" in the file.',
  import_mapping_field: 'Column "{column}": unknown field "{field}".',
  import_mapping_twice: 'Field "{field}" is chosen for two columns: {columns}. Keep one.',
  import_mapping_required: 'Choose the column for the required field "{field}".',
  import_sales_key:
    'Choose a column that identifies the client of each sale: client code, phone, email or tax id.',
  import_date_order:
    'Dates in column "{column}" read both ways (e.g. {example}): choose whether the day or the month comes first.',
  import_cell_date: '"{value}" is not a date.',
  import_cell_number: '"{value}" is not a number.',
  import_cell_stage:
    '"{value}" is not a stage (prospect, first purchase, repeat, regular, advocate, lost, won back).',
  import_cell_kind: '"{value}": expected "person" or "company".',
  import_code_in_trash:
    'The code "{value}" belongs to "{name}" in the trash: restore that client or empty the trash first.',
  import_code_in_file:
    'The code "{value}" is already taken by row {row} of this file: choose which row to keep for their group.',
  import_id_in_trash:
    'The client with the Kartoteka ID "{value}" ("{name}") is in the trash: restore it first.',
  import_client_not_found: 'No client with "{value}".',
  import_client_ambiguous:
    '"{value}" matches {count} {count|client|clients}; use the client code instead.',
  import_client_missing:
    'The row does not say whose sale it is (client code, phone, email or tax id).',
  import_busy: 'Another import is running; wait for it to finish or cancel it.',
  import_cancelled: 'The import was cancelled. Nothing was written.',
  import_nothing_running: 'No import is running.',
  import_upload_failed: 'The file could not be received: {details}',
  workbook_busy: 'The workbook is busy with an import. Try again in a moment.',
  import_pick_unavailable: 'Choosing a file from disk works only in the desktop app.',
  import_path_not_allowed:
    'Kartoteka imports only a file chosen in the first step of the import (uploaded to this window or picked in the file dialog). Choose the file again.',
} as const;

export const importRu: Record<keyof typeof importEn, string> = {
  import_empty: 'Файл пустой — импортировать нечего.',
  import_binary:
    'Это не таблица: файл похож на картинку, архив или программу. Сохраните его из Excel как CSV или .xlsx и выберите снова.',
  import_mixed_encoding:
    'В файле смешаны кодировки (часть в UTF-8, часть в Windows-1251), и часть букв превратилась бы в «кракозябры». Откройте его в Excel и сохраните заново как «CSV UTF-8».',
  import_too_large:
    'Файл слишком большой ({size:bytes}); Картотека импортирует файлы до {max:bytes}. Разделите его на несколько файлов.',
  import_too_many_columns:
    'В файле {count} {count|столбец|столбца|столбцов}; импортировать можно не больше {max}. Первая строка — это заголовки?',
  import_too_many_rows:
    'В файле {count} {count|строка|строки|строк}; за раз можно импортировать не больше {max}.',
  import_no_rows: 'В файле есть строка заголовков, но нет строк с данными.',
  import_not_found: 'Файл не найден: {path}.',
  import_unreadable: 'Файл не читается: {details}.',
  import_xlsx_broken:
    'Файл Excel повреждён или недописан (возможно, копирование не закончилось). Откройте его в Excel, сохраните заново и повторите.',
  import_xls_old:
    'Это старый файл Excel .xls. Сохраните его как .xlsx (книга Excel) или CSV и выберите снова.',
  import_sheet_not_found: 'Листа «{sheet}» в файле нет. Листы: {sheets}.',
  import_mapping_column: 'Столбца «{column}» в файле нет.',
  import_mapping_field: 'Столбец «{column}»: неизвестное поле «{field}».',
  import_mapping_twice: 'Поле «{field}» выбрано для двух столбцов: {columns}. Оставьте один.',
  import_mapping_required: 'Выберите столбец для обязательного поля «{field}».',
  import_sales_key:
    'Выберите столбец, по которому найти клиента каждой продажи: код клиента, телефон, почта или ИНН.',
  import_date_order:
    'Даты в столбце «{column}» читаются двояко (например, {example}): укажите, что идёт первым — день или месяц.',
  import_cell_date: '«{value}» — не дата.',
  import_cell_number: '«{value}» — не число.',
  import_cell_stage:
    '«{value}» — не этап (потенциальный, первая покупка, повторная покупка, постоянный, адвокат, потерян, возвращён).',
  import_cell_kind: '«{value}»: ожидается «человек» или «компания».',
  import_code_in_trash:
    'Код «{value}» у клиента «{name}» в корзине: восстановите его или очистите корзину.',
  import_code_in_file:
    'Код «{value}» уже у строки {row} этого файла: выберите для их группы, какую строку оставить.',
  import_id_in_trash:
    'Клиент с ID в Картотеке «{value}» («{name}») в корзине: сначала восстановите его.',
  import_client_not_found: 'Клиента с «{value}» нет.',
  import_client_ambiguous:
    '«{value}» подходит {count} {count|клиенту|клиентам|клиентам} — укажите код клиента.',
  import_client_missing:
    'В строке не сказано, чья это продажа (код клиента, телефон, почта или ИНН).',
  import_busy: 'Уже идёт другой импорт — дождитесь его окончания или отмените его.',
  import_cancelled: 'Импорт отменён. Ничего не записано.',
  import_nothing_running: 'Импорт сейчас не идёт.',
  import_upload_failed: 'Файл не удалось получить: {details}',
  workbook_busy: 'Рабочая книга занята импортом. Повторите через минуту.',
  import_pick_unavailable: 'Выбрать файл с диска можно только в настольном приложении.',
  import_path_not_allowed:
    'Картотека импортирует только файл, выбранный на первом шаге импорта (загруженный в это окно или выбранный в диалоге). Выберите файл ещё раз.',
};
