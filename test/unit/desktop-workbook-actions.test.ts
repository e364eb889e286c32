/**
 * Opening, creating and copying workbooks from the desktop menus, a double-click or the Dock:
 * the channels through the one dispatch, then the window shows the workbook, or a native
 * message box says what went wrong in the workbook's language; a workbook another program
 * holds is offered read-only.
 *
 * `workbook.pickFile` is the real channel (its dialog answered by the test, as the desktop
 * platform would). The channels that open and copy workbooks belong to helper "core" and are
 * not on this branch: `core` below answers them as their contract says.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Envelope } from '../../electron/api/contract';
import type { WorkbookPickRequest } from '../../electron/api/context';
import type { Dispatch } from '../../electron/api/dispatch';
import {
  WorkbookActions,
  type MessageBox,
  type WorkbookActionsDeps,
} from '../../electron/desktop/workbook-actions';
import { makeWorld, type World } from '../helpers/world';

type CoreAnswer = (input: Record<string, unknown>) => Envelope<unknown>;

const ok = (data: unknown): Envelope<unknown> => ({ ok: true, data });
const fail = (
  code: 'locked' | 'password_required' | 'wrong_password' | 'damaged' | 'invalid_input',
  message: string,
): Envelope<unknown> => ({
  ok: false,
  error: { code, message },
});

let world: World | null = null;
afterEach(() => world?.dispose());

function desk(
  options: {
    locale?: 'ru' | 'en';
    picks?: (string | null)[];
    buttons?: number[];
    core?: Record<string, CoreAnswer>;
    desktop?: boolean;
    askPassword?: WorkbookActionsDeps['askPassword'];
    current?: string;
    /** Answers the message boxes itself (instead of `buttons`). */
    showMessage?: (box: MessageBox) => Promise<number>;
  } = {},
) {
  const picks = [...(options.picks ?? [])];
  const buttons = [...(options.buttons ?? [])];
  const dialogs: WorkbookPickRequest[] = [];
  world = makeWorld({
    locale: options.locale ?? 'ru',
    ...(options.desktop === false
      ? {}
      : {
          platform: {
            pickImportFile: () => Promise.resolve(null),
            pickWorkbookFile: (request) => {
              dialogs.push(request);
              return Promise.resolve(picks.shift() ?? null);
            },
          },
        }),
  });
  const app = world.app;
  const calls: [string, unknown][] = [];
  const dispatch: Dispatch = (channel, input) => {
    calls.push([channel, input]);
    const answer = options.core?.[channel];
    return answer
      ? Promise.resolve(answer(input as Record<string, unknown>))
      : app.dispatch(channel, input);
  };
  const boxes: MessageBox[] = [];
  const seen = { shown: 0, focused: 0, folders: [] as string[] };
  const actions = new WorkbookActions({
    dispatch,
    ui: {
      showMessage: (box) => {
        boxes.push(box);
        return options.showMessage
          ? options.showMessage(box)
          : Promise.resolve(buttons.shift() ?? box.cancelId);
      },
      showWorkbook: () => {
        seen.shown += 1;
      },
      focus: () => {
        seen.focused += 1;
      },
      showInFolder: (file) => seen.folders.push(file),
    },
    locale: () => app.ctx.locale(),
    currentPath: () => Promise.resolve(options.current ?? app.wb.file),
    version: '0.1.0',
    ...(options.askPassword ? { askPassword: options.askPassword } : {}),
  });
  const opens = () => calls.filter(([c]) => c === 'workbook.open').map(([, input]) => input);
  return { actions, calls, opens, boxes, seen, dialogs };
}

const STICK = '/media/stick/Салон.kartoteka';

