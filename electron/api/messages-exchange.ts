/** Messages of the sync engine and of exchange files, in English and Russian (joined in messages.ts). */
export const exchangeEn = {
  sync_bad_url:
    'This is not a PostgreSQL address. Fill in the server, port, database and user (the address looks like postgres://user@server:5432/database).',
  sync_not_configured:
    'Sync is not set up on this device. Connect it to the hub in Settings → Sync first.',
  sync_other_workbook:
    'This workbook already belongs to another hub workbook, so it cannot join this one. Create a new, empty workbook to join it.',
  sync_join_not_empty:
    'Only an empty workbook (or a copy of that workbook) can join a hub workbook: this one already has clients. Create a new workbook and join from it, or connect this one as a new hub workbook.',
  sync_no_such_workbook:
    'The hub has no workbook with this id. Check the id on the device you are joining (Settings → Sync).',
  sync_conflict_not_found:
    'There is no such conflict (it may have been settled). Refresh the list.',
  exchange_missing: 'There is no file at {path}. Check the path.',
  exchange_not_a_file:
    'This file is not a Kartoteka exchange file, or it is damaged ({path}). Nothing was changed.',
  exchange_other_workbook:
    'This exchange file belongs to another workbook, so nothing was loaded. Open the workbook it was written for.',
  exchange_not_empty:
    'This workbook already has clients and does not take part in this exchange, so nothing was loaded. Load the file into a new, empty workbook to start from it.',
} as const;

export const exchangeRu: Record<keyof typeof exchangeEn, string> = {
  sync_bad_url:
    'Это не адрес PostgreSQL. Укажите сервер, порт, базу данных и пользователя (адрес выглядит так: postgres://пользователь@сервер:5432/база).',
  sync_not_configured:
    'Синхронизация на этом устройстве не настроена. Сначала подключите его к серверу в «Настройки → Синхронизация».',
  sync_other_workbook:
    'Эта книга уже связана с другой книгой на сервере, поэтому присоединиться к этой она не может. Чтобы присоединиться, создайте новую пустую книгу.',
  sync_join_not_empty:
    'Присоединиться к книге на сервере может только пустая книга (или копия той книги), а в этой уже есть клиенты. Создайте новую книгу и присоединитесь из неё — или подключите эту как новую книгу на сервере.',
  sync_no_such_workbook:
    'На сервере нет книги с таким идентификатором. Проверьте его на устройстве, к которому присоединяетесь («Настройки → Синхронизация»).',
  sync_conflict_not_found: 'Такого конфликта нет (возможно, он уже решён). Обновите список.',
  exchange_missing: 'Файла {path} нет. Проверьте путь.',
  exchange_not_a_file:
    'Этот файл — не файл обмена Картотеки, или он повреждён ({path}). Ничего не изменено.',
  exchange_other_workbook:
    'Этот файл обмена относится к другой книге, поэтому ничего не загружено. Откройте книгу, для которой он записан.',
  exchange_not_empty:
    'В этой книге уже есть клиенты, и она не участвует в этом обмене, поэтому ничего не загружено. Чтобы начать с этого файла, загрузите его в новую пустую книгу.',
};
