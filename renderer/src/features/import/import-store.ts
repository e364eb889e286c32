/**
 * The wizard's state lives outside the page, for as long as the window is open: the user can
 * follow a duplicate's link to the client, or look at the client list while a large file is
 * written, and come back to the same step with the same mapping, check and result.
 */
import { useSyncExternalStore } from 'react';
import type {
  DateOrder,
  ImportCellPolicy,
  ImportCheck,
  ImportGroupChoice,
  ImportOnInvalid,
  ImportPreview,
  ImportResult,
  ImportTarget,
} from '../../../../electron/api/contract';
import { ApiError } from '../../api/client';

export type Step = 'file' | 'preview' | 'mapping' | 'check' | 'run';
export type OnDuplicate = 'update' | 'skip' | 'create';
export type OnInvalid = ImportOnInvalid;
export type CellPolicy = ImportCellPolicy;
export type GroupChoice = ImportGroupChoice;
export type Mapping = Record<string, string | null>;

/** A refusal or failure as shown: the message and the input field it concerns, if any. */
export interface Problem {
  message: string;
  field: string | undefined;
}

export interface Source {
  path: string;
  name: string;
}

export interface Loaded {
  source: Source;
  target: ImportTarget;
  preview: ImportPreview;
}

export interface WizardState {
  step: Step;
  target: ImportTarget;
  loaded: Loaded | null;
  mapping: Mapping;
  dateOrders: Record<string, DateOrder>;
  onDuplicate: OnDuplicate;
  onInvalid: OnInvalid;
  /** Columns (by header) whose bad cells the user wants handled otherwise than by default. */
  cellPolicies: Record<string, CellPolicy>;
  /** The choice for every group of rows that match each other, and per group (by id). */
  groupChoice: GroupChoice | null;
  groupChoices: Record<string, GroupChoice>;
  /** A choice changed while a check was running: check again when it ends. */
  recheck: boolean;
  /** Bumped by every change that makes a check stale: an answer to an older input is dropped. */
  generation: number;
  /** The name of the file being read, while it is. */
  reading: string;
  openError: Problem | null;
  check: ImportCheck | null;
  checkError: Problem | null;
  result: ImportResult | null;
  runError: Problem | null;
  /** Changes reverted by "Undo this import". */
  undone: number | null;
  undoError: Problem | null;
  /** The user asked to stop the check or run in flight. */
  cancelled: boolean;
}

export const INITIAL: WizardState = {
  step: 'file',
  target: 'clients',
  loaded: null,
  mapping: {},
  dateOrders: {},
  onDuplicate: 'update',
  onInvalid: 'blank',
  cellPolicies: {},
  groupChoice: null,
  groupChoices: {},
  recheck: false,
  generation: 0,
  reading: '',
  openError: null,
  check: null,
  checkError: null,
  result: null,
  runError: null,
  undone: null,
  undoError: null,
  cancelled: false,
};

let state: WizardState = INITIAL;
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useWizardState(): WizardState {
  return useSyncExternalStore(subscribe, () => state);
}

export function getState(): WizardState {
  return state;
}

export function update(patch: Partial<WizardState>): void {
  state = { ...state, ...patch };
  for (const listener of listeners) listener();
}

export function problem(error: unknown): Problem {
  if (error instanceof ApiError) return { message: error.message, field: error.field };
  return { message: error instanceof Error ? error.message : String(error), field: undefined };
}