describe('File → Open…', () => {
  it('opens the workbook chosen in the dialog and shows it', async () => {
    const d = desk({ picks: [STICK], core: { 'workbook.open': () => ok({ path: STICK }) } });
    expect(await d.actions.open()).toBe('opened');
    expect(d.dialogs).toEqual([{ mode: 'open', locale: 'ru', currentPath: world!.file }]);
    expect(d.opens()).toEqual([{ path: STICK }]);
    expect(d.seen.shown).toBe(1);
    expect(d.boxes).toEqual([]);
  });

  it('a closed dialog changes nothing', async () => {
    const d = desk({ picks: [null], core: { 'workbook.open': () => ok({}) } });
    expect(await d.actions.open()).toBe('cancelled');
    expect(d.opens()).toEqual([]);
    expect(d.seen.shown).toBe(0);
  });

  it('a workbook another program holds: asks, then opens it read-only', async () => {
    const held = 'Книгу «Салон» сейчас изменяет Анна на компьютере SHOP-PC (с 12.11.2026 10:03).';
    const d = desk({
      buttons: [0],
      core: {
        'workbook.open': (input) =>
          input['readOnly'] ? ok({ readOnly: true }) : fail('locked', held),
      },
    });
    expect(await d.actions.openPath(STICK)).toBe('opened');
    expect(d.boxes).toEqual([
      {
        type: 'question',
        title: 'Картотека',
        message: held,
        detail: 'Её можно открыть только для чтения: всё будет видно, но изменить ничего нельзя.',
        buttons: ['Открыть только для чтения', 'Отмена'],
        defaultId: 0,
        cancelId: 1,
      },
    ]);
    expect(d.opens()).toEqual([{ path: STICK }, { path: STICK, readOnly: true }]);
    expect(d.seen.shown).toBe(1);
  });

  it('… or leaves it alone when the user cancels', async () => {
    const d = desk({
      locale: 'en',
      buttons: [1],
      core: { 'workbook.open': () => fail('locked', 'Held by Ann.') },
    });
    expect(await d.actions.openPath(STICK)).toBe('cancelled');
    expect(d.boxes[0]!.buttons).toEqual(['Open read-only', 'Cancel']);
    expect(d.opens()).toHaveLength(1);
    expect(d.seen.shown).toBe(0);
  });

  it('a workbook that cannot be opened: says why, in the workbook’s language', async () => {
    const why = 'Этот файл — не рабочая книга Картотеки. Он не изменён.';
    const d = desk({ core: { 'workbook.open': () => fail('invalid_input', why) } });
    expect(await d.actions.openPath('/home/ann/photo.kartoteka')).toBe('failed');
    expect(d.boxes).toEqual([
      {
        type: 'error',
        title: 'Картотека',
        message: 'Не удалось открыть рабочую книгу',
        detail: why,
        buttons: ['ОК'],
        defaultId: 0,
        cancelId: 0,
      },
    ]);
    expect(d.seen.shown).toBe(0);
  });

  it('an encrypted workbook: the message until there is a password prompt', async () => {
    const d = desk({
      locale: 'en',
      core: { 'workbook.open': () => fail('password_required', 'This workbook has a password.') },
    });
    expect(await d.actions.openPath(STICK)).toBe('failed');
    expect(d.boxes.map((b) => [b.message, b.detail])).toEqual([
      ['The workbook could not be opened', 'This workbook has a password.'],
    ]);
  });

  it('an encrypted workbook with the password prompt: asks until the password fits', async () => {
    const tried: string[] = [];
    const answers = ['wrong', 'секрет'];
    const d = desk({
      askPassword: (_file, message) => {
        tried.push(message);
        return Promise.resolve(answers.shift() ?? null);
      },
      core: {
        'workbook.open': (input) =>
          input['password'] === 'секрет'
            ? ok({ encrypted: true })
            : input['password']
              ? fail('wrong_password', 'Пароль не подходит.')
              : fail('password_required', 'У книги есть пароль.'),
      },
    });
    expect(await d.actions.openPath(STICK)).toBe('opened');
    expect(tried).toEqual(['У книги есть пароль.', 'Пароль не подходит.']);
    expect(d.opens()).toEqual([
      { path: STICK },
      { path: STICK, password: 'wrong' },
      { path: STICK, password: 'секрет' },
    ]);
    expect(d.boxes).toEqual([]);
  });

  it('the workbook already open only comes to the front', async () => {
    const d = desk({ current: STICK, core: { 'workbook.open': () => ok({}) } });
    expect(await d.actions.openPath(path.join('/media/stick/../stick', 'Салон.kartoteka'))).toBe(
      'unchanged',
    );
    expect(d.opens()).toEqual([]);
    expect(d.seen).toMatchObject({ focused: 1, shown: 0 });
  });

  it('one dialog at a time: a second double-click waits for the first to be answered', async () => {
    const order: string[] = [];
    const answers: ((button: number) => void)[] = [];
    const d = desk({
      core: {
        'workbook.open': (input) => {
          order.push(`open ${String(input['path'])}`);
          return fail('locked', `${String(input['path'])} занята`);
        },
      },
      showMessage: (box) => {
        order.push(`box ${box.message}`);
        return new Promise<number>((resolve) => answers.push(resolve));
      },
    });
    const settle = () => new Promise((resolve) => setImmediate(resolve));
    const first = d.actions.openPath('/a.kartoteka');
    const second = d.actions.openPath('/b.kartoteka');
    await settle();
    expect(order).toEqual(['open /a.kartoteka', 'box /a.kartoteka занята']);
    answers.shift()!(1);
    expect(await first).toBe('cancelled');
    await settle();
    expect(order.slice(2)).toEqual(['open /b.kartoteka', 'box /b.kartoteka занята']);
    answers.shift()!(1);
    expect(await second).toBe('cancelled');
  });
});

