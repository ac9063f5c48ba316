// Paths and temporary folders for tests, without the backend: tests of db/ import these alone, so
// they load no handler.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const REPO = path.resolve(import.meta.dirname, '../..');
export const EXAMPLES = path.join(REPO, 'fixtures/example');

export function tempDir(prefix = 'groundwork-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export const readExample = (name: string) => fs.readFileSync(path.join(EXAMPLES, name), 'utf8');
