/** The bottom of a Today row: the one-line call input when it is open, and the row's error. */
import { CallInput, type CallToggle } from './CallInput';
import { RowError } from './RowParts';
import type { RowAction } from './useAgenda';

interface Props {
  call: CallToggle;
  action: RowAction;
  clientId: string;
  clientName: string;
  /** On a reminder's row: offered to be marked done with the call. */
  reminder?: { id: string; title: string };
  notify: (status: string) => void;
}

export function RowFooter({ call, action, clientId, clientName, reminder, notify }: Props) {
  return (
    <>
      {call.open ? (
        <CallInput
          clientId={clientId}
          clientName={clientName}
          reminder={reminder}
          action={action}
          onClose={call.close}
          onLogged={notify}
        />
      ) : null}
      <RowError error={action.error} onClose={action.clearError} />
    </>
  );
}
