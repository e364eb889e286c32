import type { Catalogue } from './en';
import * as admin from './sections/admin';
import * as card from './sections/card';
import * as list from './sections/list';
import * as remindersSection from './sections/reminders';
import * as today from './sections/today';
import * as salesSection from './sections/sales';
import * as growth from './sections/growth';
import * as exportsSection from './sections/exports';
import * as imp from './sections/imports';
import * as ret from './sections/retain';
import * as ana from './sections/analytics';
import * as stg from './sections/stages';
import * as wbk from './sections/workbook';
import * as pwd from './sections/password';
import * as port from './sections/portable';
import * as bak from './sections/backups';
import * as sync from './sections/sync';
import * as firstRun from './sections/first-run';
import * as keys from './sections/keys';
import * as brief from './sections/brief';
import * as camp from './sections/campaigns';
import * as acts from './sections/lists';

/** Русские строки. */
export const ru: Catalogue = {
  cardx: card.ru,
  admin: admin.ru,
  list: list.ru,
  today: today.ru,
  rem: remindersSection.ru,
  sales: salesSection.ru,
  growth: growth.ru,
  exp: exportsSection.ru,
  imp: imp.ru,
  ret: ret.ru,
  ana: ana.ru,
  stg: stg.ru,
  wbk: wbk.ru,
  pwd: pwd.ru,
  port: port.ru,
  firstRun: firstRun.ru,
  bak: bak.ru,
  sync: sync.ru,
  keys: keys.ru,
  brief: brief.ru,
  /** Campaigns with a control group. */
  camp: camp.ru,
  /** Actions on a whole list: bulk edits, reminders, touches, export, a campaign. */
  acts: acts.ru,
  app: { name: 'Картотека', loading: 'Загрузка…' },
  dates: { pick: 'Выбрать дату в календаре', calendar: 'Календарь' },
  nav: {
    today: 'Сегодня',
    clients: 'Клиенты',
    analytics: 'Аналитика',
    growth: 'Точки роста',
    import: 'Импорт',
    settings: 'Настройки',
    workbook: 'Книга',
    noWorkbook: 'не открыта',
    user: 'Вы',
  },
  search: { placeholder: 'Поиск по имени, телефону, почте, компании…', shortcut: 'Ctrl+K' },
  clients: {
    title: 'Клиенты',
    count_one: '{{count}} клиент',
    count_few: '{{count}} клиента',
    count_many: '{{count}} клиентов',
    count_other: '{{count}} клиента',
    new: 'Новый клиент',
    emptyTitle: 'Клиентов пока нет',
    emptyBody:
      'Добавьте первого клиента (для начала хватит имени и телефона) или загрузите список из файла Excel или CSV, например выгрузку из 1С.',
    importFirst: 'Импортировать из файла…',
    noResults: 'По запросу «{{query}}» никого не нашлось.',
    clearSearch: 'Сбросить поиск',
    open: 'Открыть карточку',
  },
  fields: {
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
    updatedAt: 'Изменён',
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
  newClient: {
    title: 'Новый клиент',
    save: 'Создать клиента',
    cancel: 'Отмена',
    namePlaceholder: 'ФИО или название компании',
  },
  card: {
    back: 'Все клиенты',
    contacts: 'Контакты',
    about: 'О клиенте',
    empty: 'не указано',
    editHint: 'Щёлкните, чтобы изменить · Enter — сохранить · Escape — отменить',
    save: 'Сохранить',
    cancel: 'Отмена',
    copied: 'Скопировано',
    copyPhone: 'Копировать',
    call: 'Позвонить',
    write: 'Написать',
    notFound: 'Клиент не найден. Возможно, он удалён.',
    saved: 'Сохранено',
  },
  history: {
    title: 'История',
    empty: 'Изменений пока нет.',
    created: 'Создал клиента',
    edited: 'Изменил',
    none: 'пусто',
  },
  settings: {
    title: 'Настройки',
    language: 'Язык',
    currency: 'Валюта',
    currencies: { RUB: 'Рубли, ₽', USD: 'Доллары США, $', EUR: 'Евро, €' },
    userName: 'Ваше имя',
    userNameHint: 'Записывается автором каждого вашего изменения.',
    save: 'Сохранить',
    saved: 'Сохранено',
    workbook: 'Файл книги',
    version: 'Версия',
  },
  errors: {
    network: 'Картотека не смогла получить данные: {{message}}',
    noToken:
      'Эту страницу нужно открывать по ссылке, которую напечатал «npm run web» (в ней одноразовый ключ).',
    staleToken:
      'Эта страница осталась от прошлого запуска Картотеки, и её ключ больше не открывает рабочую книгу. Откройте ссылку, напечатанную при этом запуске (ту, что с #token=…).',
    fatalTitle: 'Что-то пошло не так',
    fatalBody:
      'В Картотеке произошла непредвиденная ошибка. Сохранённые данные в порядке. Скопируйте подробности для отчёта и перезагрузите окно.',
    copyDetails: 'Скопировать подробности',
    reload: 'Перезагрузить',
  },
  /** In a date: "12 мая 2026". */
  months: ['янв', 'фев', 'мар', 'апр', 'мая', 'июн', 'июл', 'авг', 'сен', 'окт', 'ноя', 'дек'],
  /** On its own (a chart's axis, a menu): "май 26". */
  monthsStandalone: [
    'янв',
    'фев',
    'мар',
    'апр',
    'май',
    'июн',
    'июл',
    'авг',
    'сен',
    'окт',
    'ноя',
    'дек',
  ],
};
