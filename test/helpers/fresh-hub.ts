/**
 * A fresh, empty PostgreSQL database for one test, on the run's throwaway cluster (started on
 * the first call by the globalSetup in pg-global-setup.ts).
 */
import { inject } from 'vitest';

export interface FreshHub {
  /** `postgres://kt@127.0.0.1:PORT/NAME` (the superuser, trust auth). */
  url: string;
  /** The CA of the cluster's TLS certificate, which is made for `localhost`. */
  caFile: string;
}

export async function freshHub(): Promise<FreshHub> {
  const response = await fetch(inject('pgDatabaseEndpoint'));
  const text = await response.text();
  if (!response.ok) throw new Error(`No test PostgreSQL: ${text}`);
  return JSON.parse(text) as FreshHub;
}

export async function freshHubUrl(): Promise<string> {
  return (await freshHub()).url;
}
