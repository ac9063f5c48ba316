// Migration 5 on a project made before records existed: every source gets its own record, titled
// by its name and included, so the project reads and codes as before; undo keeps working.

import fs from 'node:fs';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { closeProjectFile, createProjectFile, openProjectFile } from '../../db/connection';
import { listRecords } from '../../db/records';
import { undo } from '../../db/commands';
import { importSources } from '../../electron/backend/import/index';
import { readExample, tempDir } from '../helpers/backend';

let dir: string;
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

it('gives every existing source an included record titled by its name', () => {
  dir = tempDir('groundwork-migration-');
  const file = path.join(dir, 'old.groundwork');
  const project = createProjectFile(file, 'Old project');
  importSources(project, [
    { name: 'Account-based marketing (fa).txt', bytes: Buffer.from(readExample('Account-based marketing (fa).txt')) },
    { name: 'notes.md', bytes: Buffer.from('# Notes\nSome notes.') },
  ]);
  // Make it a schema-1 file: what migration 5 adds is taken away again.
  const db = project.raw;
  for (const table of ['record', 'duplicate_dismissal', 'exclusion_reason']) {
    for (const op of ['insert', 'update', 'delete']) db.exec(`DROP TRIGGER "${table}_capture_${op}"`);
  }
  db.exec(`DELETE FROM command_change WHERE table_name IN ('record', 'duplicate_dismissal', 'exclusion_reason')`);
  db.exec('DROP TABLE duplicate_dismissal; DROP TABLE record; DROP TABLE exclusion_reason');
  db.pragma('user_version = 1');
  closeProjectFile(project);

  const reopened = openProjectFile(file);
  try {
    expect(fs.existsSync(`${file}.v1.bak`)).toBe(true);
    expect(reopened.read.pragma('user_version', { simple: true })).toBe(5);
    const records = listRecords(reopened.read);
    expect(records.map((r) => [r.title, r.stage, r.origin, r.documentId !== null])).toEqual([
      ['Account-based marketing (fa)', 'included', 'file', true],
      ['notes', 'included', 'file', true],
    ]);
    // The import from before the migration still undoes, its records with it.
    undo(reopened);
    expect(reopened.read.prepare('SELECT count(*) FROM document').pluck().get()).toBe(0);
    expect(listRecords(reopened.read)).toEqual([]);
  } finally {
    closeProjectFile(reopened);
  }
});
