/**
 * A new, empty workbook in a new file, encrypted with a password if the user asks; the open one
 * closes with every change in it.
 */
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkbookInfo } from '../../../../electron/api/contract';
import { api } from '../../api/client';
import { ErrorLine } from './ErrorLine';
import { NewPasswordFields, newPasswordProblem, type NewPasswordValue } from './PasswordFields';
import { PathForm } from './PathForm';
import { besideFile, WORKBOOK_EXTENSION } from './useWorkbook';

export function CreatePanel({ current }: { current: WorkbookInfo }) {
  const { t } = useTranslation();
  const [protect, setProtect] = useState(false);
  const [password, setPassword] = useState<NewPasswordValue>({ password: '', repeat: '' });
  const [problem, setProblem] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: (input: { path: string; password?: string }) => api.call('workbook.create', input),
  });
  const submit = (path: string) => {
    const found = protect ? newPasswordProblem(password, t) : null;
    setProblem(found);
    if (found) return;
    create.mutate(protect ? { path, password: password.password } : { path });
  };
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
        pickMode="create"
        onSubmit={submit}
        below={
          <>
            <label className="wb-check">
              <input
                type="checkbox"
                checked={protect}
                onChange={(e) => {
                  setProtect(e.target.checked);
                  setProblem(null);
                }}
              />
              {t('pwd.create.protect')}
            </label>
            {protect ? (
              <NewPasswordFields
                id="wb-create-password"
                label={t('pwd.password')}
                value={password}
                onChange={setPassword}
                problem={problem}
              />
            ) : null}
          </>
        }
      />
      <ErrorLine error={create.error} />
    </section>
  );
}
