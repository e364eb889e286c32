/** Messages of encrypted workbooks and their passwords, in English and Russian (joined in messages.ts). */
export const passwordEn = {
  workbook_password_required:
    '"{name}" is encrypted (or it is not a workbook at all): enter its password to open it.',
  workbook_wrong_password:
    'This password does not open "{name}". Check the keyboard layout and Caps Lock, and try again. (If the file is not a workbook, no password opens it.) The file was left as it was.',
  password_old_wrong:
    'The current password is not right, so the password was not changed. Check the keyboard layout and Caps Lock.',
  password_old_needed: 'Enter the current password of the workbook to change or remove it.',
  password_in_use:
    'The workbook is still in use by another part of the program, so its password was not changed. Try again in a moment.',
  password_check_failed:
    'The re-encrypted workbook did not pass its check, so it was not used: the workbook and its password stay as they were. Details: {details}',
} as const;

export const passwordRu: Record<keyof typeof passwordEn, string> = {
  workbook_password_required:
    '«{name}» зашифрована (или это вовсе не рабочая книга): введите её пароль, чтобы открыть.',
  workbook_wrong_password:
    'Этот пароль не открывает «{name}». Проверьте раскладку клавиатуры и Caps Lock и попробуйте ещё раз. (Если файл — не рабочая книга, его не откроет никакой пароль.) Файл остался как был.',
  password_old_wrong:
    'Текущий пароль неверен, поэтому пароль не изменён. Проверьте раскладку клавиатуры и Caps Lock.',
  password_old_needed: 'Чтобы сменить или снять пароль, введите текущий пароль рабочей книги.',
  password_in_use:
    'Рабочую книгу ещё использует другая часть программы, поэтому пароль не изменён. Повторите через минуту.',
  password_check_failed:
    'Перешифрованная рабочая книга не прошла проверку, поэтому она не использована: рабочая книга и её пароль остались прежними. Подробности: {details}',
};
