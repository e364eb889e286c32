/**
 * The app-wide keys: `?` shows the shortcuts, Ctrl+Shift+P the command palette, N a new client.
 * Letters never fire while the user types in a field or works in a dialog.
 */
import { useCallback, useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { CommandPalette } from './CommandPalette';
import { HelpOverlay } from './HelpOverlay';
import { isHelpKey, isLetter, isPaletteKey, plainKey } from './keys';
import './keyboard.css';

type Overlay = 'help' | 'palette' | null;

export function Shortcuts() {
  const navigate = useNavigate();
  const [overlay, setOverlay] = useState<Overlay>(null);
  const newClient = useCallback(
    () => void navigate('/clients', { state: { newClient: true } }),
    [navigate],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isPaletteKey(event)) {
        event.preventDefault();
        setOverlay((open) => (open === 'palette' ? null : 'palette'));
      } else if (!plainKey(event)) {
        return;
      } else if (isHelpKey(event)) {
        event.preventDefault();
        setOverlay('help');
      } else if (isLetter(event, 'n')) {
        event.preventDefault();
        newClient();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [newClient]);

  const close = useCallback(() => setOverlay(null), []);
  if (overlay === 'help') return <HelpOverlay onClose={close} />;
  if (overlay === 'palette') {
    return (
      <CommandPalette onClose={close} onNewClient={newClient} onHelp={() => setOverlay('help')} />
    );
  }
  return null;
}
