// The team server's permission map covers every contract method: a new method fails this test
// until it says what it needs, a method that changes a project never passes as a read, and coding
// with a new concept counts as changing the codebook.

import { describe, expect, it } from 'vitest';
import { methods, type Method } from '../../../shared/api/contract';
import { needOf, PERMISSIONS } from '../../../electron/server/permissions';

const all = Object.keys(methods) as Method[];

describe('the permission map', () => {
  it('names every contract method', () => {
    expect(all.filter((m) => PERMISSIONS[m] === undefined)).toEqual([]);
  });

  it('never lets a change pass as a read, for any method, with or without its map entry', () => {
    for (const method of all) {
      const need = needOf(method, {}, methods[method].mutates);
      if (methods[method].mutates) expect(['code', 'codebook', 'owner', 'admin', 'local'], method).toContain(need);
    }
    expect(needOf('some.newChange', {}, true)).toBe('owner');
    expect(needOf('some.newRead', {}, false)).toBe('read');
  });

  it('asks more of a coder who codes with a new concept, and refuses starting a shared project afresh', () => {
    expect(needOf('segment.code', { conceptId: 3 }, true)).toBe('code');
    expect(needOf('segment.code', { newConcept: { label: 'x' } }, true)).toBe('codebook');
    expect(needOf('search.autocode', { newConcept: { label: 'x' } }, true)).toBe('codebook');
    expect(needOf('project.openStudy', {}, false)).toBe('admin');
    expect(needOf('project.openStudy', { fresh: true }, false)).toBe('local');
  });

  it('gives viewers every read and export, and coders coding, memos and their own undo', () => {
    const reads = all.filter((m) => !methods[m].mutates && needOf(m, {}, false) === 'read');
    expect(reads).toEqual(expect.arrayContaining(['codebook.get', 'search.query', 'exchange.export', 'project.download', 'export.segmentsCsv', 'counts.compare']));
    const coding = all.filter((m) => needOf(m, {}, methods[m].mutates) === 'code');
    expect(coding.sort()).toEqual(['history.redo', 'history.undo', 'memo.set', 'search.autocode', 'segment.code', 'segment.uncode', 'suggestion.reject']);
  });
});
