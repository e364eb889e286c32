/** The list of keyboard shortcuts, opened with `?` (and from the command palette). */
import { useTranslation } from 'react-i18next';
import { Modal } from '../../lib/Modal';

const GROUPS = [
  {
    title: 'anywhere',
    keys: [
      ['Ctrl+K', 'search'],
      ['Ctrl+Shift+P', 'palette'],
      ['N', 'newClient'],
      ['?', 'help'],
      ['Esc', 'cancel'],
    ],
  },
  {
    title: 'list',
    keys: [
      ['↓ ↑', 'rows'],
      ['Enter', 'open'],
      ['Space', 'select'],
      ['↑', 'toSearch'],
    ],
  },
  {
    title: 'card',
    keys: [
      ['J', 'next'],
      ['K', 'previous'],
      ['C', 'comment'],
      ['R', 'reminder'],
      ['Enter', 'save'],
    ],
  },
] as const;

export function HelpOverlay({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal labelledBy="keys-help-title" onClose={onClose} closeOnBackdrop testId="keys-help">
      <div className="dialog keys-help">
        <h2 id="keys-help-title">{t('keys.help.title')}</h2>
        <p className="muted">{t('keys.help.hint')}</p>
        <div className="keys-help__groups">
          {GROUPS.map((group) => (
            <section key={group.title}>
              <h3>{t(`keys.help.${group.title}`)}</h3>
              <dl>
                {group.keys.map(([key, what]) => (
                  <div key={`${key}-${what}`} className="keys-help__row">
                    <dt>
                      <kbd>{key}</kbd>
                    </dt>
                    <dd>{t(`keys.help.${what}`)}</dd>
                  </div>
                ))}
              </dl>
            </section>
          ))}
        </div>
        <div className="row row--end">
          <button type="button" autoFocus onClick={onClose}>
            {t('keys.help.close')}
          </button>
        </div>
      </div>
    </Modal>
  );
}
