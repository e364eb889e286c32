/**
 * The stage on the loyalty ladder, edited in place. Choosing "lost" asks for the reason right
 * there and saves both in one patch, since the main process refuses lost without a reason.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientPatch, LostReason, Stage } from '../../../../electron/api/contract';
import { STAGES } from '../../../../electron/api/contract/enums';
import { messageOf } from './useCardData';

interface Props {
  stage: Stage;
  lostReasons: LostReason[];
  readOnly: boolean;
  onSave: (patch: ClientPatch, paths: string[]) => Promise<void>;
}

export function StageField({ stage, lostReasons, readOnly, onSave }: Props) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState<Stage>(stage);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const stageRef = useRef<HTMLSelectElement>(null);
  const reasonRef = useRef<HTMLSelectElement>(null);

  useEffect(() => {
    if (!editing) return;
    if (draft === 'lost') reasonRef.current?.focus();
    else stageRef.current?.focus();
  }, [editing, draft]);

  const cancel = () => {
    setDraft(stage);
    setError(null);
    setEditing(false);
  };
  const save = async (patch: ClientPatch) => {
    setSaving(true);
    try {
      await onSave(patch, ['patch.lostReason', 'patch.stage', 'lostReason', 'stage']);
      setError(null);
      setEditing(false);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setSaving(false);
    }
  };
  const chooseStage = (next: Stage) => {
    setDraft(next);
    setError(null);
    if (next === 'lost') return; // wait for the reason
    if (next === stage) return cancel();
    void save({ stage: next });
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      cancel();
    }
  };
  const active = lostReasons.filter((r) => r.active);

  return (
    <div className="field" data-field="stage">
      <label htmlFor="field-stage" className="field__label">
        {t('fields.stage')}
      </label>
      {editing ? (
        <div className="stage-editor">
          <select
            ref={stageRef}
            id="field-stage"
            name="stage"
            value={draft}
            disabled={saving}
            onKeyDown={onKeyDown}
            onChange={(e) => chooseStage(e.target.value as Stage)}
          >
            {STAGES.map((s) => (
              <option key={s} value={s}>
                {t(`stages.${s}`)}
              </option>
            ))}
          </select>
          {draft === 'lost' ? (
            <>
              <label htmlFor="field-stage-reason" className="field__label">
                {t('cardx.stage.reason')}
              </label>
              <select
                ref={reasonRef}
                id="field-stage-reason"
                name="lostReason"
                defaultValue=""
                disabled={saving}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? 'field-stage-error' : undefined}
                onKeyDown={onKeyDown}
                onChange={(e) => void save({ stage: 'lost', lostReason: e.target.value })}
              >
                <option value="">{t('cardx.stage.chooseReason')}</option>
                {active.map((r) => (
                  <option key={r.id} value={r.label}>
                    {r.label}
                  </option>
                ))}
              </select>
              <div className="row">
                <button type="button" className="link" onClick={cancel}>
                  {t('cardx.cancel')}
                </button>
              </div>
            </>
          ) : null}
        </div>
      ) : readOnly ? (
        <div className="field__value-row">
          <span id="field-stage" className="field__value">
            {t(`stages.${stage}`)}
          </span>
        </div>
      ) : (
        <div className="field__value-row">
          <button
            type="button"
            id="field-stage"
            className="field__value"
            title={t('card.editHint')}
            onClick={() => {
              setDraft(stage);
              setEditing(true);
            }}
          >
            {t(`stages.${stage}`)}
          </button>
        </div>
      )}
      {error ? (
        <div className="field-error" id="field-stage-error" role="alert">
          {error}
        </div>
      ) : null}
    </div>
  );
}
