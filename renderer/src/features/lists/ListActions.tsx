/**
 * The same actions on any list of clients — a selection, a filter result, an analytics
 * drill-down, Today's "slipping away", "due to buy" and win-back lists: export, assign a
 * manager, set the stage, add a tag, a reminder for each, a touch logged on each, and start a
 * campaign. Each runs as one `lists.act` call on the server's whole list (not the rows shown);
 * the result is announced with its count and, where there is a batch, an Undo.
 */
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type {
  ListAction,
  ListActResult,
  ListDrill,
  ListQuery,
} from '../../../../electron/api/contract';
import { today as localToday } from '../../../../kernel/local-date';
import { api, ApiError } from '../../api/client';
import { download } from '../../lib/download';
import { ActDialog, type DialogKind } from './ActDialog';
import './lists.css';

export type ListAudience = { ids: string[] } | { filter: ListQuery } | { drill: ListDrill };

export type ActKind = 'export' | DialogKind | 'campaign';
const KINDS: ActKind[] = [
  'export',
  'setManager',
  'setStage',
  'addTag',
  'remind',
  'touch',
  'campaign',
];

/** The columns of a list's export: who the client is, how to reach them, and the id last. */
const EXPORT_COLUMNS = ['name', 'phone', 'email', 'managerId', 'stage', 'id'] as const;

interface Props {
  audience: ListAudience;
  /** How many clients the list holds (the server's count, not the rows shown). */
  count: number;
  /** Where the list comes from ("Slipping away"): the dialogs and the campaign page say it. */
  source: string;
  /** Actions another control beside it already offers (the client list's own bulk form). */
  omit?: readonly ActKind[];
  /** After an action succeeded; the caller then announces it (the client list's toast). */
  onDone?: (result: ListActResult) => void;
  testId?: string;
  /** The words before the buttons instead of "Act on the whole list (N):". */
  label?: string;
  /** The buttons behind one "Act on the whole list" toggle (Today's narrow columns). */
  compact?: boolean;
}

function messageOf(error: unknown): string {
  return error instanceof ApiError ? error.message : String(error);
}

export function ListActions({
  audience,
  count,
  source,
  omit = [],
  onDone,
  testId,
  compact = false,
  label,
}: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [dialog, setDialog] = useState<DialogKind | null>(null);
  const [open, setOpen] = useState(!compact);
  const [status, setStatus] = useState<{ text: string; batchId: string | null } | null>(null);
  const run = useMutation({
    mutationFn: (action: ListAction) => api.call('lists.act', { ...audience, action }),
    onSuccess: (result, action) => {
      if (result.file) download(result.file);
      setDialog(null);
      if (onDone) {
        onDone(result);
        return;
      }
      setStatus({
        text: t(`acts.done.${action.type as Exclude<ActKind, 'campaign'>}`, {
          count: result.affected,
        }),
        batchId: result.batchId,
      });
    },
  });
  const undo = useMutation({
    mutationFn: (batchId: string) => api.call('history.undoBatch', { batchId }),
    onSuccess: (result) =>
      setStatus({ text: t('acts.undone', { count: result.reverted }), batchId: null }),
  });

  const start = (kind: ActKind) => {
    setStatus(null);
    run.reset();
    if (kind === 'campaign') {
      void navigate('/campaigns/new', {
        state: { audience: { target: audience, count, source } },
      });
    } else if (kind === 'export') {
      run.mutate({
        type: 'export',
        format: 'csv',
        timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
        columns: EXPORT_COLUMNS.map((key) => ({ key, label: t(`fields.${key}`) })),
      });
    } else {
      setDialog(kind);
    }
  };

  return (
    <div className="list-actions" data-testid={testId ?? 'list-actions'}>
      {compact ? (
        <button
          type="button"
          className="link list-actions__toggle"
          aria-expanded={open}
          onClick={() => setOpen((v) => !v)}
        >
          {t('acts.bar', { count })} {open ? '▴' : '▾'}
        </button>
      ) : (
        <span className="list-actions__label">{label ?? t('acts.bar', { count })}</span>
      )}
      {(open ? KINDS : [])
        .filter((k) => !omit.includes(k))
        .map((kind) => (
          <button
            key={kind}
            type="button"
            className={kind === 'campaign' ? 'primary' : undefined}
            disabled={count === 0 || run.isPending}
            onClick={() => start(kind)}
          >
            {t(`acts.${kind}`)}
          </button>
        ))}
      {/* A caller that announces the result itself (the client list's toast) has its own. */}
      {onDone ? null : (
        <span className="list-actions__status" role="status">
          {run.isPending && !dialog ? t('acts.working') : null}
          {status ? status.text : null}
          {status?.batchId ? (
            <button
              type="button"
              className="link"
              disabled={undo.isPending}
              onClick={() => status.batchId && undo.mutate(status.batchId)}
            >
              {t('acts.undo')}
            </button>
          ) : null}
        </span>
      )}
      {run.error && !dialog ? (
        <span className="field-error" role="alert">
          {messageOf(run.error)}
        </span>
      ) : null}
      {dialog ? (
        <ActDialog
          kind={dialog}
          count={count}
          source={source}
          today={localToday()}
          pending={run.isPending}
          error={run.error ? messageOf(run.error) : null}
          onSubmit={(action) => run.mutate(action)}
          onClose={() => {
            setDialog(null);
            run.reset();
          }}
        />
      ) : null}
    </div>
  );
}
