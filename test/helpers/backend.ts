// A real backend over a real project file in a fresh temporary folder, called through the same
// dispatcher and JSON envelope as the hosts use. In the `postgres` test project its projects are
// projects of the run's PostgreSQL database instead (removed again by cleanup).

import fs from 'node:fs';
import { createClient, type ApiClient } from '../../shared/api/client';
import { createBackend, type Backend } from '../../electron/backend/backend';
import { localTransport } from '../../electron/backend/dispatcher';
import { postgresProjectHost } from '../../electron/backend/project-host';
import { ENGINE, testServer } from './engine';
import { EXAMPLES, tempDir } from './files';

export { EXAMPLES, readExample, REPO, tempDir } from './files';

export interface TestBackend {
  backend: Backend;
  api: ApiClient;
  home: string;
  cleanup(): Promise<void>;
}

export function startBackend(): TestBackend {
  const home = tempDir();
  const created: number[] = [];
  const projects = ENGINE === 'postgres' ? postgresProjectHost(testServer(), { shareBundled: false, created: (id) => created.push(id) }) : undefined;
  const backend = createBackend({ host: 'test', version: '0.0.0-test', home, examplesDir: EXAMPLES, projects });
  // A test of the `postgres` project that quietly ran on a project file would prove nothing.
  const open = backend.open.bind(backend);
  backend.open = async (store) => {
    if (store.engine !== ENGINE) throw new Error(`This test runs on ${ENGINE}, but a ${store.engine} project was opened (${store.location}).`);
    return open(store);
  };
  return {
    backend,
    api: createClient(localTransport(backend)),
    home,
    async cleanup() {
      await backend.close();
      fs.rmSync(home, { recursive: true, force: true });
      if (created.length > 0) {
        const server = await testServer();
        for (const id of created.splice(0)) await server.deleteProject(id).catch(() => undefined);
      }
    },
  };
}

export const toBase64 = (text: string | Uint8Array) =>
  Buffer.from(typeof text === 'string' ? Buffer.from(text, 'utf8') : text).toString('base64');

/** Imports text files given as name → content and returns their ids in the same order. */
export async function importTexts(api: ApiClient, files: Record<string, string | Uint8Array>) {
  const results = await api.call('document.import', {
    files: Object.entries(files).map(([name, content]) => ({ name, dataBase64: toBase64(content) })),
  });
  return results;
}
