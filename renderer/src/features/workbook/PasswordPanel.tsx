/**
 * The open workbook's password: set one (typed twice), or, with the current one, change or
 * remove it. The workbook is re-encrypted into a new file and swapped in; it stays open.
 */
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkbookInfo } from '../../../../electron/api/contract';
import { api } from '../../api/client';
import { ErrorLine, fieldOf } from './ErrorLine';
import { NewPasswordFields, newPasswordProblem, type NewPasswordValue } from './PasswordFields';

type Action = 'set' | 'change' | 'remove';

const EMPTY: NewPasswordValue = { password: '', repeat: '' };

export function PasswordPanel({ info }: { info: WorkbookInfo }) {
  const { t } = useTranslation();
  const [old, setOld] = useState('');
  const [next, setNext] = useState<NewPasswordValue>(EMPTY);
  const [problem, setProblem] = useState<string | null>(null);
  const change = useMutation({
    mutationFn: (input: { action: Action; old?: string; new?: string }) =>
      api.call('workbook.setPassword', {
        ...(input.old === undefined ? {} : { old: input.old }),
        ...(input.new === undefined ? {} : { new: input.new }),
      }),
    onSuccess: () => {
      setOld('');
      setNext(EMPTY);
    },
  });
  const run = (action: Action) => (event?: FormEvent) => {
    event?.preventDefault();
    const found = action === 'remove' ? null : newPasswordProblem(next, t);
    setProblem(found);
    if (found) return;
    change.mutate({
      action,
      ...(info.encrypted ? { old } : {}),
      ...(action === 'remove' ? {} : { new: next.password }),
    });
  };
  const done = change.isSuccess && change.variables ? change.variables.action : null;
  const oldWrong = fieldOf(change.error) === 'old';
  return (
    <section className="wb-panel" aria-labelledby="wb-password-title">
      <h2 id="wb-password-title">{t('pwd.section.title')}</h2>
      <p className="muted wb-lead" data-testid="password-state">
        {info.encrypted ? t('pwd.section.protected') : t('pwd.section.plain')}
      </p>
      {info.readOnly ? (
        <p className="muted wb-lead">{t('pwd.section.readOnly')}</p>
      ) : (
        <form className="wb-password-form" onSubmit={run(info.encrypted ? 'change' : 'set')}>
          {info.encrypted ? (
            <label className="wb-field">
              <span>{t('pwd.current')}</span>
              <input
                id="wb-password-old"
                type="password"
                autoComplete="current-password"
                value={old}
                aria-invalid={oldWrong ? true : undefined}
                onChange={(e) => setOld(e.target.value)}
              />
            </label>
          ) : null}
          <NewPasswordFields
            id="wb-password-new"
            label={info.encrypted ? t('pwd.new') : t('pwd.password')}
            value={next}
            onChange={setNext}
            problem={problem}
          />
          <div className="row">
            <button
              type="submit"
              className="primary"
              disabled={change.isPending || (info.encrypted && !old)}
            >
              {info.encrypted ? t('pwd.section.change') : t('pwd.section.set')}
            </button>
            {info.encrypted ? (
              <button
                type="button"
                disabled={change.isPending || !old}
                title={t('pwd.section.removeLead')}
                onClick={() => run('remove')()}
              >
                {t('pwd.section.remove')}
              </button>
            ) : null}
          </div>
          {info.encrypted ? <p className="muted wb-lead">{t('pwd.section.removeLead')}</p> : null}
          <p className="muted wb-lead">{t('pwd.section.copiesNote')}</p>
        </form>
      )}
      <ErrorLine error={change.error} />
      {done ? (
        <p className="wb-done" role="status">
          {t(`pwd.section.done.${done}`)}
        </p>
      ) : null}
    </section>
  );
}
