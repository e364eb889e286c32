/** Messages of analytics and NPS, in English and Russian (joined into the catalogue in messages.ts). */
export const analyticsEn = {
  window_order: 'The end of the period must not be before its start.',
  abc_order: 'The B threshold must be above the A threshold (e.g. A 80 %, B 95 %).',
  nps_not_found: 'NPS answer not found (it may have been deleted).',
  drill_key: 'Unknown part of the chart: "{key}".',
} as const;

export const analyticsRu: Record<keyof typeof analyticsEn, string> = {
  window_order: 'Конец периода не может быть раньше начала.',
  abc_order: 'Порог B должен быть выше порога A (например, A 80 %, B 95 %).',
  nps_not_found: 'Ответ NPS не найден (возможно, удалён).',
  drill_key: 'Неизвестная часть графика: «{key}».',
};
