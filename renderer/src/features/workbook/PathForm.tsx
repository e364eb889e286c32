/**
 * A path typed by the user, with its button. The desktop shell adds a "Choose…" button here that
 * opens the system's file dialog; the browser shell takes the path as typed.
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkbookPickMode } from '../../../../electron/api/contract';
import { api } from '../../api/client';
import { channelQuery } from '../../api/channel-query';
import { ErrorLine } from './ErrorLine';

interface Props {
  id: string;
  label: string;
  initial: string;
  submit: string;
  pending: boolean;
  onSubmit: (path: string) => void;
  /** Options between the field and the button (the read-only box). */
  children?: ReactNode;
  /** Fields under the path, sent with it (a new workbook's password). */
  below?: ReactNode;
  error?: string | undefined;
  /** The system dialog the desktop app's "Choose…" button opens. */
  pickMode?: WorkbookPickMode;
}

export function PathForm({
  id,
  label,
  initial,
  submit,
  pending,
  onSubmit,
  children,
  below,
  error,
  pickMode,
}: Props) {
  const { t } = useTranslation();
  const [path, setPath] = useState(initial);
  const app = useQuery(channelQuery('app.info', {}));
  const pick = useMutation({
    mutationFn: (mode: WorkbookPickMode) => api.call('workbook.pickFile', { mode }),
    onSuccess: (picked) => {
      if (picked.path !== null) setPath(picked.path);
    },
  });
  const send = (event: FormEvent) => {
    event.preventDefault();
    if (path.trim()) onSubmit(path.trim());
  };
  return (
    <form className="wb-path" onSubmit={send} noValidate>
      <label htmlFor={id}>{label}</label>
      <div className="wb-path__row">
        <input
          id={id}
          name={id}
          value={path}
          spellCheck={false}
          autoComplete="off"
          aria-invalid={error ? true : undefined}
          onChange={(e) => setPath(e.target.value)}
        />
        {pickMode && app.data?.shell === 'electron' ? (
          <button type="button" disabled={pick.isPending} onClick={() => pick.mutate(pickMode)}>
            {t('wbk.open.choose')}
          </button>
        ) : null}
        {children}
        <button type="submit" className="primary" disabled={pending || !path.trim()}>
          {submit}
        </button>
      </div>
      {below}
      <ErrorLine error={pick.error} />
    </form>
  );
}
