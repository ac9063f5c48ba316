// A real backend over a real project file in a fresh temporary folder, called through the same
// dispatcher and JSON envelope as the hosts use.

import fs from 'node:fs';
import { createClient, type ApiClient } from '../../shared/api/client';
import { createBackend, type Backend } from '../../electron/backend/backend';
import { localTransport } from '../../electron/backend/dispatcher';
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
  const backend = createBackend({ host: 'test', version: '0.0.0-test', home, examplesDir: EXAMPLES });
  return {
    backend,
    api: createClient(localTransport(backend)),
    home,
    async cleanup() {
      await backend.close();
      fs.rmSync(home, { recursive: true, force: true });
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
