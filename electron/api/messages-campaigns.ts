/** Messages of campaigns (issue 17), in English and Russian (joined in messages.ts). */
export const campaignsEn = {
  campaign_not_found: 'Campaign not found (it may have been deleted).',
  campaign_member_not_found: 'This client is not in the campaign.',
  campaign_audience_empty:
    'No clients match, so there is nobody to start the campaign with. Change the filter or the selection.',
  campaign_clients_missing:
    'Chosen clients not in the list (deleted or in the trash): {count}. The campaign was not started.',
  campaign_control_untouched:
    'This client is in the control group: it is left alone, so that the campaign can show what it changed. Its status cannot be changed.',
  campaign_outcome_needs_done: 'An outcome can be set only for a client marked as contacted.',
  campaign_touch_body: 'Campaign "{name}": {outcome}',
  campaign_outcome_reached: 'reached',
  campaign_outcome_not_reached: 'not reached',
  campaign_outcome_refused: 'refused',
  campaign_outcome_agreed: 'agreed',
  campaign_recurring_needs_filter:
    'Only a campaign on a filter can be recurring: a selection of clients cannot gain new ones.',
  campaign_not_recurring: 'This campaign is not recurring: its audience was frozen at the start.',
  template_brace:
    'The template has a brace without its pair. A placeholder is written in braces: {имя}, {first name}.',
  template_placeholder_empty:
    'The template has empty braces {}. Write a field inside them, e.g. {имя}.',
  template_placeholder_unknown:
    'No client field is called {names}. Use {имя}, {отчество}, {фамилия}, {последняя покупка}, {менеджер}, {компания} or a custom field’s name.',
  campaign_sent_body: 'Campaign "{name}", {via}',
  campaign_sent_outcome_body: 'Campaign "{name}", {via}: {outcome}',
  campaign_via_email: 'e-mail',
  campaign_via_sms: 'SMS',
  campaign_via_call: 'call',
  campaign_via_whatsapp: 'WhatsApp',
  campaign_via_telegram: 'Telegram',
  campaign_via_copy: 'message',
} as const;

export const campaignsRu: Record<keyof typeof campaignsEn, string> = {
  campaign_not_found: 'Кампания не найдена (возможно, её удалили).',
  campaign_member_not_found: 'Этого клиента нет в кампании.',
  campaign_audience_empty:
    'Подходящих клиентов нет, поэтому кампанию не с кем начать. Измените фильтр или выделение.',
  campaign_clients_missing:
    'Выбранных клиентов нет в списке (удалены или в корзине): {count}. Кампания не начата.',
  campaign_control_untouched:
    'Этот клиент в контрольной группе: его не трогают, чтобы кампания показала, что она изменила. Его статус изменить нельзя.',
  campaign_outcome_needs_done:
    'Итог можно указать только для клиента, отмеченного как «связались».',
  campaign_touch_body: 'Кампания «{name}»: {outcome}',
  campaign_outcome_reached: 'дозвонились',
  campaign_outcome_not_reached: 'не дозвонились',
  campaign_outcome_refused: 'отказ',
  campaign_outcome_agreed: 'согласие',
  campaign_recurring_needs_filter:
    'Повторяющейся может быть только кампания по фильтру: в выделенный список новые клиенты не добавляются.',
  campaign_not_recurring: 'Эта кампания не повторяющаяся: её аудитория зафиксирована при старте.',
  template_brace:
    'В шаблоне скобка без пары. Подстановка пишется в фигурных скобках: {имя}, {отчество}.',
  template_placeholder_empty: 'В шаблоне пустые скобки {}. Впишите в них поле, например {имя}.',
  template_placeholder_unknown:
    'Нет поля клиента с именем {names}. Используйте {имя}, {отчество}, {фамилия}, {последняя покупка}, {менеджер}, {компания} или название своего поля.',
  campaign_sent_body: 'Кампания «{name}», {via}',
  campaign_sent_outcome_body: 'Кампания «{name}», {via}: {outcome}',
  campaign_via_email: 'письмо',
  campaign_via_sms: 'SMS',
  campaign_via_call: 'звонок',
  campaign_via_whatsapp: 'WhatsApp',
  campaign_via_telegram: 'Telegram',
  campaign_via_copy: 'сообщение',
};
