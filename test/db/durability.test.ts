// What an acknowledged change promises: a process writing commands in a loop is killed with
// SIGKILL in the middle of its work, several times over one file; afterwards every command it
// acknowledged (printed after its write resolved) is in the file, whole (its concept, its memo and
// its step in the history), nothing is half-written, and SQLite's integrity_check passes.
// A kill stops the process, not the machine: power loss is covered by synchronous=FULL (db/sqlite/open.ts), not by this test.

import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createProjectFile } from '../../db/sqlite/open';
import { REPO } from '../helpers/files';
import { bundleHelper } from '../helpers/project-files';
import { storeFiles } from '../helpers/store';

const files = storeFiles();
afterEach(() => files.cleanup());

let writer: string;
beforeAll(async () => {
  writer = await bundleHelper('acknowledged-writer.ts');
});
afterAll(() => fs.rmSync(writer, { force: true }));

/** Runs the writer until it has acknowledged `acks` commands, then kills it with SIGKILL; returns the last number it acknowledged. */
function writeUntilKilled(file: string, prefix: string, acks: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writer, file, prefix], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let last = -1;
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const lines = out.split('\n');
      out = lines.pop()!;
      for (const line of lines) {
        const ack = /^ack (\d+)$/.exec(line);
        if (ack) last = Number(ack[1]);
      }
      if (last + 1 >= acks && child.exitCode === null && !child.killed) child.kill('SIGKILL');
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    // 'close', not 'exit': every ack the writer printed has been read by then.
    child.on('close', (code, signal) => (signal === 'SIGKILL' ? resolve(last) : reject(new Error(`the writer stopped by itself (${code}): ${err}`))));
  });
}

describe('an acknowledged change', () => {
  it('survives the writing process being killed mid-write, every time, and the file stays whole', async () => {
    const file = files.file('durable.groundwork');
    await createProjectFile(file, 'Durability').close();
    const memo = 'A memo long enough to fill pages of its own. '.repeat(200);
    const acknowledged: string[] = [];
    for (const [round, acks] of [5, 37, 80, 13, 120].entries()) {
      const last = await writeUntilKilled(file, `round ${round}`, acks);
      expect(last).toBeGreaterThanOrEqual(acks - 1);
      for (let i = 0; i <= last; i += 1) acknowledged.push(`round ${round} ${i}`);

      const db = new Database(file);
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        const concepts = db.prepare('SELECT label, memo FROM concept ORDER BY id').all() as { label: string; memo: string }[];
        const labels = concepts.map((c) => c.label);
        // Every acknowledged command is there; at most the one in flight when the kill came is there too.
        expect(labels.slice(0, acknowledged.length)).toEqual(acknowledged);
        expect(labels.length - acknowledged.length).toBeLessThanOrEqual(1);
        // Whole: each concept with its memo and one step in the history, nothing half-written.
        expect(concepts.every((c) => c.memo === memo)).toBe(true);
        expect(db.prepare(`SELECT count(*) FROM command WHERE kind = 'concept.create'`).pluck().get()).toBe(labels.length);
        // The one in flight, if it landed, is counted as acknowledged by the next round's view.
        acknowledged.splice(0, acknowledged.length, ...labels);
      } finally {
        db.close();
      }
    }
    expect(acknowledged.length).toBeGreaterThanOrEqual(5 + 37 + 80 + 13 + 120);
  });
});
