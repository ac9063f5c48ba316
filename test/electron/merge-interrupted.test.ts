// A merge killed halfway leaves the project as it was: `groundwork merge` runs as a real process on
// a copy holding thousands of passages and is killed (SIGKILL) while its one transaction is being
// written (the project's write-ahead log is growing); the project then opens with nothing of the
// merge in it, and the same merge run again completes.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findOrCreateCoder } from '../../db/coders';
import { insertConcept } from '../../db/codebook';
import type { ReadableDB } from '../../db/handles';
import { insertSegment } from '../../db/segments';
import { openProjectFile } from '../../db/sqlite/open';
import { REPO, tempDir } from '../helpers/files';
import { runCli } from '../helpers/cli';
import { addSource, count } from '../helpers/store';

let dir: string;
beforeAll(async () => {
  dir = tempDir('groundwork-merge-kill-');
  // The command line's bundle is built before the timed part.
  await new Promise((resolve) => spawn(process.execPath, [path.join(REPO, 'electron/cli/bin.mjs'), 'help'], { stdio: 'ignore' }).on('close', resolve));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const PASSAGES = 30_000;
const state = async (db: ReadableDB) => ({
  segments: await count(db, 'segment'),
  commands: await count(db, 'command'),
  stamps: await count(db, 'merge_stamp'),
  coders: await count(db, 'coder'),
  clock: (await db.get<{ clock: number }>('SELECT clock FROM replica_clock'))!.clock,
});

describe('an interrupted merge', () => {
  it('leaves the project as it was, and the same merge then completes', async () => {
    const file = path.join(dir, 'review.groundwork');
    expect((await runCli('init', file)).code).toBe(0);
    const store = openProjectFile(file);
    const text = 'پژوهش کیفی '.repeat(20_000);
    await store.write({ kind: 'setup', label: 'setup' }, async (db) => {
      await addSource(db, 'long', text);
      await insertConcept(db, { label: 'Trust', color: '#112233', inVivo: false });
    });
    await store.close();
    const copy = (await runCli('copies', file, '--coders', 'Alice')).out[0]!.replace(/^Alice: /, '');
    const theirs = openProjectFile(copy);
    await theirs.write({ kind: 'segment.code', label: 'many passages' }, async (db) => {
      const alice = await findOrCreateCoder(db, 'Alice');
      for (let i = 0; i < PASSAGES; i += 1) {
        const start = (i * 7) % (text.length - 20);
        await insertSegment(db, { documentId: 1 as never, conceptId: 1 as never, start, end: start + 5 + (i % 9), text: 'x', contextBefore: '', contextAfter: '', coderId: alice.id });
      }
    });
    await theirs.close();

    const mine = openProjectFile(file);
    const before = await mine.read(state);
    await mine.close();
    const wal = `${file}-wal`;
    const walAtStart = fs.existsSync(wal) ? fs.statSync(wal).size : 0;

    const child = spawn(process.execPath, [path.join(REPO, 'electron/cli/bin.mjs'), 'merge', file, copy], { stdio: 'ignore' });
    let killedWhileWriting = false;
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline && child.exitCode === null) {
      const size = fs.existsSync(wal) ? fs.statSync(wal).size : 0;
      if (size > walAtStart + 2 * 1024 * 1024) {
        child.kill('SIGKILL');
        killedWhileWriting = true;
        break;
      }
      await new Promise((r) => setTimeout(r, 5));
    }
    const code = await exited;
    expect(killedWhileWriting, `the merge finished (exit ${code}) before it could be interrupted`).toBe(true);
    expect(code).toBe(null);

    const reopened = openProjectFile(file);
    expect(await reopened.read(state)).toEqual(before);
    await reopened.close();

    const done = await runCli('merge', file, copy);
    expect(done.code, done.stderr).toBe(0);
    const after = openProjectFile(file);
    expect((await after.read(state)).segments).toBe(before.segments + PASSAGES);
    await after.close();
  }, 180_000);
});
