/**
 * The command palette (Ctrl+Shift+P): type to narrow the commands, arrows to choose, Enter to
 * run. The focus stays in the input; the chosen command is its active descendant.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import { switchLanguage } from '../../i18n';
import { Modal } from '../../lib/Modal';

interface Command {
  id: string;
  label: string;
  run: () => void | Promise<void>;
}

interface Props {
  onClose: () => void;
  onNewClient: () => void;
  onHelp: () => void;
}

const ROUTES = [
  ['goToday', '/today'],
  ['goClients', '/clients'],
  ['goAnalytics', '/analytics'],
  ['goGrowth', '/growth'],
  ['goSettings', '/settings'],
  ['goJournal', '/changes'],
  ['goWorkbook', '/workbook'],
  ['goBackups', '/workbook/backups'],
  ['goSync', '/sync'],
] as const;

export function CommandPalette({ onClose, onNewClient, onHelp }: Props) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const other = i18n.language === 'en' ? 'ru' : 'en';

  const commands: Command[] = [
    ...ROUTES.map(([id, to]) => ({
      id,
      label: t(`keys.palette.${id}`),
      run: () => void navigate(to),
    })),
    { id: 'newClient', label: t('keys.palette.newClient'), run: onNewClient },
    { id: 'import', label: t('keys.palette.import'), run: () => void navigate('/import') },
    {
      id: 'search',
      label: t('keys.palette.search'),
      run: () => void navigate('/clients', { state: { focusSearch: true } }),
    },
    {
      id: 'language',
      label: t('keys.palette.language'),
      run: async () => {
        await api.call('settings.set', { language: other });
        await switchLanguage(other);
      },
    },
    { id: 'help', label: t('keys.palette.help'), run: onHelp },
  ];
  const words = text.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const shown = commands.filter((c) => words.every((w) => c.label.toLowerCase().includes(w)));
  const current = Math.min(active, Math.max(shown.length - 1, 0));

  const run = (command: Command | undefined) => {
    if (!command) return;
    // The palette closes first: a command that opens a dialog or a page takes the focus after.
    if (command.id !== 'help') onClose();
    void command.run();
  };

  return (
    <Modal label={t('keys.palette.title')} onClose={onClose} closeOnBackdrop testId="palette">
      <div className="dialog palette">
        <input
          type="text"
          autoFocus
          role="combobox"
          aria-expanded="true"
          aria-controls="palette-list"
          aria-activedescendant={shown.length ? `palette-${shown[current]?.id}` : undefined}
          aria-label={t('keys.palette.title')}
          placeholder={t('keys.palette.placeholder')}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setActive(0);
          }}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
              e.preventDefault();
              const step = e.key === 'ArrowDown' ? 1 : -1;
              setActive((current + step + shown.length) % Math.max(shown.length, 1));
            } else if (e.key === 'Enter') {
              e.preventDefault();
              run(shown[current]);
            }
          }}
        />
        <ul id="palette-list" role="listbox" aria-label={t('keys.palette.title')}>
          {shown.map((command, i) => (
            <li
              key={command.id}
              id={`palette-${command.id}`}
              role="option"
              aria-selected={i === current}
              className={i === current ? 'palette__item palette__item--on' : 'palette__item'}
              onMouseMove={() => setActive(i)}
              onClick={() => run(command)}
            >
              {command.label}
            </li>
          ))}
        </ul>
        {shown.length === 0 ? <p className="muted">{t('keys.palette.none')}</p> : null}
      </div>
    </Modal>
  );
}
