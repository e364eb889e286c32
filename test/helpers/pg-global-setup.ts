/**
 * Vitest globalSetup: one throwaway PostgreSQL cluster for the whole run, started only when a
 * test first asks for a database, so runs without sync tests pay nothing. The test workers are
 * other processes; they reach this one through a tiny HTTP endpoint on 127.0.0.1 whose address
 * is handed over with `provide` (see `freshHubUrl` in fresh-hub.ts).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestProject } from 'vitest/node';
import { startPgCluster, type PgCluster } from './pg-cluster';

declare module 'vitest' {
  export interface ProvidedContext {
    /** `http://127.0.0.1:PORT/database` answers with a fresh database (a FreshHub as JSON). */
    pgDatabaseEndpoint: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let cluster: Promise<PgCluster> | null = null;
  const server = http.createServer((request, response) => {
    if (request.url !== '/database') {
      response.writeHead(404).end();
      return;
    }
    cluster ??= startPgCluster();
    cluster
      .then(async (c) => ({ url: await c.createDatabase(), caFile: c.caFile }))
      .then(
        (fresh) =>
          response
            .writeHead(200, { 'content-type': 'application/json' })
            .end(JSON.stringify(fresh)),
        (error: unknown) =>
          response
            .writeHead(500, { 'content-type': 'text/plain' })
            .end(error instanceof Error ? error.message : String(error)),
      );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  project.provide('pgDatabaseEndpoint', `http://127.0.0.1:${port}/database`);

  return async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    // A cluster that failed to start has nothing to stop; its error went to the tests.
    if (cluster)
      await cluster.then(
        (c) => c.stop(),
        () => undefined,
      );
  };
}
