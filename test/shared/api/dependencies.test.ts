// The dependency map is complete (every read method of the contract has an entry, every table a
// change can touch is known) and decides as it says: tables, sources, and "anything" (null).

import { describe, expect, it } from 'vitest';
import { methods } from '../../../shared/api/contract';
import { dependencies, isInvalidated, NOT_READ_METHODS, TABLES } from '../../../shared/api/dependencies';
import { CAPTURED_TABLES } from '../../../db/capture-tables';

describe('the dependency map', () => {
  it('has an entry for every method that only reads, and none for a change, a project switch, a cancel or a copy written elsewhere', () => {
    const reads = Object.entries(methods)
      .filter(([name, spec]) => !spec.mutates && !(NOT_READ_METHODS as readonly string[]).includes(name))
      .map(([name]) => name)
      .sort();
    expect(Object.keys(dependencies).sort()).toEqual(reads);
  });

  it('gives every export of the maturity model the dependencies of the model itself, and its exports theirs', () => {
    // The contract test compares the spreadsheet by name only (it holds the time it was written).
    expect(dependencies['maturity.exportXlsx']).toEqual(dependencies['maturity.exportCsv']);
    expect(dependencies['maturity.exportCsv']).toEqual(dependencies['maturity.exportJson']);
  });

  it('knows exactly the tables whose changes the backend captures and announces', () => {
    expect([...TABLES].sort()).toEqual(Object.keys(CAPTURED_TABLES).sort());
    for (const [method, dependency] of Object.entries(dependencies)) {
      for (const table of [...dependency.tables, ...(dependency.sourceTables ?? [])]) {
        expect((TABLES as readonly string[]).includes(table), `${method}: ${table}`).toBe(true);
      }
      expect(Boolean(dependency.sourceTables), `${method} names sources only with source tables`).toBe(Boolean(dependency.sources));
    }
  });
});

describe('isInvalidated', () => {
  const coded = { tables: ['segment'], documents: [2] };

  it('refetches a source-scoped answer only when its source was touched', () => {
    expect(isInvalidated('segment.forDocument', { documentId: 2 }, coded)).toBe(true);
    expect(isInvalidated('segment.forDocument', { documentId: 3 }, coded)).toBe(false);
    expect(isInvalidated('segment.forDocument', { documentId: 3 }, { tables: ['segment'], documents: null })).toBe(true);
    expect(isInvalidated('segment.forDocument', { documentId: 2 }, { tables: ['concept'], documents: [] })).toBe(false);
  });

  it('refetches an answer scoped to sources when a table it reads for every source changed', () => {
    // A concept renamed touches no source, yet a source's segment list shows the concept's label.
    expect(isInvalidated('segment.list', { scope: { kind: 'document', id: 3 } }, { tables: ['concept'], documents: [] })).toBe(true);
    expect(isInvalidated('segment.list', { scope: { kind: 'document', id: 3 } }, coded)).toBe(false);
    expect(isInvalidated('segment.list', { scope: { kind: 'concept', id: 1 } }, coded)).toBe(true);
    expect(isInvalidated('search.query', { query: 'x' }, { tables: ['document'], documents: [9] })).toBe(true);
    expect(isInvalidated('search.query', { query: 'x', documentIds: [1] }, { tables: ['document'], documents: [9] })).toBe(false);
  });

  it('refetches by table for answers over the whole project', () => {
    expect(isInvalidated('codebook.get', {}, coded)).toBe(true);
    expect(isInvalidated('counts.paradigm', {}, coded)).toBe(true);
    expect(isInvalidated('record.list', {}, coded)).toBe(false);
    expect(isInvalidated('maturity.get', {}, { tables: ['record'], documents: [1] })).toBe(false);
  });

  it('refetches who is coding after a passage is coded only when the held session names a coder', () => {
    const coder = { id: 1, uid: 'u', name: 'Ana', color: '#123456', kind: 'person', segmentCount: 3 } as const;
    const alone = { coder: null, remembered: true, ask: false, preparedFor: null };
    expect(isInvalidated('coder.session', {}, coded, alone as never)).toBe(false);
    expect(isInvalidated('coder.session', {}, coded, { ...alone, coder } as never)).toBe(true);
    expect(isInvalidated('coder.session', {}, coded)).toBe(true);
    expect(isInvalidated('coder.session', {}, { tables: ['coder'], documents: [] }, alone as never)).toBe(true);
  });

  it('refetches the history after any change, everything after an unknown one, nothing after none', () => {
    expect(isInvalidated('history.get', {}, { tables: ['exclusion_reason'], documents: [] })).toBe(true);
    expect(isInvalidated('record.list', {}, { tables: null, documents: null })).toBe(true);
    expect(isInvalidated('history.get', {}, { tables: [], documents: [] })).toBe(false);
    expect(isInvalidated('app.info', {}, { tables: ['project'], documents: [] })).toBe(false);
  });
});
