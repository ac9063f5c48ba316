// The engine a test file runs on: SQLite (the `unit` test project) or PostgreSQL (the `postgres`
// test project sets GROUNDWORK_TEST_ENGINE=postgres and its global setup makes a database). Tests
// written against `testProjects()` run unchanged on both.

import { afterAll } from 'vitest';
import { connectPostgres, type PostgresServer } from '../../db/postgres/server';
import { createProjectFile, openProjectFile } from '../../db/sqlite/open';
import type { Store } from '../../db/store';
import { storeFiles } from './store';

export type EngineName = 'sqlite' | 'postgres';

export const ENGINE: EngineName = process.env.GROUNDWORK_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite';

let server: Promise<PostgresServer> | null = null;

/** This test file's connection to the run's PostgreSQL database (closed after the file). */
export function testServer(): Promise<PostgresServer> {
  const url = process.env.GROUNDWORK_TEST_PG_DATABASE;
  if (!url) {
    return Promise.reject(new Error('No PostgreSQL database for the tests: run them in the `postgres` test project (npm test), whose setup makes one.'));
  }
  server ??= connectPostgres({ connectionString: url, max: 20 });
  return server;
}

// Registered while the test file is collected (hooks cannot be added from inside a test).
afterAll(async () => {
  const connected = server;
  server = null;
  await (await connected?.catch(() => null))?.close();
});

export interface StoreOptions {
  watch?: boolean;
  actor?: string | null;
  readOnly?: boolean;
}

export interface TestProject {
  store: Store;
  /** Where the project is, for another process: a file (SQLite) or `URL#id` (PostgreSQL). */
  address: string;
  /** Opens the project again: another window or user on the same project. */
  open(options?: StoreOptions): Promise<Store>;
}

export interface TestProjects {
  readonly engine: EngineName;
  create(name?: string, options?: StoreOptions): Promise<TestProject>;
  cleanup(): Promise<void>;
}

export function testProjects(engine: EngineName = ENGINE): TestProjects {
  if (engine === 'sqlite') {
    const files = storeFiles();
    return {
      engine,
      async create(name = 'Store test', options = {}) {
        const file = files.file();
        const store = files.keep(createProjectFile(file, name, options));
        return { store, address: file, open: async (o = {}) => files.keep(openProjectFile(file, o)) };
      },
      cleanup: () => files.cleanup(),
    };
  }
  const stores: Store[] = [];
  const projects: number[] = [];
  return {
    engine,
    async create(name = 'Store test', options = {}) {
      const pg = await testServer();
      const entry = await pg.createProject(name);
      projects.push(entry.id);
      const open = async (o: StoreOptions = {}) => {
        const store = await pg.openProject(entry.id, o);
        stores.push(store);
        return store;
      };
      return { store: await open(options), address: `${process.env.GROUNDWORK_TEST_PG_DATABASE}#${entry.id}`, open };
    },
    async cleanup() {
      for (const store of stores.splice(0).reverse()) await store.close();
      const pg = await testServer();
      for (const id of projects.splice(0)) await pg.deleteProject(id);
    },
  };
}
