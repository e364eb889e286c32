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
};
