// Moving a project between a .groundwork file and the server loses nothing: publishing the study
// project after a session of work (coding, filing, memos, a reading, screening, synonyms, a
// maturity rating, a deleted source, an undone step) gives a server project with the same rows
// and ids in every table and the same history, whose steps still undo and redo; ids given on the
// server never repeat one the file gave; exporting it back gives a file equal to the server
// project, whose steps (those made on the server included) undo in the app.

import fs from 'node:fs';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { insertConcept } from '../../../db/codebook';
import { exportProject, publishProjectFile } from '../../../db/postgres/publish';
import { projectTables, SESSION_TABLES } from '../../../db/schema-info';
import { openProjectFile } from '../../../db/sqlite/open';
import type { Store } from '../../../db/store';
import { createBackend } from '../../../electron/backend/backend';
import { localTransport } from '../../../electron/backend/dispatcher';
import { createClient } from '../../../shared/api/client';
import { testServer } from '../../helpers/engine';
import { EXAMPLES, tempDir } from '../../helpers/files';
import { labels } from '../../helpers/store';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Every row of every project table, in key order (live sessions left out). */
const dump = (store: Store) =>
  store.read(async (db) => {
    const out: Record<string, unknown[]> = {};
    for (const table of await projectTables(db)) {
      if (SESSION_TABLES.includes(table.name)) continue;
      const rows = await db.all<Record<string, unknown>>(`SELECT * FROM "${table.name}" ORDER BY ${table.key.map((k) => `"${k}"`).join(', ')}`);
      // A step's images are JSON each engine writes in its own way (an inserted row's, when undone): compared by meaning.
      const image = (value: unknown) => (typeof value === 'string' ? (JSON.parse(value) as unknown) : value);
      out[table.name] = table.name === 'command_change' ? rows.map((r) => ({ ...r, old_row: image(r.old_row), new_row: image(r.new_row) })) : rows;
    }
    return out;
  });

/** The study project after a session of work, in a project file (the app's own handlers did it all). */
async function workedStudyFile(): Promise<string> {
  const home = tempDir();
  cleanups.push(async () => fs.rmSync(home, { recursive: true, force: true }));
  const backend = createBackend({ host: 'test', version: '0.0.0-test', home, examplesDir: EXAMPLES });
  const api = createClient(localTransport(backend));
  const { path: file } = await api.call('project.openStudy', {});
  const docs = await api.call('document.list', {});
  const text = (await api.call('document.get', { id: docs[0]!.id })).text;
  const a = await api.call('segment.code', { documentId: docs[0]!.id, start: 0, end: text.indexOf(' '), newConcept: { label: 'opening word' } });
  await api.call('segment.code', { documentId: docs[1]!.id, start: 10, end: 30, conceptId: a.conceptId });
  const category = await api.call('category.create', { name: 'Transfer test' });
  await api.call('category.fileConcepts', { categoryId: category.id, conceptIds: [a.conceptId] });
  await api.call('memo.set', { target: { kind: 'concept', id: a.conceptId }, text: 'A memo that travels.' });
  await api.call('reading.choose', { reading: 'concepts', option: 'strict' });
  const records = await api.call('record.list', {});
  const reasons = await api.call('reason.list', {});
  await api.call('screening.decide', { ids: [records[0]!.id], decision: 'exclude', reasonId: reasons[0]!.id });
  await api.call('synonym.set', { conceptId: a.conceptId, terms: ['first word', 'opener'] });
  await api.call('suggestion.reject', { conceptId: a.conceptId, hits: [{ documentId: docs[1]!.id, start: 40, end: 50 }] });
  const model = await api.call('maturity.get', {});
  const dimension = model.dimensions.find((d) => d.items.length > 0)!;
  const assessment = await api.call('assessment.create', { name: 'Baseline', assessedOn: '2024-05-01' });
  await api.call('assessment.rate', { assessmentId: assessment.id, dimensionId: dimension.id, conceptId: dimension.items[0]!.conceptId, value: 2 });
  await api.call('document.delete', { id: docs[3]!.id });
  await api.call('concept.create', { label: 'undone later' });
  await api.call('history.undo', {});
  await backend.close();
  return file;
}

it('a project file published to the server and exported back keeps every row, id and step', async () => {
  const server = await testServer();
  const file = await workedStudyFile();

  const published = await publishProjectFile(server, file);
  cleanups.push(() => server.deleteProject(published.id));
  expect(published.name).toBe('B2B marketing maturity model (Tellohosseini et al., 2022)');
  expect(published.rows).toBeGreaterThan(900);

  const original = openProjectFile(file);
  cleanups.push(() => original.close());
  const onServer = await server.openProject(published.id);
  cleanups.push(() => onServer.close());
  const rows = await dump(original);
  expect(rows.segment).toHaveLength(2);
  expect(rows.maturity_rating).toHaveLength(1);
  expect(rows.command!.length).toBeGreaterThan(10);
  expect(await dump(onServer)).toEqual(rows);

  // The same history, and its steps undo and redo there as in the file.
  expect(await onServer.history(500)).toEqual(await original.history(500));
  expect((await onServer.redo())?.label).toBe((await original.redo())?.label);
  expect((await onServer.undo())?.label).toBe((await original.undo())?.label);
  expect((await onServer.undo())?.label).toBe((await original.undo())?.label);
  expect(await dump(onServer)).toEqual(await dump(original));

  // An id the file gave (the undone concept's included) is never given again on the server.
  const highest = await original.read(async (db) => Number((await db.get<{ seq: number }>(`SELECT seq FROM sqlite_sequence WHERE name = 'concept'`))!.seq));
  const fresh = await onServer.write({ kind: 'concept.create', label: 'Create “made on the server”' }, (db) =>
    insertConcept(db, { label: 'made on the server', color: '#336699', inVivo: false }),
  );
  expect(Number(fresh)).toBe(highest + 1);

  // Back to a file: equal to the server project, and the server's step undoes in the app.
  const back = path.join(tempDir(), 'exported.groundwork');
  cleanups.push(async () => fs.rmSync(path.dirname(back), { recursive: true, force: true }));
  await exportProject(server, published.id, back);
  const exported = openProjectFile(back);
  cleanups.push(() => exported.close());
  expect(await dump(exported)).toEqual(await dump(onServer));
  expect(await exported.read(labels)).toContain('made on the server');
  expect((await exported.undo())?.label).toBe('Create “made on the server”');
  expect(await exported.read(labels)).not.toContain('made on the server');
  const next = await exported.write({ kind: 'concept.create', label: 'Create' }, (db) => insertConcept(db, { label: 'after export', color: '#336699', inVivo: false }));
  expect(Number(next)).toBe(highest + 2);
});

it('refuses to overwrite a file, and a failed publish leaves no project behind', async () => {
  const server = await testServer();
  const dir = tempDir();
  cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
  const occupied = path.join(dir, 'taken.groundwork');
  fs.writeFileSync(occupied, 'not empty');
  const entry = await server.createProject('Exported twice');
  cleanups.push(() => server.deleteProject(entry.id));
  await expect(exportProject(server, entry.id, occupied)).rejects.toThrow(/already a file/);
  expect(fs.readFileSync(occupied, 'utf8')).toBe('not empty');

  const before = (await server.listProjects()).length;
  await expect(publishProjectFile(server, occupied)).rejects.toThrow(/not a Groundwork project/);
  expect((await server.listProjects()).length).toBe(before);
});
