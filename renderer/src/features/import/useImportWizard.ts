/**
 * The import wizard's actions over its state (./import-store): open a file, check the mapping,
 * run, undo, cancel. Every step talks to the main process through `api.call('import.*')`;
 * nothing is written before `import.run`. Results land in the store even when the page was
 * left meanwhile; "in flight" is read from react-query's mutation cache for the same reason.
 */
import { useIsMutating, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DateOrder, ImportTarget } from '../../../../electron/api/contract';
import { api } from '../../api/client';
import {
  getState,
  INITIAL,
  problem,
  update,
  useWizardState,
  type Loaded,
  type Mapping,
  type OnDuplicate,
  type OnInvalid,
  type Source,
  type Step,
} from './import-store';

export type { Mapping, OnDuplicate, OnInvalid, Problem, Step } from './import-store';

/** What to open: a browser `File` (uploaded first) or a path from the desktop file dialog. */
type OpenRequest = ({ file: File } | { source: Source }) & {
  target: ImportTarget;
  sheet?: string | undefined;
};

const KEYS = {
  open: ['import', 'open'],
  check: ['import', 'check'],
  run: ['import', 'run'],
  undo: ['import', 'undo'],
  cancel: ['import', 'cancel'],
};

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/** The check and run input from the state: file, target, sheet, mapping, policies. */
function request() {
  const s = getState();
  if (!s.loaded) throw new Error('no file is open');
  const { preview, source, target } = s.loaded;
  return {
    path: source.path,
    target,
    ...(preview.format === 'xlsx' && preview.sheet ? { sheet: preview.sheet } : {}),
    mapping: s.mapping,
    onDuplicate: s.onDuplicate,
    onInvalid: s.onInvalid,
    dateOrders: s.dateOrders,
  };
}

/** A change of mapping or policy makes the last check stale. */
const stale = { check: null, checkError: null } as const;

export function useImportWizard() {
  const queryClient = useQueryClient();
  const s = useWizardState();
  const info = useQuery({ queryKey: ['app.info'], queryFn: () => api.call('app.info', {}) });

  const open = useMutation({
    mutationKey: KEYS.open,
    mutationFn: async (input: OpenRequest): Promise<Loaded> => {
      const source =
        'file' in input
          ? { path: await api.upload(input.file), name: input.file.name }
          : input.source;
      const preview = await api.call('import.preview', {
        path: source.path,
        target: input.target,
        ...(input.sheet ? { sheet: input.sheet } : {}),
      });
      return { source, target: input.target, preview };
    },
    onMutate: (input) =>
      update({
        openError: null,
        reading: 'file' in input ? input.file.name : input.source.name,
      }),
    onSuccess: (loaded) =>
      update({
        loaded,
        mapping: { ...loaded.preview.suggestedMapping },
        dateOrders: {},
        check: null,
        checkError: null,
        reading: '',
        step: 'preview',
      }),
    onError: (error) => update({ openError: problem(error), reading: '' }),
  });

  const pick = useMutation({
    mutationFn: () => api.call('import.pickFile', {}),
    onMutate: () => update({ openError: null }),
    onSuccess: ({ path }) => {
      if (path) open.mutate({ source: { path, name: baseName(path) }, target: getState().target });
    },
    onError: (error) => update({ openError: problem(error) }),
  });

  const runCheck = useMutation({
    mutationKey: KEYS.check,
    mutationFn: () => api.call('import.check', request()),
    onMutate: () => update({ cancelled: false, checkError: null }),
    onSuccess: (check) => update({ check, step: 'check' }),
    onError: (error) => update({ checkError: getState().cancelled ? null : problem(error) }),
  });

  const run = useMutation({
    mutationKey: KEYS.run,
    mutationFn: () => api.call('import.run', request()),
    onMutate: () =>
      update({ cancelled: false, result: null, runError: null, undone: null, undoError: null }),
    onSuccess: async (result) => {
      update({ result });
      await queryClient.invalidateQueries();
    },
    onError: (error) => update({ runError: problem(error) }),
  });

  const undo = useMutation({
    mutationKey: KEYS.undo,
    mutationFn: (batchId: string) => api.call('history.undoBatch', { batchId }),
    onMutate: () => update({ undoError: null }),
    onSuccess: async (result) => {
      update({ undone: result.reverted });
      await queryClient.invalidateQueries();
    },
    onError: (error) => update({ undoError: problem(error) }),
  });

  const cancel = useMutation({
    mutationKey: KEYS.cancel,
    mutationFn: () => api.call('import.cancel', {}),
    onMutate: () => update({ cancelled: true }),
  });

  const opening = useIsMutating({ mutationKey: KEYS.open }) > 0 || pick.isPending;
  const checking = useIsMutating({ mutationKey: KEYS.check }) > 0;
  const running = useIsMutating({ mutationKey: KEYS.run }) > 0;
  const undoing = useIsMutating({ mutationKey: KEYS.undo }) > 0;
  const cancelling = useIsMutating({ mutationKey: KEYS.cancel }) > 0 || s.cancelled;

  return {
    ...s,
    desktop: info.data?.shell === 'electron',
    opening,
    checking,
    running,
    undoing,
    cancelling,
    busy: opening || checking || running || undoing,
    openFile: (file: File) => open.mutate({ file, target: getState().target }),
    pickFile: () => pick.mutate(),
    check: s.check,
    runCheck: () => runCheck.mutate(),
    undo: (batchId: string) => undo.mutate(batchId),
    cancel: () => cancel.mutate(),
    setTarget: (target: ImportTarget) => update({ target, openError: null }),
    setMapping: (mapping: Mapping) => update({ mapping, ...stale }),
    setDateOrders: (dateOrders: Record<string, DateOrder>) => update({ dateOrders, ...stale }),
    setOnDuplicate: (onDuplicate: OnDuplicate) => update({ onDuplicate, ...stale }),
    setOnInvalid: (onInvalid: OnInvalid) => update({ onInvalid, ...stale }),
    goTo: (step: Step) => {
      update({ step, openError: null });
      if (step === 'run') run.mutate();
    },
    /** From the file step: the open file again for the chosen target, or straight on. */
    next: () => {
      const { loaded, target } = getState();
      if (!loaded) return;
      if (loaded.target === target) update({ step: 'preview' });
      else open.mutate({ source: loaded.source, target });
    },
    /** Another sheet of the open Excel file. */
    chooseSheet: (sheet: string) => {
      const { loaded } = getState();
      if (loaded) open.mutate({ source: loaded.source, target: loaded.target, sheet });
    },
    restart: () => update({ ...INITIAL, target: getState().target }),
  };
}

export type Wizard = ReturnType<typeof useImportWizard>;