describe('File → New Workbook… and Save a Copy As…', () => {
  it('creates the workbook named in the dialog and shows it', async () => {
    const file = '/home/ann/Новая книга.kartoteka';
    const d = desk({ picks: [file], core: { 'workbook.create': () => ok({ path: file }) } });
    expect(await d.actions.create()).toBe('created');
    expect(d.dialogs[0]!.mode).toBe('create');
    expect(d.calls.filter(([c]) => c === 'workbook.create')).toEqual([
      ['workbook.create', { path: file }],
    ]);
    expect(d.seen.shown).toBe(1);
  });

  it('a workbook that cannot be created: says why', async () => {
    const d = desk({
      locale: 'en',
      picks: ['/readonly/x.kartoteka'],
      core: { 'workbook.create': () => fail('invalid_input', 'The folder cannot be written.') },
    });
    expect(await d.actions.create()).toBe('failed');
    expect(d.boxes.map((b) => [b.type, b.message, b.detail])).toEqual([
      ['error', 'The workbook could not be created', 'The folder cannot be written.'],
    ]);
    expect(d.seen.shown).toBe(0);
  });

  it('saves a copy, says where, and shows it in its folder on request', async () => {
    const file = '/media/stick/Салон (копия 2026-11-12).kartoteka';
    const d = desk({
      picks: [file],
      buttons: [1],
      core: { 'workbook.saveCopy': (input) => ok({ path: input['path'], sizeBytes: 4096 }) },
    });
    expect(await d.actions.saveCopy()).toBe('copied');
    expect(d.dialogs[0]!.mode).toBe('saveCopy');
    expect(d.boxes).toEqual([
      {
        type: 'info',
        title: 'Картотека',
        message: 'Копия сохранена',
        detail: file,
        buttons: ['ОК', 'Показать в папке'],
        defaultId: 0,
        cancelId: 0,
      },
    ]);
    expect(d.seen.folders).toEqual([file]);
    expect(d.seen.shown).toBe(0);
  });

  it('a copy that fails says so; the open workbook stays', async () => {
    const d = desk({
      picks: ['/media/stick/c.kartoteka'],
      core: { 'workbook.saveCopy': () => fail('invalid_input', 'Диск заполнен.') },
    });
    expect(await d.actions.saveCopy()).toBe('failed');
    expect(d.boxes.map((b) => [b.message, b.detail])).toEqual([
      ['Не удалось сохранить копию', 'Диск заполнен.'],
    ]);
  });
});

describe('the dialog in the browser shell', () => {
  it('is refused with a message, and nothing is opened', async () => {
    const d = desk({ desktop: false, core: { 'workbook.open': () => ok({}) } });
    expect(await d.actions.open()).toBe('failed');
    expect(d.boxes.map((b) => [b.message, b.detail])).toEqual([
      [
        'Не удалось открыть рабочую книгу',
        'Выбрать рабочую книгу в диалоге можно только в настольном приложении — введите путь к файлу.',
      ],
    ]);
    expect(d.opens()).toEqual([]);
  });
});

describe('Help → About', () => {
  it('names the version and the open workbook', async () => {
    const d = desk({ locale: 'en', current: STICK });
    await d.actions.about();
    expect(d.boxes).toEqual([
      {
        type: 'info',
        title: 'Kartoteka',
        message: 'Kartoteka 0.1.0',
        detail: `Client management for small businesses, in one file on this computer.\nWorkbook: ${STICK}`,
        buttons: ['OK'],
        defaultId: 0,
        cancelId: 0,
      },
    ]);
  });
});
