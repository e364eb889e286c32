/** Opens the demo workbook (built the first time, which takes a moment). */
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';

export function DemoButton() {
  const { t } = useTranslation();
  const open = useMutation({ mutationFn: () => api.call('workbook.openDemo', {}) });
  return (
    <>
      <button
        type="button"
        onClick={() => open.mutate()}
        disabled={open.isPending}
        aria-busy={open.isPending || undefined}
      >
        {open.isPending ? t('firstRun.demo.building') : t('firstRun.demo.button')}
      </button>
      {open.error ? (
        <p className="error" role="alert">
          {open.error.message}
        </p>
      ) : null}
    </>
  );
}
