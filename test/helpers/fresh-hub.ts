/**
 * A fresh, empty PostgreSQL database for one test, on the run's throwaway cluster (started on
 * the first call by the globalSetup in pg-global-setup.ts).
 */
import { inject } from 'vitest';

export async function freshHubUrl(): Promise<string> {
  const response = await fetch(inject('pgDatabaseEndpoint'));
  const text = await response.text();
  if (!response.ok) throw new Error(`No test PostgreSQL: ${text}`);
  return text;
}
