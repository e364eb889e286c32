/**
 * The import wizard's actions over its state (./import-store): open a file, check the mapping,
 * run, undo, cancel. Every step talks to the main process through `api.call('import.*')`;
 * nothing is written before `import.run`. Results land in the store even when the page was
 * left meanwhile; "in flight" is read from react-query's mutation cache for the same reason.
 */
import { useIsMutating, useMutation, useQuery } from '@tanstack/react-query';
import type { DateOrder, ImportTarget } from '../../../../electron/api/contract';
import { api } from '../../api/client';
import { channelQuery } from '../../api/channel-query';
import { columnPolicies } from './column-policies';
import {
  getState,
  INITIAL,
  problem,
  update,
  useWizardState,
  type CellPolicy,
  type GroupChoice,
  type Loaded,
  type Mapping,
  type OnDuplicate,
  type OnInvalid,
  type Source,
  type Step,
} from './import-store';

export type {
  CellPolicy,
  GroupChoice,
  Mapping,
  OnDuplicate,
  OnInvalid,
  Problem,
  Step,
} from './import-store';

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

/** The check and run input from the state: file, target, sheet, mapping, policies, choices. */
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
    ...(s.onInvalid === 'blank'
      ? { onInvalidColumns: columnPolicies(preview.fields, s.mapping, s.cellPolicies) }
      : {}),
    dateOrders: s.dateOrders,
    ...(s.groupChoice ? { groupChoice: s.groupChoice } : {}),
    groupChoices: s.groupChoices,
  };
}

/**
 * A change of mapping or policy makes the last check stale, and the groups with it (their ids
 * are the numbers of their first rows, which another mapping may change).
 */
function stale() {
  return {
    check: null,
    checkError: null,
    groupChoice: null,
    groupChoices: {},
    generation: getState().generation + 1,
  };
}

export function useImportWizard() {
  const s = useWizardState();
  const info = useQuery(channelQuery('app.info', {}));

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
        cellPolicies: {},
        ...stale(),
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
    mutationFn: async (again: boolean) => ({
      generation: getState().generation,
      again,
      check: await api.call('import.check', request()),
    }),
    onMutate: () => update({ cancelled: false, checkError: null, recheck: false }),
    // An answer to an older mapping, or a choice made meanwhile (the check runs again), is not
    // shown; a check again for new choices stays on the step the user is at.
    onSuccess: ({ generation, again, check }) => {
      const s = getState();
      if (s.recheck || s.generation !== generation) return;
      update(again ? { check } : { check, step: 'check' });
    },
    onError: (error) => update({ checkError: getState().cancelled ? null : problem(error) }),
    onSettled: () => {
      if (getState().recheck && !getState().cancelled) runCheck.mutate(true);
    },
  });

  /** The figures follow the choices for groups: check again (after the running check, if any). */
  const recheck = (patch: Partial<ReturnType<typeof getState>>) => {
    update(patch);
    if (runCheck.isPending) update({ recheck: true });
    else runCheck.mutate(true);
  };

  const run = useMutation({
    mutationKey: KEYS.run,
    mutationFn: () => api.call('import.run', request()),
    onMutate: () =>
      update({ cancelled: false, result: null, runError: null, undone: null, undoError: null }),
    onSuccess: (result) => update({ result }),
    onError: (error) => update({ runError: problem(error) }),
  });

  const undo = useMutation({
    mutationKey: KEYS.undo,
    mutationFn: (batchId: string) => api.call('history.undoBatch', { batchId }),
    onMutate: () => update({ undoError: null }),
    onSuccess: (result) => update({ undone: result.reverted }),
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
    runCheck: () => runCheck.mutate(false),
    undo: (batchId: string) => undo.mutate(batchId),
    cancel: () => cancel.mutate(),
    setTarget: (target: ImportTarget) => update({ target, openError: null }),
    setMapping: (mapping: Mapping) => update({ mapping, ...stale() }),
    setDateOrders: (dateOrders: Record<string, DateOrder>) => update({ dateOrders, ...stale() }),
    setOnDuplicate: (onDuplicate: OnDuplicate) => update({ onDuplicate, ...stale() }),
    setOnInvalid: (onInvalid: OnInvalid) => update({ onInvalid, ...stale() }),
    setCellPolicy: (header: string, policy: CellPolicy) =>
      update({ cellPolicies: { ...getState().cellPolicies, [header]: policy }, ...stale() }),
    /** One choice for every group (the groups' own choices give way to it). */
    chooseForAll: (groupChoice: GroupChoice) => recheck({ groupChoice, groupChoices: {} }),
    chooseFor: (groupId: string, choice: GroupChoice) =>
      recheck({ groupChoices: { ...getState().groupChoices, [groupId]: choice } }),
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
    restart: () =>
      update({ ...INITIAL, target: getState().target, generation: getState().generation + 1 }),
  };
}

export type Wizard = ReturnType<typeof useImportWizard>;
