/** Campaigns with a control group (issue 17), in English and Russian (same keys). */
export const en = {
  title: 'Campaigns',
  intro:
    'Act on a list of clients and learn whether it paid: part of the list is left alone as a control group, and the result compares the two.',
  empty:
    'No campaigns yet. Select clients in the list (or filter it) and choose "Start a campaign".',
  startFromList: 'Start a campaign',
  backToList: 'All campaigns',
  new: {
    title: 'Start a campaign',
    audience_one: 'Audience: {{count}} client',
    audience_few: 'Audience: {{count}} clients',
    audience_many: 'Audience: {{count}} clients',
    audience_other: 'Audience: {{count}} clients',
    noAudience: 'Choose the clients first: select them in the client list, or filter it.',
    name: 'Name',
    goal: 'Goal',
    action: 'Action per client',
    holdout: 'Control group, %',
    holdoutHint: 'Left alone, to compare with. 15 % is usual; 0 means no comparison.',
    dueDays: 'Due in, days',
    template: 'Message template (optional)',
    recurring: 'Recurring: clients who come to match the filter later join too',
    recurringHint:
      'Each time Today or the Campaigns page opens, the filter is run again and new clients join, each drawn into contact or control like the first ones. For birthdays, filter the list by "Days to birthday: at most 7".',
    start: 'Start',
  },
  goals: {
    win_back: 'Win back',
    reactivate: 'Reactivate',
    up_sale: 'Up-sale',
    cross_sale: 'Cross-sale',
    birthday: 'Birthday',
    regular_touch: 'Regular touch',
  },
  actions: { call: 'Call', message: 'Message', offer: 'Offer', visit: 'Visit' },
  groups: { contact: 'Contact', control: 'Control' },
  statuses: { pending: 'To do', done: 'Contacted', skipped: 'Skipped' },
  outcomes: {
    none: 'No outcome',
    reached: 'Reached',
    not_reached: 'Not reached',
    refused: 'Refused',
    agreed: 'Agreed',
  },
  table: {
    name: 'Campaign',
    goal: 'Goal',
    action: 'Action',
    started: 'Started',
    audience: 'Audience',
    contact: 'Contact',
    control: 'Control',
    done: 'Contacted',
    buyRate: 'Bought: contact / control',
    perClientDiff: 'Difference per client',
    uplift: 'Uplift in money',
    reliable: 'Difference',
  },
  recurringBadge: 'recurring',
  compare: {
    caption_one: 'Each campaign over {{count}} day after each client’s contact',
    caption_few: 'Each campaign over {{count}} days after each client’s contact',
    caption_many: 'Each campaign over {{count}} days after each client’s contact',
    caption_other: 'Each campaign over {{count}} days after each client’s contact',
    verdict: {
      noControl: 'no control group',
      tooLittle: 'not reliable yet',
      reliable: 'reliable',
      reliableWorse: 'reliable, worse',
    },
  },
  sentence: {
    actions: { call: 'Calls', message: 'Messages', offer: 'Offers', visit: 'Visits' },
    returned_one:
      '{{action}} brought back {{count}} client over the control group, ≈ {{money}}; the difference is reliable.',
    returned_few:
      '{{action}} brought back {{count}} clients over the control group, ≈ {{money}}; the difference is reliable.',
    returned_many:
      '{{action}} brought back {{count}} clients over the control group, ≈ {{money}}; the difference is reliable.',
    returned_other:
      '{{action}} brought back {{count}} clients over the control group, ≈ {{money}}; the difference is reliable.',
    brought_one:
      '{{action}} brought {{count}} buying client over the control group, ≈ {{money}}; the difference is reliable.',
    brought_few:
      '{{action}} brought {{count}} buying clients over the control group, ≈ {{money}}; the difference is reliable.',
    brought_many:
      '{{action}} brought {{count}} buying clients over the control group, ≈ {{money}}; the difference is reliable.',
    brought_other:
      '{{action}} brought {{count}} buying clients over the control group, ≈ {{money}}; the difference is reliable.',
  },
  curve: {
    buyRate: 'Share who bought',
    revenuePerClient: 'Revenue per client',
    daysAxis: 'Days since contact',
    day_one: 'Day {{count}}',
    day_few: 'Day {{count}}',
    day_many: 'Day {{count}}',
    day_other: 'Day {{count}}',
    aria: '{{title}} by day since contact; after {{days}} days: contact {{contact}}, control {{control}}',
    table: 'Figures by day',
  },
  delete: {
    button: 'Delete campaign',
    confirm:
      'Move the campaign "{{name}}" to the trash? Its clients and their marks are kept, and it can be brought back.',
    done: 'Campaign "{{name}}" moved to the trash.',
    undo: 'Undo',
    restored: 'Campaign "{{name}}" is back.',
    dismiss: 'Close',
  },
  progress: 'Contacted: {{done}} of {{total}}',
  window: 'Window after contact',
  windowDays_one: '{{count}} day',
  windowDays_few: '{{count}} days',
  windowDays_many: '{{count}} days',
  windowDays_other: '{{count}} days',
  figures: {
    group: 'Group',
    clients: 'Clients',
    buyers: 'Bought',
    buyRate: 'Share who bought',
    revenue: 'Revenue',
    perClient: 'Revenue per client',
    margin: 'Margin',
  },
  diff: {
    buyRate: 'Difference in share who bought',
    perClient: 'Difference in revenue per client',
    uplift: 'Uplift in money',
    ci: '95 % interval: {{lo}} … {{hi}}',
    points: '{{value}} pp',
  },
  verdict: {
    noControl:
      'There is no control group, so the campaign’s effect cannot be told apart from what would have happened anyway.',
    tooLittle: 'Too little data yet to tell the effect from chance.',
    reliable:
      'Contacted clients bought more often than the control group: the difference is reliable.',
    reliableWorse:
      'Contacted clients bought less often than the control group: the difference is reliable.',
  },
  members: {
    title: 'Clients',
    client: 'Client',
    group: 'Group',
    status: 'Status',
    outcome: 'Outcome',
    markDone: 'Contacted',
    skip: 'Skip',
    reopen: 'Back to to-do',
    leftAlone: 'left alone',
  },
};

