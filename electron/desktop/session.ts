/**
 * The open workbook as the desktop shell needs it, read through the one dispatch
 * (`workbook.info`, `workbook.recent`), and the session's events behind a small interface that
 * main.ts wires to the app.
 */
import type { RecentWorkbook, WorkbookInfo } from '../api/contract';
import type { Dispatch } from '../api/dispatch';

/** The app's workbook session: told when another workbook opens, and closed once at the end. */
export interface WorkbookEvents {
  /** Calls `listener` after another workbook was opened; returns the way to stop listening. */
  onChange(listener: () => void): () => void;
  /** Closes the open workbook cleanly (the WAL checkpointed into the one file). */
  close(): void | Promise<void>;
}

export interface WorkbookState {
  /** Null when no workbook is open (or the app cannot say). */
  info: WorkbookInfo | null;
  /** Newest first; empty when the app keeps none. */
  recent: RecentWorkbook[];
}

export async function readWorkbookInfo(dispatch: Dispatch): Promise<WorkbookInfo | null> {
  const info = await dispatch('workbook.info', undefined);
  return info.ok ? (info.data as WorkbookInfo) : null;
}

export async function readWorkbookState(dispatch: Dispatch): Promise<WorkbookState> {
  const [info, recent] = await Promise.all([
    readWorkbookInfo(dispatch),
    dispatch('workbook.recent', undefined),
  ]);
  return {
    info,
    recent: recent.ok && Array.isArray(recent.data) ? (recent.data as RecentWorkbook[]) : [],
  };
}
