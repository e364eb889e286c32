/** Messages of portable mode (a workbook on a stick worked on in a local copy), English and Russian. */
export const portableEn = {
  portable_unreachable:
    'The stick or network folder {folder} cannot be reached, so "{name}" was not saved there. Your changes are safe on this computer; they will be saved there when it is back, or save them to another place.',
  portable_cannot_write:
    'Cannot write to {folder} ({details}): the stick may be write-protected. Your changes are safe on this computer; save them to another place.',
  portable_full:
    'There is no room for "{name}" on {folder}. Free some space there, or save to another place. Your changes are safe on this computer.',
  portable_taken:
    '"{name}" on the stick was opened for writing on {machine} by {user} since {since}, so it was not saved there. Your changes are safe on this computer; save them to another place.',
  portable_changed:
    '"{name}" on the stick was changed on another computer after you opened it here, so it was not replaced. Your changes are safe on this computer; save them to another place so that both versions are kept.',
  portable_failed:
    'Could not save "{name}" to {folder} ({details}). Your changes are safe on this computer.',
  portable_not_portable:
    'This workbook is saved as you work, so there is nothing to save. To put a copy elsewhere, use "Save a copy as".',
  portable_notice_recovered:
    'Changes made here on {date} had not reached the stick yet; they were kept on this computer and opened now. Save to put them on the stick.',
  portable_notice_source_missing:
    'The stick with "{name}" cannot be reached, so the copy on this computer (last changed {date}) was opened. Save when the stick is back, or save to another place.',
  portable_notice_kept:
    '"{name}" on the stick was changed on another computer, and changes made here on {date} had not reached it. The stick\'s version was opened; your changes were kept in {path}: open that file to look at them or save them to another place.',
} as const;

export const portableRu: Record<keyof typeof portableEn, string> = {
  portable_unreachable:
    'Флешка или сетевая папка {folder} недоступна, поэтому «{name}» туда не сохранена. Изменения целы на этом компьютере; они сохранятся туда, когда она вернётся, — или сохраните их в другое место.',
  portable_cannot_write:
    'Нельзя записать в {folder} ({details}): возможно, флешка защищена от записи. Изменения целы на этом компьютере; сохраните их в другое место.',
  portable_full:
    'На {folder} нет места для «{name}». Освободите место или сохраните в другое место. Изменения целы на этом компьютере.',
  portable_taken:
    '«{name}» на флешке открыта для записи на компьютере {machine} пользователем {user} с {since}, поэтому туда ничего не сохранено. Изменения целы на этом компьютере; сохраните их в другое место.',
  portable_changed:
    '«{name}» на флешке изменили на другом компьютере после того, как её открыли здесь, поэтому файл не заменён. Изменения целы на этом компьютере; сохраните их в другое место, чтобы остались обе версии.',
  portable_failed:
    'Не удалось сохранить «{name}» в {folder} ({details}). Изменения целы на этом компьютере.',
  portable_not_portable:
    'Эта книга сохраняется по ходу работы, сохранять нечего. Чтобы положить копию в другое место, выберите «Сохранить копию как».',
  portable_notice_recovered:
    'Изменения, сделанные здесь {date}, ещё не попали на флешку; они сохранились на этом компьютере и открыты сейчас. Сохраните, чтобы записать их на флешку.',
  portable_notice_source_missing:
    'Флешка с «{name}» недоступна, поэтому открыта копия на этом компьютере (изменена {date}). Сохраните, когда флешка вернётся, или сохраните в другое место.',
  portable_notice_kept:
    '«{name}» на флешке изменили на другом компьютере, а изменения, сделанные здесь {date}, на неё не попали. Открыта версия с флешки; ваши изменения сохранены в файле {path}: откройте его, чтобы посмотреть их или сохранить в другое место.',
};
