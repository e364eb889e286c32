/**
 * Connecting this device to a hub: the server's address in parts (composed into one
 * `postgres://` address), the device's name, "Test connection" (the server's version and the
 * hub's workbooks, one of which this workbook may join) and "Connect". A field left empty is
 * said under it before anything is sent; a refusal from the main process shows under the field
 * it names, or under the buttons.
 */
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client';
import { ErrorLine } from '../workbook/ErrorLine';
import {
  checkConnection,
  connectionUrl,
  EMPTY_CONNECTION,
  type Connection,
  type ConnectionField,
} from './connection-url';
import { ConnectionFields } from './ConnectionFields';
import { JoinChoice } from './JoinChoice';

/** Where a refusal goes: a form field it names, else the line under the buttons. */
function fieldMessage(error: unknown, field: string): string | undefined {
  return error instanceof ApiError ? error.messageFor(field) : undefined;
}

const OWN_FIELDS = ['deviceName', 'workbookId', 'host', 'port', 'database', 'user', 'password'];

function generalError(error: unknown): unknown {
  if (!(error instanceof ApiError)) return error;
  const placed = OWN_FIELDS.some((f) => error.messageFor(f) !== undefined);
  return placed ? null : error;
}

export function ConnectForm() {
  const { t } = useTranslation();
  const [connection, setConnection] = useState<Connection>(EMPTY_CONNECTION);
  const [deviceName, setDeviceName] = useState('');
  const [join, setJoin] = useState<string | null>(null);
  const [checked, setChecked] = useState(false);
  // The name matters to Connect only: a test says nothing about it.
  const [submitted, setSubmitted] = useState(false);
  const test = useMutation({ mutationFn: (url: string) => api.call('sync.test', { url }) });
  const configure = useMutation({
    mutationFn: (input: { url: string; deviceName: string; workbookId?: string }) =>
      api.call('sync.configure', input),
  });
  const problems = checked ? checkConnection(connection) : {};
  const nameMissing = submitted && !deviceName.trim();

  const change = (field: ConnectionField, value: string) => {
    setConnection((c) => ({ ...c, [field]: value }));
    // What was tested is no longer what the form says.
    test.reset();
    setJoin(null);
  };
  const ready = () => {
    setChecked(true);
    return Object.keys(checkConnection(connection)).length === 0;
  };
  const runTest = () => {
    configure.reset();
    if (ready()) test.mutate(connectionUrl(connection));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    const ok = ready();
    if (!ok || !deviceName.trim()) return;
    configure.mutate({
      url: connectionUrl(connection),
      deviceName: deviceName.trim(),
      ...(join ? { workbookId: join } : {}),
    });
  };
  const error = configure.error ?? test.error;
  const deviceError = nameMissing
    ? t('sync.connect.required')
    : fieldMessage(configure.error, 'deviceName');

  return (
    <section className="wb-panel sync-connect" aria-labelledby="sync-connect-title">
      <h2 id="sync-connect-title">{t('sync.connect.title')}</h2>
      <form className="sync-form" onSubmit={submit} noValidate>
        <ConnectionFields
          connection={connection}
          problems={problems}
          error={error}
          onChange={change}
        />
        <label className="form-field sync-form__device">
          <span>{t('sync.connect.deviceName')}</span>
          <input
            name="deviceName"
            value={deviceName}
            maxLength={100}
            aria-invalid={deviceError ? true : undefined}
            onChange={(e) => setDeviceName(e.target.value)}
          />
          <span className="muted sync-hint">{t('sync.connect.deviceNameHint')}</span>
          {deviceError ? (
            <span className="field-error" role="alert">
              {deviceError}
            </span>
          ) : null}
        </label>
        {test.data ? (
          <JoinChoice
            result={test.data}
            join={join}
            onJoin={setJoin}
            error={fieldMessage(configure.error, 'workbookId')}
          />
        ) : null}
        <div className="row sync-form__buttons">
          <button
            type="button"
            disabled={test.isPending}
            aria-busy={test.isPending}
            onClick={runTest}
          >
            {test.isPending ? t('sync.connect.testing') : t('sync.connect.test')}
          </button>
          <button
            type="submit"
            className="primary"
            disabled={configure.isPending}
            aria-busy={configure.isPending}
          >
            {configure.isPending ? t('sync.connect.connecting') : t('sync.connect.connect')}
          </button>
        </div>
        <ErrorLine error={generalError(error)} />
      </form>
    </section>
  );
}
