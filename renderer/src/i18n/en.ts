/** English strings. The Russian catalogue must have exactly the same keys (a unit test checks). */
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

export const en = {
  /** Client card: feed, comments, custom fields, restore, as-of view, trash. */
  cardx: card.en,
  /** Settings: custom fields, managers, lost reasons. */
  admin: admin.en,
  /** Client list: filters, columns, views, bulk actions, trash. */
  list: list.en,
  /** The Today agenda. */
  today: today.en,
  /** Reminders on the card, touch mix, contact cadence settings. */
  rem: remindersSection.en,
  /** Sales and plan vs potential on the card. */
  sales: salesSection.en,
  /** Growth points: headroom ranking, plan tools. */
  growth: growth.en,
  /** Export of lists and reports to CSV and Excel. */
  exp: exportsSection.en,
  /** The import wizard. */
  imp: imp.en,
  /** Keeping clients: slipping away, win back, NPS, analytics thresholds. */
  ret: ret.en,
  /** The analytics dashboard. */
  ana: ana.en,
  /** Stages from sales: the ladder's rules in Settings. */
  stg: stg.en,
  /** The workbook as a document: open, new, save a copy, recent, read-only. */
  wbk: wbk.en,
  /** Password protection: the password asked on open, set, changed, removed. */
  pwd: pwd.en,
  /** Portable mode: a workbook on a stick worked on in a local copy, saved back. */
  port: port.en,
  firstRun: firstRun.en,
  /** Backups and integrity: the Backups screen, restores, the damaged workbook's offer. */
  bak: bak.en,
  /** Sync between devices: the hub, Sync now, exchange files, conflicts. */
  sync: sync.en,
  /** Keyboard: skip link, shortcuts help, command palette. */
  keys: keys.en,
  brief: brief.en,
  /** Campaigns with a control group. */
  camp: camp.en,
  /** Actions on a whole list: bulk edits, reminders, touches, export, a campaign. */
  acts: acts.en,
  app: { name: 'Kartoteka', loading: 'Loading…' },
  dates: { pick: 'Pick a date in the calendar', calendar: 'Calendar' },
  nav: {
    today: 'Today',
    clients: 'Clients',
    analytics: 'Analytics',
    growth: 'Growth points',
    import: 'Import',
    settings: 'Settings',
    workbook: 'Workbook',
    noWorkbook: 'none open',
    user: 'You',
  },
  search: { placeholder: 'Search by name, phone, email, company…', shortcut: 'Ctrl+K' },
  clients: {
    title: 'Clients',
    count_one: '{{count}} client',
    count_few: '{{count}} clients',
    count_many: '{{count}} clients',
    count_other: '{{count}} clients',
    new: 'New client',
    emptyTitle: 'No clients yet',
    emptyBody:
      'Add your first client (a name and a phone are enough to start) or load a list from an Excel or CSV file, such as an export from 1C.',
    importFirst: 'Import from a file…',
    noResults: 'Nobody matches “{{query}}”.',
    clearSearch: 'Clear search',
    open: 'Open card',
  },
  fields: {
    kind: 'Type',
    name: 'Name',
    company: 'Company',
    position: 'Position',
    phone: 'Phone',
    phone2: 'Second phone',
    email: 'Email',
    address: 'Address',
    birthday: 'Birthday',
    channel: 'Acquisition channel',
    managerId: 'Manager',
    stage: 'Stage',
    lostReason: 'Lost reason',
    tags: 'Tags',
    note: 'Note',
    externalId: 'Code in 1C / spreadsheet',
    taxId: 'Tax ID',
    updatedAt: 'Changed',
    id: 'Kartoteka ID',
  },
  stages: {
    prospect: 'Prospect',
    first_purchase: 'First purchase',
    repeat: 'Repeat',
    regular: 'Regular',
    advocate: 'Advocate',
    lost: 'Lost',
    won_back: 'Won back',
  },
  kinds: { person: 'Person', company: 'Company' },
  newClient: {
    title: 'New client',
    save: 'Create client',
    cancel: 'Cancel',
    namePlaceholder: 'Full name or company name',
  },
  card: {
    back: 'All clients',
    contacts: 'Contacts',
    about: 'About the client',
    empty: 'not set',
    editHint: 'Click to edit · Enter saves · Escape cancels',
    save: 'Save',
    cancel: 'Cancel',
    copied: 'Copied',
    copyPhone: 'Copy',
    call: 'Call',
    write: 'Write',
    notFound: 'This client was not found. It may have been deleted.',
    saved: 'Saved',
  },
  history: {
    title: 'History',
    empty: 'No changes yet.',
    created: 'Created the client',
    edited: 'Changed',
    none: 'empty',
  },
  settings: {
    title: 'Settings',
    language: 'Language',
    currency: 'Currency',
    currencies: { RUB: 'Roubles, ₽', USD: 'US dollars, $', EUR: 'Euros, €' },
    userName: 'Your name',
    userNameHint: 'Shown as the author of every change you make.',
    save: 'Save',
    saved: 'Saved',
    workbook: 'Workbook file',
    version: 'Version',
  },
  errors: {
    network: 'Kartoteka could not reach its data: {{message}}',
    noToken:
      'This page needs the link printed by “npm run web” (it carries a one-time key). Open that link instead.',
    staleToken:
      'This page is from an earlier start of Kartoteka, and its key no longer opens the workbook. Open the link printed at this start (the one with #token=…).',
    fatalTitle: 'Something went wrong',
    fatalBody:
      'Kartoteka hit an unexpected error. Your saved data is safe. Copy the details below if you report it, then reload.',
    copyDetails: 'Copy details',
    reload: 'Reload',
  },
  months: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  monthsStandalone: [
    'Jan',
    'Feb',
    'Mar',
    'Apr',
    'May',
    'Jun',
    'Jul',
    'Aug',
    'Sep',
    'Oct',
    'Nov',
    'Dec',
  ],
};

/** The shape every catalogue follows: same keys, any strings. */
type Widen<T> = {
  [K in keyof T]: T[K] extends string ? string : T[K] extends string[] ? string[] : Widen<T[K]>;
};
export type Catalogue = Widen<typeof en>;
