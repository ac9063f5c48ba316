// Paged segment lists (segment.page): for every kind of scope, large (read source by source) and
// small (read whole and sorted), the pages put together hold every segment of the scope exactly
// once, in the order of the whole list, whatever the page size; narrowed to one coder's passages,
// they hold exactly that coder's. On both engines.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findOrCreateCoder } from '../../db/coders';
import { assignComponent, fileConcept, insertCategory, insertConcept } from '../../db/codebook';
import { insertSegment, listSegments, pageSegments } from '../../db/segments';
import type { Store } from '../../db/store';
import type { CategoryId, CoderId, ConceptId, DocumentId } from '../../shared/domain/ids';
import type { SegmentScope } from '../../shared/domain/model';
import { testProjects } from '../helpers/engine';
import { addSource } from '../helpers/store';

const projects = testProjects();
let store: Store;
const scopes: [string, SegmentScope][] = [];
let coders: CoderId[] = [];

beforeAll(async () => {
  store = (await projects.create('Pages')).store;
  await store.write({ kind: 'test.build', label: 'Build' }, async (db) => {
    // Names that sort differently by case and by id, and one source with no segments.
    const docs: DocumentId[] = [];
    for (const [i, name] of ['beta', 'Alpha', 'alpha', 'Gamma', 'delta', 'empty'].entries()) {
      docs.push(await addSource(db, name, `${name} `.repeat(400) + i));
    }
    coders = [(await findOrCreateCoder(db, 'Alice')).id, (await findOrCreateCoder(db, 'Bita')).id];
    const concepts: ConceptId[] = [];
    for (let i = 0; i < 12; i += 1) concepts.push(await insertConcept(db, { label: `c${i}`, color: '#336699', inVivo: false }));
    const main = await insertCategory(db, { name: 'main', color: '#336699', parentId: null });
    const sub = await insertCategory(db, { name: 'sub', color: '#336699', parentId: main });
    const small = await insertCategory(db, { name: 'small', color: '#336699', parentId: null });
    await assignComponent(db, main, 'causal');
    await assignComponent(db, small, 'context');
    for (const c of concepts.slice(0, 8)) await fileConcept(db, c % 2 ? main : sub, c);
    await fileConcept(db, small, concepts[11]!);
    // 7,000 segments: every segment and a component exceed what is read whole (5,000); several share
    // a start (ordered by end, then id).
    let n = 0;
    for (const [d, doc] of docs.slice(0, 5).entries()) {
      for (let i = 0; i < 1400; i += 1) {
        const concept = concepts[(i * 7 + d) % 11]!;
        const start = (i * 13) % 1500;
        // A third of them no coder's, the rest Alice's or Bita's.
        const coderId = n % 3 === 0 ? null : coders[n % 3 === 1 ? 0 : 1]!;
        await insertSegment(db, { documentId: doc, conceptId: concept, start, end: start + 1 + ((i + n) % 5), text: 'x', contextBefore: '', contextAfter: '', coderId });
        n += 1;
      }
    }
    scopes.push(
      ['every segment', { kind: 'all' }],
      ['a source', { kind: 'document', id: docs[1]! }],
      ['a source without segments', { kind: 'document', id: docs[5]! }],
      ['a concept', { kind: 'concept', id: concepts[3]! }],
      ['a concept without segments', { kind: 'concept', id: concepts[11]! }],
      ['a category with its sub-category', { kind: 'category', id: main as CategoryId }],
      ['a component', { kind: 'component', key: 'causal' }],
      ['an empty component', { kind: 'component', key: 'context' }],
      ['what is in no component', { kind: 'unassigned' }],
    );
  });
});
afterAll(() => projects.cleanup());

describe('segment pages', () => {
  it('hold every segment of each scope once, in the order of the whole list, at any page size', async () => {
    for (const [name, scope] of scopes) {
      const whole = (await store.read((db) => listSegments(db, scope))).map((s) => s.id);
      for (const limit of [1, 97, 5000]) {
        const paged: number[] = [];
        let cursor: string | undefined;
        let total: number | null = null;
        for (let page = 0; ; page += 1) {
          const result = await store.read((db) => pageSegments(db, scope, { cursor, limit }));
          if (page === 0) total = result.total;
          else expect(result.total).toBeNull();
          expect(result.rows.length).toBeLessThanOrEqual(limit);
          paged.push(...result.rows.map((r) => r.id));
          if (!result.next) break;
          cursor = result.next;
          if (limit === 1 && page > 40) break; // enough to prove the steps at size 1
        }
        const expected = limit === 1 ? whole.slice(0, paged.length) : whole;
        expect({ name, limit, paged }).toEqual({ name, limit, paged: expected });
        expect({ name, total }).toEqual({ name, total: whole.length });
      }
    }
    // The big scopes really are big enough to be read source by source.
    expect((await store.read((db) => listSegments(db, { kind: 'all' }))).length).toBe(7000);
    expect((await store.read((db) => listSegments(db, { kind: 'component', key: 'causal' }))).length).toBeGreaterThan(5000);
  });

  it('narrowed to one coder, hold exactly that coder’s segments (or those of no coder), in order', async () => {
    for (const [name, scope] of scopes.filter(([, s]) => s.kind === 'all' || s.kind === 'concept' || s.kind === 'component')) {
      const whole = await store.read((db) => listSegments(db, scope));
      for (const coder of [coders[0]!, null]) {
        const paged: number[] = [];
        let cursor: string | undefined;
        let total: number | null = null;
        do {
          const result = await store.read((db) => pageSegments(db, scope, { cursor, limit: 400, coder }));
          total ??= result.total;
          paged.push(...result.rows.map((r) => r.id));
          cursor = result.next ?? undefined;
        } while (cursor);
        const expected = whole.filter((s) => (s.coderId ?? null) === coder).map((s) => s.id);
        if (scope.kind === 'all') expect(expected.length).toBeGreaterThan(2000);
        expect({ name, coder, paged, total }).toEqual({ name, coder, paged: expected, total: expected.length });
      }
    }
  });

  it('refuses a cursor it did not write, with a clear message', async () => {
    await expect(store.read((db) => pageSegments(db, { kind: 'all' }, { cursor: 'not a cursor', limit: 10 }))).rejects.toThrow(
      'That page of segments cannot be found: start the list again.',
    );
  });
});
