/**
 * Portable mode when the stick goes away: nothing is lost. A save while it is out fails with
 * words that say so, the working copy keeps every change, "save to another place" works, and
 * the next save after it is back reaches it. A session that closes (or is killed) before its
 * changes reached the stick leaves them in the working copy, and the next open of that file
 * finds them: used when the stick's file is as it was, kept aside (and said where) when it was
 * changed elsewhere meanwhile.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Envelope, WorkbookInfo } from '../../electron/api/contract';
import { lockFileOf } from '../../electron/services/workbook/lock';
import { backupOf } from '../../electron/services/workbook/portable-save';
import { integrityOf, makeStick, namesIn, otherMachine, type Stick } from '../helpers/stick';

const sticks: Stick[] = [];
afterEach(() => {
  for (const stick of sticks.splice(0)) stick.dispose();
});

async function stick(): Promise<Stick> {
  const s = await makeStick();
  sticks.push(s);
  return s;
}

function failure(envelope: Envelope<unknown>) {
  if (envelope.ok) throw new Error(`expected a failure, got ${JSON.stringify(envelope.data)}`);
  return envelope.error;
}

describe('the stick pulled out mid-session', () => {
  it('a save fails saying why, nothing is lost, and the save after it is back reaches it', async () => {
    const s = await stick();
    const pc = s.computer();
    await pc.openSource();
    await pc.addClient('Борис');
    s.pull();

    const refused = failure(await pc.send('workbook.save', {}));
    expect(refused.code).toBe('unavailable');
    expect(refused.message).toBe(
      `The stick or network folder ${s.folder} cannot be reached, so "Клиенты" was not saved there. Your changes are safe on this computer; they will be saved there when it is back, or save them to another place.`,
    );
    const info = await pc.info();
    expect(info.portableState).toMatchObject({
      unsaved: true,
      saveError: refused.message,
      sourceReachable: false,
    });
    // Work goes on, on the working copy.
    await pc.addClient('Вера, без флешки');
    expect(await pc.names()).toEqual(['Анна с флешки', 'Борис', 'Вера, без флешки']);

    s.putBack();
    const saved = await pc.call<WorkbookInfo>('workbook.save', {});
    expect(saved.portableState).toMatchObject({ unsaved: false, saveError: null });
    expect(namesIn(s.source)).toEqual(['Анна с флешки', 'Борис', 'Вера, без флешки']);
    expect(integrityOf(s.source)).toBe('ok');
  });

  it('saves to another place the user picks, which is then where saves go', async () => {
    const s = await stick();
    const pc = s.computer();
    await pc.openSource();
    await pc.addClient('Глеб');
    s.pull();
    const elsewhere = path.join(s.root, 'Документы');
    fs.mkdirSync(elsewhere);
    const target = path.join(elsewhere, 'Клиенты с флешки');

    const saved = await pc.call<WorkbookInfo>('workbook.save', { path: target });
    const file = `${target}.kartoteka`;
    expect(saved).toMatchObject({ path: file, name: 'Клиенты с флешки', portable: true });
    expect(saved.portableState).toMatchObject({ source: file, unsaved: false, saveError: null });
    expect(namesIn(file)).toEqual(['Анна с флешки', 'Глеб']);
    expect(fs.existsSync(lockFileOf(file))).toBe(true);
    expect((await pc.call<{ path: string }[]>('workbook.recent'))[0]?.path).toBe(file);

    await pc.addClient('Дина');
    await pc.call('workbook.save', {});
    expect(namesIn(file)).toEqual(['Анна с флешки', 'Глеб', 'Дина']);
    expect(namesIn(backupOf(file))).toEqual(['Анна с флешки', 'Глеб']);
    // A file already there is replaced only when the user says so.
    const other = path.join(elsewhere, 'занято.kartoteka');
    fs.copyFileSync(file, other);
    expect(failure(await pc.send('workbook.save', { path: other }))).toMatchObject({
      code: 'conflict',
      field: 'overwrite',
    });
    // Nor is the working copy itself a place to save to, even when the user says to replace it.
    const workingCopy = (await pc.info()).portableState!.workingCopy;
    for (const overwrite of [false, true]) {
      expect(
        failure(await pc.send('workbook.save', { path: workingCopy, overwrite })),
      ).toMatchObject({ code: 'conflict', field: 'path' });
    }
    expect(await pc.names()).toEqual(['Анна с флешки', 'Глеб', 'Дина']);
    // The stick, back, still holds what it held when it went.
    s.putBack();
    expect(namesIn(s.source)).toEqual(['Анна с флешки']);
  });

  it('closing while it is out keeps the changes here; the next open, with it back, uses them', async () => {
    const s = await stick();
    const pc = s.computer();
    const info = await pc.openSource();
    const workingCopy = info.portableState!.workingCopy;
    await pc.addClient('Ефим, не дошёл до флешки');
    s.pull();
    pc.app.close();
    expect(pc.logged.join('\n')).toContain(`its changes are kept in ${workingCopy}`);
    expect(namesIn(workingCopy)).toEqual(['Анна с флешки', 'Ефим, не дошёл до флешки']);
    s.putBack();
    expect(namesIn(s.source)).toEqual(['Анна с флешки']);

    // The same computer later (a new start of the program).
    const again = s.restart(pc);
    const reopened = await again.openSource();
    expect(reopened.portableState).toMatchObject({ unsaved: true });
    expect(reopened.portableState?.notice).toContain('had not reached the stick yet');
    expect(await again.names()).toEqual(['Анна с флешки', 'Ефим, не дошёл до флешки']);
    await again.call('workbook.save', {});
    expect(namesIn(s.source)).toEqual(['Анна с флешки', 'Ефим, не дошёл до флешки']);
  });

  it('with the stick still out, the next open works on the copy here', async () => {
    const s = await stick();
    const pc = s.computer();
    await pc.openSource();
    await pc.addClient('Жанна');
    s.pull();
    await pc.call('workbook.open', { path: path.join(pc.dataDir, 'workbook.kartoteka') });
    const reopened = await pc.openSource();
    expect(reopened).toMatchObject({ path: s.source, portable: true });
    expect(reopened.portableState).toMatchObject({ unsaved: true, sourceReachable: false });
    expect(reopened.portableState?.notice).toContain('cannot be reached');
    expect(await pc.names()).toEqual(['Анна с флешки', 'Жанна']);
    s.putBack();
    await pc.call('workbook.save', {});
    expect(namesIn(s.source)).toEqual(['Анна с флешки', 'Жанна']);
  });

  it('work of a session that was killed is found by the next open', async () => {
    const s = await stick();
    const pc = s.computer();
    await pc.openSource();
    await pc.addClient('Зоя, до сбоя');
    // Killed at once: no close, no save, and nothing recorded yet but the lock it held.
    s.pull();
    const again = s.restart(pc, { killed: true });
    s.putBack();
    expect(namesIn(s.source)).toEqual(['Анна с флешки']);

    const reopened = await again.openSource();
    expect(await again.names()).toEqual(['Анна с флешки', 'Зоя, до сбоя']);
    expect(reopened.portableState?.unsaved).toBe(true);
    await again.call('workbook.save', {});
    expect(namesIn(s.source)).toEqual(['Анна с флешки', 'Зоя, до сбоя']);
  });

  it('when the stick was changed on another computer meanwhile, both versions are kept', async () => {
    const s = await stick();
    const here = s.computer({ name: 'laptop' });
    await here.openSource();
    await here.addClient('Игорь, с ноутбука');
    s.pull();
    const laptop = s.restart(here);
    s.putBack();

    // The stick in the office (its lock from the laptop, untouched for minutes, is taken over).
    const there = s.computer({ name: 'office', lockEnv: otherMachine('office-pc') });
    await there.openSource();
    await there.addClient('Кира, из офиса');
    there.app.close();
    expect(namesIn(s.source)).toEqual(['Анна с флешки', 'Кира, из офиса']);

    const reopened = await laptop.openSource();
    // The stick's version is open; the laptop's changes are in a file of their own, named.
    expect(await laptop.names()).toEqual(['Анна с флешки', 'Кира, из офиса']);
    const notice = reopened.portableState?.notice ?? '';
    const kept = /your changes were kept in (.+\.kartoteka)/.exec(notice)?.[1];
    expect(kept, notice).toBeDefined();
    expect(namesIn(kept!)).toEqual(['Анна с флешки', 'Игорь, с ноутбука']);
    const opened = await laptop.call<WorkbookInfo>('workbook.open', { path: kept! });
    expect(opened.portable).toBe(false);
  });

  it('a save does not replace a file another computer changed while this one held no lock', async () => {
    const s = await stick();
    const pc = s.computer();
    await pc.openSource();
    await pc.addClient('Лев');
    // The stick went to another computer (which took over the stale lock) and came back.
    fs.rmSync(lockFileOf(s.source));
    const other = s.computer({ name: 'office', lockEnv: otherMachine('office-pc') });
    await other.openSource();
    await other.addClient('Мила, из офиса');
    other.app.close();

    const refused = failure(await pc.send('workbook.save', {}));
    expect(refused.code).toBe('conflict');
    expect(refused.message).toContain('was changed on another computer');
    expect(namesIn(s.source)).toEqual(['Анна с флешки', 'Мила, из офиса']);
    const target = path.join(s.root, 'мои изменения.kartoteka');
    await pc.call('workbook.save', { path: target });
    expect(namesIn(target)).toEqual(['Анна с флешки', 'Лев']);
  });
});
