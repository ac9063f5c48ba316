// Vitest global setup of the `postgres` test project: a fresh database for this run, on the server
// GROUNDWORK_TEST_PG names (.ci/run starts one), or else on a cluster started here and stopped at
// the end. No server and no PostgreSQL installed is an error, never a silent skip. The workers
// find the database in GROUNDWORK_TEST_PG_DATABASE.

import pg from 'pg';
import { startCluster, type Cluster } from './pg-cluster';

export default async function setup(): Promise<() => Promise<void>> {
  let cluster: Cluster | null = null;
  let server = process.env.GROUNDWORK_TEST_PG;
  if (!server) {
    cluster = startCluster();
    server = cluster.url;
  }
  const name = `groundwork_test_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: server });
  try {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'`);
  } catch (error) {
    cluster?.stop();
    throw new Error(`The PostgreSQL tests need a server: ${(error as Error).message} (GROUNDWORK_TEST_PG=${server})`);
  } finally {
    await admin.end().catch(() => undefined);
  }
  const url = new URL(server);
  url.pathname = `/${name}`;
  process.env.GROUNDWORK_TEST_PG_DATABASE = url.toString();

  return async () => {
    const client = new pg.Client({ connectionString: server });
    try {
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    } finally {
      await client.end().catch(() => undefined);
      cluster?.stop();
    }
  };
}
