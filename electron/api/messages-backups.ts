/** Messages of backups, restores and damaged workbooks, in English and Russian (joined in messages.ts). */
export const backupsEn = {
  workbook_damaged:
    '"{name}" is damaged, so it is open read-only and nothing was changed. Restore its newest good backup on the Backups screen: the damaged file is kept aside.',
  workbook_damaged_unknown:
    '"{name}" is damaged: SQLite cannot read it, and it does not carry the mark of a Kartoteka workbook, so it was not opened. The file was left as it was.',
  backup_not_found:
    'There is no such backup of this workbook (it may have been deleted). Refresh the list.',
  backup_damaged:
    'This backup is damaged itself, so it was not restored; the workbook is as it was. Choose an older backup.',
  backup_other_password:
    'This backup was made under an earlier password of the workbook, so it cannot be restored with the password it has now. Choose a backup made since the password was last set or changed.',
  backup_of_damaged:
    'The workbook is damaged, so no backup was made of it: the good backups are kept as they are. Restore one of them.',
  backup_disk_full:
    'The disk is full, so the backup was not made; the workbook is as it was. Free some space on the disk that holds the backups ({folder}), then try again.',
  backup_restore_disk_full:
    'The disk is full, so the backup was not restored; the workbook is as it was. Free some space on the disks that hold the workbook ({folder}) and its backups, then try again.',
  backup_migration_disk_full:
    '"{name}" must be upgraded, and a backup is taken first, but the disk that holds the backups ({folder}) is full. Nothing was changed. Free some space, then open it again.',
} as const;

export const backupsRu: Record<keyof typeof backupsEn, string> = {
  workbook_damaged:
    '«{name}» повреждена, поэтому открыта только для чтения — ничего не изменено. Восстановите её последнюю исправную резервную копию на экране «Резервные копии»: повреждённый файл будет сохранён отдельно.',
  workbook_damaged_unknown:
    '«{name}» повреждена: SQLite не может её прочитать, а отметки рабочей книги Картотеки в ней нет, поэтому она не открыта. Файл остался как был.',
  backup_not_found: 'Такой резервной копии этой книги нет (возможно, её удалили). Обновите список.',
  backup_damaged:
    'Эта резервная копия сама повреждена, поэтому она не восстановлена — книга осталась как была. Выберите копию постарше.',
  backup_other_password:
    'Эта резервная копия сделана под прежним паролем книги, поэтому её нельзя восстановить с нынешним. Выберите копию, сделанную после последней смены пароля.',
  backup_of_damaged:
    'Книга повреждена, поэтому копия с неё не снята: исправные резервные копии остались как есть. Восстановите одну из них.',
  backup_disk_full:
    'Диск заполнен — резервная копия не сделана, книга осталась как была. Освободите место на диске с резервными копиями ({folder}) и повторите.',
  backup_restore_disk_full:
    'Диск заполнен — копия не восстановлена, книга осталась как была. Освободите место на дисках с книгой ({folder}) и с резервными копиями и повторите.',
  backup_migration_disk_full:
    '«{name}» нужно обновить, а перед этим снимается резервная копия, но диск с резервными копиями ({folder}) заполнен. Ничего не изменено. Освободите место и откройте книгу снова.',
};
