// Building a project file that comes with Groundwork (the example, the study) or that a command
// writes whole: built in a temporary file, its history emptied, then moved into place, so a
// failure never leaves a half-made project behind.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fail } from '../../shared/api/errors';
import { createProjectFile, PROJECT_EXTENSION } from '../../db/sqlite/open';
import type { Store } from '../../db/store';

export async function buildProjectFile(target: string, name: string, build: (store: Store) => Promise<void>): Promise<void> {
  const resolved = path.resolve(target);
  if (fs.existsSync(resolved)) fail('conflict', 'There is already a file at {path}; nothing was written.', { path: resolved });
  const temp = path.join(os.tmpdir(), `groundwork-build-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}${PROJECT_EXTENSION}`);
  const store = createProjectFile(temp, name);
  try {
    await build(store);
    // A project that comes ready starts with an empty history: nothing to undo into.
    await store.compact({ keepSteps: 0, keepDays: 0 });
    await store.close();
    fs.mkdirSync(path.dirname(resolved), { recursive: true });
    fs.copyFileSync(temp, `${resolved}.partial`);
    fs.renameSync(`${resolved}.partial`, resolved);
  } finally {
    await store.close();
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(temp + suffix, { force: true });
    fs.rmSync(`${resolved}.partial`, { force: true });
  }
}
