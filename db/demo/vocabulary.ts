/**
 * Word lists the bench generator draws from: names, places, goods and comment phrases. Kept as
 * separated strings so the lists stay compact under prettier.
 */

/** Splits a whitespace-separated list. */
const words = (s: string): readonly string[] => s.trim().split(/\s+/);
/** Splits a `|`-separated list of phrases. */
const phrases = (s: string): readonly string[] =>
  s
    .split('|')
    .map((p) => p.trim())
    .filter(Boolean);

/** Surnames in the masculine form, most common first (picked with a Zipf-like skew). */
export const SURNAMES = words(`
  Иванов Смирнов Кузнецов Попов Васильев Петров Соколов Михайлов Новиков Фёдоров Морозов Волков
  Алексеев Лебедев Семёнов Егоров Павлов Козлов Степанов Николаев Орлов Андреев Макаров Никитин
  Захаров Зайцев Соловьёв Борисов Яковлев Григорьев Романов Воробьёв Сергеев Кузьмин Фролов
  Александров Дмитриев Королёв Гусев Киселёв Ильин Максимов Поляков Сорокин Виноградов Ковалёв
  Белов Медведев Антонов Тарасов Жуков Баранов Филиппов Комаров Давыдов Беляев Герасимов Богданов
  Осипов Сидоров Матвеев Титов Марков Миронов Крылов Куликов Карпов Власов Мельников Денисов
  Гаврилов Тихонов Казаков Афанасьев Данилов Савельев Тимофеев Фомин Чернов Абрамов Мартынов
  Ефимов Федотов Щербаков Назаров Калинин Исаев Чернышёв Быков Маслов Родионов Коновалов Лазарев
  Воронин Климов Филатов Пономарёв Голубев Кудрявцев Прохоров Наумов Потапов Журавлёв Овчинников
  Трофимов Леонов Соболев Ермаков Колесников Гончаров Емельянов Никифоров Грачёв Котов Гришин
  Ефремов Архипов Громов Кириллов Малышев Панов Моисеев Румянцев Акимов Кондратьев Бирюков
  Горбунов Анисимов Еремин Тихомиров Галкин Лукьянов Михеев Скворцов Юдин Белоусов Нестеров
  Симонов Прокофьев Харитонов Князев Цветков Левин Митрофанов Воронцов Аксёнов Мальцев Логинов
  Горшков Савин Краснов Майоров Демидов Елисеев Рыбаков Сафонов Плотников Дёмин Хохлов Жданов
  Руденко Шевченко Бондаренко Ковальчук Кравченко Мельник Лысенко Островский Вишневский
  Покровский Успенский Троицкий Зелинский Рябинин Шестаков Гаврилюк Ткаченко Савченко Чайковский
  Полянский Березин Широков Вавилов
`);

export const MALE_NAMES = words(`
  Александр Сергей Дмитрий Андрей Алексей Максим Евгений Иван Михаил Артём Николай Владимир Павел
  Роман Денис Олег Игорь Антон Юрий Виктор Илья Кирилл Константин Никита Василий Григорий Фёдор
  Егор Тимур Руслан Вадим Станислав Леонид Борис Пётр Глеб
`);

export const FEMALE_NAMES = words(`
  Елена Ольга Наталья Татьяна Анна Мария Ирина Светлана Екатерина Юлия Анастасия Марина Людмила
  Галина Дарья Надежда Валентина Ксения Алина Виктория Оксана Любовь Вера Софья Полина Алёна
  Кристина Евгения Лариса Жанна Зоя Диана Яна Тамара
`);

/** Fathers' names without the ending: + «ич» / «на». */
export const PATRONYMIC_ROOTS = words(`
  Александров Сергеев Дмитриев Андреев Алексеев Иванов Михайлов Николаев Владимиров Павлов
  Викторов Юрьев Петров Борисов Олегов
`);

export const ENGLISH_FIRST = words(`
  James John Robert Michael David William Richard Thomas Daniel Emma Olivia Sophie Emily Charlotte
  Hannah Laura Sarah Anna Klaus
`);

export const ENGLISH_LAST = words(`
  Smith Johnson Williams Brown Jones Miller Davis Wilson Taylor Clark Walker Wright Green Baker
  Hughes Evans Müller Schmidt Weber
`);

export const COMPANY_HEADS = words(`
  Строй Техно Мастер Дом Евро Сиб Урал Профи Гранд Интер Вектор Альфа Север Град Электро Сад
  Инструмент Монтаж Ремонт Лес
`);

export const COMPANY_TAILS = words(`
  двор маркет торг снаб сервис ресурс мир центр плюс комплект лидер база групп проект склад строй
  арт тех снабжение опт
`);

