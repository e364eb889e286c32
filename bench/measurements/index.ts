/** The bench's measurements, in the order they run (the list first: it measures a cold start). */
import { analyticsRefresh } from './analytics';
import { analyticsVsDuckdb } from './analytics-duckdb';
import { bgNbdFit } from './bg-nbd';
import { bulkEdit } from './bulk';
import { bulkAll, readsDuringBulk } from './bulk-all';
import { cardOpen } from './card';
import { coldDashboard } from './cold-dashboard';
import { singleEdits } from './edits';
import { workbookFiles } from './files';
import { importClients } from './import';
import { importSales } from './import-sales';
import { listOpen } from './list';
import { passwordCost } from './password';
import { searchWhileTyping } from './search';
import { shellStart } from './start';
import { syncHub } from './sync';
import type { Measurement } from './types';

export type { BenchContext, Measurement } from './types';

export const MEASUREMENTS: readonly Measurement[] = [
  listOpen,
  searchWhileTyping,
  cardOpen,
  singleEdits,
  bulkEdit,
  bulkAll,
  readsDuringBulk,
  importClients,
  importSales,
  analyticsRefresh,
  analyticsVsDuckdb,
  coldDashboard,
  bgNbdFit,
  passwordCost,
  workbookFiles,
  syncHub,
  shellStart,
];
