import { afterEach, expect, it } from 'vitest';
import { insertConcept, updateConcept } from '../../../db/codebook';
import { testProjects } from '../../helpers/engine';
import { labels } from '../../helpers/store';

const projects = testProjects('postgres');
afterEach(() => projects.cleanup());

it('smoke', async () => {
  const { store } = await projects.create();
  const id = await store.write({ kind: 'concept.create', label: 'Create' }, (db) => insertConcept(db, { label: 'trust', color: '#336699', inVivo: false }));
  await store.write({ kind: 'concept.update', label: 'Rename' }, (db) => updateConcept(db, id, { label: 'confidence' }));
  expect(await store.read(labels)).toEqual(['confidence']);
  console.log(await store.read((db) => db.all('SELECT * FROM command_change')));
  await store.undo();
  expect(await store.read(labels)).toEqual(['trust']);
  await store.undo();
  expect(await store.read(labels)).toEqual([]);
  await store.redo();
  expect(await store.read(labels)).toEqual(['trust']);
  console.log(await store.info(), await store.history());
});