export const ru: typeof en = {
  title: 'Кампании',
  intro:
    'Действие на список клиентов — и ответ, окупилось ли оно: часть списка не трогают (контрольная группа), а результат сравнивает две группы.',
  empty:
    'Кампаний пока нет. Выделите клиентов в списке (или отфильтруйте его) и выберите «Начать кампанию».',
  startFromList: 'Начать кампанию',
  backToList: 'Все кампании',
  new: {
    title: 'Новая кампания',
    audience_one: 'Аудитория: {{count}} клиент',
    audience_few: 'Аудитория: {{count}} клиента',
    audience_many: 'Аудитория: {{count}} клиентов',
    audience_other: 'Аудитория: {{count}} клиента',
    noAudience: 'Сначала выберите клиентов: выделите их в списке клиентов или отфильтруйте его.',
    name: 'Название',
    goal: 'Цель',
    action: 'Действие с клиентом',
    holdout: 'Контрольная группа, %',
    holdoutHint: 'Их не трогают, чтобы было с чем сравнить. Обычно 15 %; 0 — без сравнения.',
    dueDays: 'Срок, дней',
    template: 'Шаблон сообщения (необязательно)',
    recurring: 'Повторяющаяся: клиенты, которые подойдут под фильтр позже, тоже войдут',
    recurringHint:
      'Каждый раз, когда открывается «Сегодня» или страница «Кампании», фильтр запускается снова, и новые клиенты входят в кампанию — в контакт или в контроль, как и первые. Для дней рождения отфильтруйте список: «Дней до дня рождения: не больше 7».',
    start: 'Начать',
  },
  goals: {
    win_back: 'Вернуть потерянных',
    reactivate: 'Оживить',
    up_sale: 'Допродажа',
    cross_sale: 'Кросс-продажа',
    birthday: 'День рождения',
    regular_touch: 'Регулярное касание',
  },
  actions: { call: 'Звонок', message: 'Сообщение', offer: 'Предложение', visit: 'Визит' },
  groups: { contact: 'Контакт', control: 'Контроль' },
  statuses: { pending: 'В работе', done: 'Связались', skipped: 'Пропущен' },
  outcomes: {
    none: 'Без итога',
    reached: 'Дозвонились',
    not_reached: 'Не дозвонились',
    refused: 'Отказ',
    agreed: 'Согласие',
  },
  table: {
    name: 'Кампания',
    goal: 'Цель',
    action: 'Действие',
    started: 'Начата',
    audience: 'Аудитория',
    contact: 'Контакт',
    control: 'Контроль',
    done: 'Связались',
    buyRate: 'Купили: контакт / контроль',
    perClientDiff: 'Разница на клиента',
    uplift: 'Прирост в деньгах',
    reliable: 'Разница',
  },
  recurringBadge: 'повторяющаяся',
  compare: {
    caption_one: 'Каждая кампания за {{count}} день после контакта с каждым клиентом',
    caption_few: 'Каждая кампания за {{count}} дня после контакта с каждым клиентом',
    caption_many: 'Каждая кампания за {{count}} дней после контакта с каждым клиентом',
    caption_other: 'Каждая кампания за {{count}} дня после контакта с каждым клиентом',
    verdict: {
      noControl: 'нет контрольной группы',
      tooLittle: 'пока ненадёжна',
      reliable: 'надёжна',
      reliableWorse: 'надёжна, хуже',
    },
  },
  sentence: {
    actions: { call: 'Звонки', message: 'Сообщения', offer: 'Предложения', visit: 'Визиты' },
    returned_one:
      '{{action}} вернули {{count}} клиента сверх контрольной группы, ≈ {{money}}; разница надёжна.',
    returned_few:
      '{{action}} вернули {{count}} клиентов сверх контрольной группы, ≈ {{money}}; разница надёжна.',
    returned_many:
      '{{action}} вернули {{count}} клиентов сверх контрольной группы, ≈ {{money}}; разница надёжна.',
    returned_other:
      '{{action}} вернули {{count}} клиента сверх контрольной группы, ≈ {{money}}; разница надёжна.',
    brought_one:
      '{{action}} принесли {{count}} покупателя сверх контрольной группы, ≈ {{money}}; разница надёжна.',
    brought_few:
      '{{action}} принесли {{count}} покупателей сверх контрольной группы, ≈ {{money}}; разница надёжна.',
    brought_many:
      '{{action}} принесли {{count}} покупателей сверх контрольной группы, ≈ {{money}}; разница надёжна.',
    brought_other:
      '{{action}} принесли {{count}} покупателя сверх контрольной группы, ≈ {{money}}; разница надёжна.',
  },
  curve: {
    buyRate: 'Доля купивших',
    revenuePerClient: 'Выручка на клиента',
    daysAxis: 'Дней после контакта',
    day_one: '{{count}}-й день',
    day_few: '{{count}}-й день',
    day_many: '{{count}}-й день',
    day_other: '{{count}}-й день',
    aria: '{{title}} по дням после контакта; через {{days}} дн.: контакт {{contact}}, контроль {{control}}',
    table: 'Цифры по дням',
  },
  delete: {
    button: 'Удалить кампанию',
    confirm:
      'Переместить кампанию «{{name}}» в корзину? Её клиенты и их отметки сохранятся, кампанию можно будет вернуть.',
    done: 'Кампания «{{name}}» перемещена в корзину.',
    undo: 'Отменить',
    restored: 'Кампания «{{name}}» возвращена.',
    dismiss: 'Закрыть',
  },
  progress: 'Связались: {{done}} из {{total}}',
  window: 'Окно после контакта',
  windowDays_one: '{{count}} день',
  windowDays_few: '{{count}} дня',
  windowDays_many: '{{count}} дней',
  windowDays_other: '{{count}} дня',
  figures: {
    group: 'Группа',
    clients: 'Клиентов',
    buyers: 'Купили',
    buyRate: 'Доля купивших',
    revenue: 'Выручка',
    perClient: 'Выручка на клиента',
    margin: 'Маржа',
  },
  diff: {
    buyRate: 'Разница в доле купивших',
    perClient: 'Разница в выручке на клиента',
    uplift: 'Прирост в деньгах',
    ci: '95 % интервал: {{lo}} … {{hi}}',
    points: '{{value}} п. п.',
  },
  verdict: {
    noControl:
      'Контрольной группы нет, поэтому эффект кампании не отличить от того, что случилось бы и так.',
    tooLittle: 'Пока слишком мало данных, чтобы отличить эффект от случайности.',
    reliable: 'Клиенты, с которыми связались, покупали чаще контрольной группы: разница надёжна.',
    reliableWorse:
      'Клиенты, с которыми связались, покупали реже контрольной группы: разница надёжна.',
  },
  members: {
    title: 'Клиенты',
    client: 'Клиент',
    group: 'Группа',
    status: 'Статус',
    outcome: 'Итог',
    markDone: 'Связались',
    skip: 'Пропустить',
    reopen: 'Вернуть в работу',
    leftAlone: 'не трогаем',
  },
};
