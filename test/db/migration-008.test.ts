// Migration 008 (coders and GUIDs) on a genuine version-7 file: every source, concept, category
// and passage gets a GUID of its own, the passages keep their ids and offsets (and ids are still
// never reused), and the rule "one passage, one concept" now holds per coder.

import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../db/migrations';
import { APPLICATION_ID, openProjectFile } from '../../db/sqlite/open';
import { buildStudyProject } from '../../electron/backend/study';
import { EXAMPLES, tempDir } from '../helpers/files';
import { storeFiles } from '../helpers/store';
import path from 'node:path';

const files = storeFiles();
afterEach(() => files.cleanup());

const AT = '2026-01-01T00:00:00.000Z';

function versionSevenProject(file: string) {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma(`application_id = ${APPLICATION_ID}`);
  db.pragma('foreign_keys = OFF');
  for (const migration of MIGRATIONS.filter((m) => m.version <= 7)) {
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
  db.pragma('foreign_keys = ON');
  db.exec(`
    INSERT INTO project (id, name, created_at) VALUES (1, 'Seven', '${AT}');
    INSERT INTO source_text (sha256, text) VALUES ('abc', 'one two three four');
    INSERT INTO document (id, name, format, original_name, sha256, length, dir, imported_at) VALUES (1, 'doc', 'txt', 'doc.txt', 'abc', 18, 'ltr', '${AT}');
    INSERT INTO concept (id, label, color, created_at) VALUES (1, 'alpha', '#112233', '${AT}'), (2, 'beta', '#445566', '${AT}');
    INSERT INTO category (id, name, color, created_at) VALUES (1, 'main', '#778899', '${AT}');
    INSERT INTO segment (id, document_id, concept_id, start_offset, end_offset, text, context_before, context_after, created_at)
      VALUES (1, 1, 1, 0, 3, 'one', '', '', '${AT}'), (7, 1, 2, 4, 7, 'two', '', '', '${AT}');
    DELETE FROM segment WHERE id = 7;
  `);
  db.close();
}

describe('migration 008', () => {
  it('gives every item a GUID, keeps the passages, and never reuses a passage id', async () => {
    const file = files.file('seven.groundwork');
    versionSevenProject(file);
    const store = files.keep(openProjectFile(file));
    const rows = await store.read(async (db) => ({
      segments: await db.all<{ id: number; uid: string; start_offset: number; coder_id: number | null }>('SELECT id, uid, start_offset, coder_id FROM segment'),
      uids: await db.all<{ uid: string }>('SELECT uid FROM document UNION ALL SELECT uid FROM concept UNION ALL SELECT uid FROM category UNION ALL SELECT uid FROM segment'),
      project: await db.get<{ uid: string; replica: string }>('SELECT uid, replica FROM project'),
    }));
    expect(rows.segments).toEqual([{ id: 1, uid: expect.stringMatching(/^[0-9a-f-]{36}$/), start_offset: 0, coder_id: null }]);
    expect(rows.uids).toHaveLength(5);
    expect(new Set(rows.uids.map((r) => r.uid)).size).toBe(5);
    expect(rows.project?.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(rows.project?.replica).not.toBe(rows.project?.uid);
    const next = await store.write({ kind: 'x', label: 'x' }, (db) =>
      db.get<{ id: number }>(
        `INSERT INTO segment (uid, document_id, concept_id, start_offset, end_offset, text, context_before, context_after, created_at)
         VALUES ('n', 1, 2, 8, 13, 'three', '', '', '${AT}') RETURNING id`,
      ),
    );
    expect(next?.id).toBe(8);
  });

  it('lets two coders code the same passage with the same concept, and one coder only once', async () => {
    const file = files.file('seven.groundwork');
    versionSevenProject(file);
    const store = files.keep(openProjectFile(file));
    const code = (uid: string, coder: number | null) =>
      store.write({ kind: 'x', label: 'x' }, (db) =>
        db.run(
          `INSERT INTO segment (uid, document_id, concept_id, coder_id, start_offset, end_offset, text, context_before, context_after, created_at)
           VALUES (?, 1, 1, ?, 0, 3, 'one', '', '', ?)`,
          uid,
          coder,
          AT,
        ),
      );
    await store.write({ kind: 'x', label: 'x' }, (db) =>
      db.run(`INSERT INTO coder (id, uid, name, color, created_at) VALUES (1, 'a', 'Ava', '#000000', ?), (2, 'b', 'Bahar', '#ffffff', ?)`, AT, AT),
    );
    await code('s-a', 1);
    await code('s-b', 2);
    await expect(code('s-a2', 1)).rejects.toThrow(/refused/);
    // The passage coded before coders existed (coder NULL) is one coder's too.
    await expect(code('s-n', null)).rejects.toThrow(/refused/);
  });
});

describe('the study project', () => {
  it('gets the same GUIDs for its codebook in every build', async () => {
    const dir = tempDir();
    const [a, b] = [path.join(dir, 'a.groundwork'), path.join(dir, 'b.groundwork')];
    await buildStudyProject({ examplesDir: EXAMPLES }, a);
    await buildStudyProject({ examplesDir: EXAMPLES }, b);
    const uids = (file: string) => {
      const db = new Database(file, { readonly: true });
      try {
        return db.prepare(`SELECT code, uid FROM concept UNION ALL SELECT coalesce(code, name), uid FROM category ORDER BY 1, 2`).all();
      } finally {
        db.close();
      }
    };
    const first = uids(a);
    expect(first.length).toBeGreaterThan(354);
    expect(uids(b)).toEqual(first);
  });
});
