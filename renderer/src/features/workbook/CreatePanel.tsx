/** A new, empty workbook in a new file; the open one closes with every change in it. */
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { WorkbookInfo } from '../../../../electron/api/contract';
import { api } from '../../api/client';
import { ErrorLine } from './ErrorLine';
import { PathForm } from './PathForm';
import { besideFile, startOver, WORKBOOK_EXTENSION } from './useWorkbook';

export function CreatePanel({ current }: { current: WorkbookInfo }) {
  const { t } = useTranslation();
  const create = useMutation({
    mutationFn: (path: string) => api.call('workbook.create', { path }),
    onSuccess: startOver,
  });
  return (
    <section className="wb-panel" aria-labelledby="wb-create-title">
      <h2 id="wb-create-title">{t('wbk.create.title')}</h2>
      <p className="muted wb-lead">{t('wbk.create.lead')}</p>
      <PathForm
        id="wb-create-path"
        label={t('wbk.create.path')}
        initial={besideFile(current.path, `${t('wbk.create.defaultName')}${WORKBOOK_EXTENSION}`)}
        submit={t('wbk.create.submit')}
        pending={create.isPending}
        error={create.error?.message}
        onSubmit={(path) => create.mutate(path)}
      />
      <ErrorLine error={create.error} />
    </section>
  );
}
