/** Messages of opening, creating and copying workbooks, in English and Russian (joined in messages.ts). */
export const workbookEn = {
  workbook_not_found: 'There is no file at {path}.',
  workbook_folder: '{path} is a folder. Choose a workbook file (.kartoteka) in it.',
  workbook_not_a_workbook:
    '"{name}" is not a Kartoteka workbook, so it was not opened. The file was left as it was.',
  workbook_foreign_database:
    '"{name}" is a database of another program, not a Kartoteka workbook, so it was not opened. The file was left as it was.',
  workbook_newer_version:
    '"{name}" was saved by a newer version of Kartoteka (its format is {found}; this version knows up to {known}). Update Kartoteka to open it. The file was left as it was.',
  workbook_needs_migration:
    '"{name}" was made by an older version of Kartoteka and must be upgraded before it opens, but here it can only be read. Open it for writing, or copy it to a folder you can write to, to upgrade it.',
  workbook_foreign_keys:
    '"{name}" could not be upgraded without breaking links between its records, so nothing in it was changed.',
  workbook_locked:
    '"{name}" is open for writing on {machine} by {user} since {since}. You can open it read-only.',
  workbook_read_only: 'The workbook is open read-only, so nothing was changed.',
  workbook_exists: 'There is a file at {path} already. Choose another name.',
  workbook_path_absolute:
    'Give the full path of the file, starting from the disk (for example /home/anna/Clients.kartoteka or C:\\Users\\Anna\\Clients.kartoteka).',
  workbook_folder_missing: 'There is no folder {folder}.',
  workbook_cannot_write: 'Cannot write to the folder {folder} ({details}).',
  workbook_switch_busy:
    'An import is running. Wait for it to finish (or cancel it), then open the other workbook.',
  workbook_copy_running: 'A copy of the workbook is being saved. Try again when it is done.',
  workbook_copy_same: 'That is the open workbook itself. Choose another name for the copy.',
  workbook_copy_locked:
    'The workbook at that path is open for writing on {machine} by {user} since {since}, so it cannot be replaced.',
  workbook_swapping: 'The workbook file is being replaced. Try again in a moment.',
} as const;

export const workbookRu: Record<keyof typeof workbookEn, string> = {
  workbook_not_found: 'Файла {path} нет.',
  workbook_folder: '{path} — это папка. Выберите в ней файл рабочей книги (.kartoteka).',
  workbook_not_a_workbook:
    '«{name}» — не рабочая книга Картотеки, поэтому она не открыта. Файл остался как был.',
  workbook_foreign_database:
    '«{name}» — база данных другой программы, а не рабочая книга Картотеки, поэтому она не открыта. Файл остался как был.',
  workbook_newer_version:
    '«{name}» сохранена более новой версией Картотеки (её формат — {found}, эта версия знает до {known}). Обновите Картотеку, чтобы открыть её. Файл остался как был.',
  workbook_needs_migration:
    '«{name}» создана более старой версией Картотеки, и перед открытием её нужно обновить, а здесь её можно только читать. Откройте её для записи или скопируйте в папку, куда можно писать, — тогда она обновится.',
  workbook_foreign_keys:
    '«{name}» не удалось обновить, не разорвав связи между записями, поэтому в ней ничего не изменено.',
  workbook_locked:
    '«{name}» открыта для записи на компьютере {machine} пользователем {user} с {since}. Её можно открыть только для чтения.',
  workbook_read_only: 'Рабочая книга открыта только для чтения — ничего не изменено.',
  workbook_exists: 'Файл {path} уже есть. Выберите другое имя.',
  workbook_path_absolute:
    'Укажите полный путь к файлу, начиная с диска (например, C:\\Users\\Anna\\Клиенты.kartoteka или /home/anna/Клиенты.kartoteka).',
  workbook_folder_missing: 'Папки {folder} нет.',
  workbook_cannot_write: 'Нельзя записать в папку {folder} ({details}).',
  workbook_switch_busy:
    'Идёт импорт. Дождитесь его окончания (или отмените его), затем откройте другую рабочую книгу.',
  workbook_copy_running:
    'Сейчас сохраняется копия рабочей книги. Повторите, когда она будет готова.',
  workbook_copy_same: 'Это и есть открытая рабочая книга. Выберите для копии другое имя.',
  workbook_copy_locked:
    'Рабочая книга по этому пути открыта для записи на компьютере {machine} пользователем {user} с {since}, поэтому её нельзя заменить.',
  workbook_swapping: 'Файл рабочей книги сейчас заменяется. Повторите через минуту.',
};
