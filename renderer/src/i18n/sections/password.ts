/** Password protection: asking for a workbook's password, and setting, changing or removing it. */
export const en = {
  password: 'Password',
  repeat: 'Repeat the password',
  current: 'Current password',
  new: 'New password',
  mismatch: 'The two passwords differ. Type the same password twice.',
  empty: 'Type a password.',
  warning:
    'Keep the password somewhere safe: a forgotten password cannot be recovered, and the workbook cannot be opened without it.',
  mark: 'protected with a password',
  recentMark: 'password',
  copyEncrypted: 'The copy is encrypted with the same password as this workbook.',
  ask: {
    title: '“{{name}}” is protected with a password',
    lead: 'Enter the password of this workbook to open it.',
    submit: 'Open',
    other: 'Or open another workbook',
  },
  create: {
    protect: 'Protect with a password',
  },
  section: {
    title: 'Password',
    plain:
      'This workbook has no password: anyone who gets the file (a lost stick, a stolen laptop) can read it.',
    protected:
      'This workbook is encrypted with a password: without it the file cannot be read by anyone.',
    readOnly: 'The workbook is open read-only, so its password cannot be changed here.',
    set: 'Set password',
    change: 'Change password',
    remove: 'Remove password',
    removeLead:
      'Removing the password writes the workbook unencrypted: anyone who gets the file can read it.',
    done: {
      set: 'Password set. The workbook is encrypted.',
      change: 'Password changed. The old one no longer opens the workbook.',
      remove: 'Password removed. The workbook is no longer encrypted.',
    },
    copiesNote:
      'Copies and backups made from now on are encrypted with this password; those made before keep the password they had then (or none).',
  },
};

export const ru: typeof en = {
  password: 'Пароль',
  repeat: 'Пароль ещё раз',
  current: 'Текущий пароль',
  new: 'Новый пароль',
  mismatch: 'Пароли не совпадают. Введите один и тот же пароль дважды.',
  empty: 'Введите пароль.',
  warning:
    'Сохраните пароль в надёжном месте: забытый пароль восстановить нельзя, и без него книгу не открыть.',
  mark: 'защищена паролем',
  recentMark: 'пароль',
  copyEncrypted: 'Копия зашифрована тем же паролем, что и эта книга.',
  ask: {
    title: '«{{name}}» защищена паролем',
    lead: 'Введите пароль этой книги, чтобы открыть её.',
    submit: 'Открыть',
    other: 'Или откройте другую книгу',
  },
  create: {
    protect: 'Защитить паролем',
  },
  section: {
    title: 'Пароль',
    plain:
      'У этой книги нет пароля: любой, к кому попадёт файл (потерянная флешка, украденный ноутбук), сможет её прочитать.',
    protected: 'Эта книга зашифрована паролем: без него файл не прочитает никто.',
    readOnly: 'Книга открыта только для чтения, поэтому здесь нельзя сменить её пароль.',
    set: 'Установить пароль',
    change: 'Сменить пароль',
    remove: 'Снять пароль',
    removeLead:
      'Если снять пароль, книга будет записана без шифрования: её сможет прочитать любой, к кому попадёт файл.',
    done: {
      set: 'Пароль установлен. Книга зашифрована.',
      change: 'Пароль сменён. Старый пароль книгу больше не открывает.',
      remove: 'Пароль снят. Книга больше не зашифрована.',
    },
    copiesNote:
      'Копии и резервные копии, сделанные с этого момента, зашифрованы этим паролем; сделанные раньше сохраняют тот пароль, что был тогда (или остаются без пароля).',
  },
};
