/** The first run: an empty workbook's first steps, and the demo workbook. */
export const en = {
  title: 'Welcome to Kartoteka',
  lead: 'This workbook has no clients yet. Start in one of three ways:',
  add: {
    title: 'Add a client',
    body: 'A name and a phone are enough; the card grows as you work with the client.',
    button: 'New client',
  },
  import: {
    title: 'Import a file',
    body: 'Clients or sales from 1C, Excel or CSV: columns are matched for you, and the whole import can be undone.',
    button: 'Import from a file…',
  },
  demo: {
    title: 'Look at the demo',
    body: 'A separate workbook of 400 clients with three years of sales, comments and reminders, so you can see every screen at once. Your workbook stays as it is.',
    button: 'Open the demo workbook',
    building: 'Building the demo…',
  },
};

export const ru: typeof en = {
  title: 'Добро пожаловать в Картотеку',
  lead: 'В этой книге пока нет клиентов. Начните одним из трёх способов:',
  add: {
    title: 'Добавить клиента',
    body: 'Хватит имени и телефона; карточка пополняется по мере работы с клиентом.',
    button: 'Новый клиент',
  },
  import: {
    title: 'Загрузить файл',
    body: 'Клиенты или продажи из 1С, Excel или CSV: столбцы сопоставятся сами, а весь импорт можно отменить.',
    button: 'Импортировать из файла…',
  },
  demo: {
    title: 'Посмотреть демо',
    body: 'Отдельная книга на 400 клиентов с продажами за три года, комментариями и напоминаниями, чтобы сразу увидеть все экраны. Ваша книга останется как есть.',
    button: 'Открыть демо-книгу',
    building: 'Собираем демо…',
  },
};