export const POSITIONS = phrases(`
  директор | генеральный директор | закупщик | менеджер по закупкам | главный инженер | прораб |
  владелец | управляющий магазином | бухгалтер | снабженец
`);

/** Cities with their landline area codes. */
export const CITIES = phrases(`
  Екатеринбург 343 | Москва 495 | Санкт-Петербург 812 | Челябинск 351 | Пермь 342 | Тюмень 345 |
  Нижний Тагил 343 | Новосибирск 383 | Казань 843 | Уфа 347
`).map((s) => ({ name: s.slice(0, -4), code: s.slice(-3) }));

export const STREETS = phrases(`
  ул. Ленина | ул. Мира | ул. Малышева | пр. Космонавтов | ул. Гагарина | ул. Советская |
  ул. Садовая | ул. Заводская | ул. Строителей | ул. Победы | Сибирский тракт | ул. Лесная
`);

export const EMAIL_DOMAINS = words('mail.ru yandex.ru gmail.com bk.ru list.ru inbox.ru ya.ru');

export const CHANNELS = phrases(
  'Сайт | Рекомендация | Выставка | Холодный звонок | Авито | Instagram | Вывеска | Тендер | 2ГИС',
);
export const CHANNEL_WEIGHTS = [25, 20, 8, 10, 12, 6, 10, 3, 6] as const;

export const TAGS = words('VIP опт розница сеть дизайнер застройщик постоянный отсрочка самовывоз');

export const MANAGER_NAMES = phrases(`
  Анна Кравец | Дмитрий Лосев | Ольга Демина | Игорь Сафин | Мария Ветрова | Павел Юсупов |
  Елена Гордеева | Сергей Рябов | Татьяна Ким | Алексей Щукин
`);

export const LOST_REASONS = phrases(
  'Ушёл к конкуренту | Дорого | Закрыл бизнес | Не устроили сроки | Переехал',
);

export const BRANDS = words('Bosch Makita DeWalt Metabo Интерскол Зубр Hilti Ryobi Kärcher Stihl');

export const PRICE_SEGMENTS = words('эконом средний премиум');

export interface Category {
  name: string;
  products: readonly string[];
  /** Unit price range, roubles. */
  price: readonly [number, number];
}

export const CATEGORIES: readonly Category[] = [
  {
    name: 'Электроинструмент',
    products: phrases('Дрель | Перфоратор | Шуруповёрт | Болгарка | Лобзик'),
    price: [3000, 45000],
  },
  {
    name: 'Ручной инструмент',
    products: phrases('Набор ключей | Молоток | Уровень | Рулетка'),
    price: [300, 6000],
  },
  {
    name: 'Расходники',
    products: phrases('Диск отрезной | Бур SDS | Биты | Свёрла | Пильное полотно'),
    price: [80, 2500],
  },
  {
    name: 'Садовая техника',
    products: phrases('Триммер | Газонокосилка | Культиватор | Снегоуборщик'),
    price: [6000, 90000],
  },
  { name: 'Крепёж', products: phrases('Саморезы | Дюбели | Анкеры | Хомуты'), price: [50, 1500] },
  {
    name: 'Спецодежда',
    products: phrases('Перчатки | Комбинезон | Каска | Очки защитные'),
    price: [150, 7000],
  },
];

/** Comment bodies by kind; `{brand}`, `{product}`, `{category}` and `{n}` are filled in. */
export const COMMENT_TEMPLATES = {
  note: phrases(`Предпочитает связь в мессенджере | Платит с задержкой, согласовывать отсрочку |
    Интересуется новинками {brand} | Работает по субботам, звонить до 12`),
  call: phrases(`Позвонил, спросил про наличие: {product} | Обсудили скидку {n}% на {category} |
    Не дозвонился, перезвонить завтра | Уточнил сроки доставки, ждёт {product}`),
  meeting: phrases(`Встреча в офисе: показали новую линейку {brand} |
    Встретились на объекте, обсудили объём на квартал | Презентация: {category}`),
  email: phrases(`Отправил прайс: {category} | Выслал коммерческое предложение на {n} позиций |
    Письмо с каталогом {brand}`),
  visit: phrases(`Заезжал в магазин, взял образцы {brand} | Посетил склад клиента |
    Визит: проверили выкладку {brand}`),
  offer: phrases(
    `Предложили акцию на {product} | Спецпредложение: {n}% на {category} до конца месяца`,
  ),
  invoice: phrases(`Выставлен счёт: {product} | Счёт на предоплату, {n} позиций`),
} as const;
