// A folder's files go to the backend one call at a time: the bibliography files beside the
// sources must come last, or their records cannot link to sources sorted after them.

import { describe, expect, it } from 'vitest';
import { importOrder } from '../../../../renderer/features/documents/import-order';

const picked = (...paths: string[]) => paths.map((path) => ({ file: { name: path.split('/').pop()! }, path }));
const order = (...paths: string[]) => importOrder(picked(...paths)).map((p) => p.path);

describe('import order', () => {
  it('sends a folder in path order, bibliographies last', () => {
    expect(order('corpus/references.ris', 'corpus/Study abstract (en).txt', 'corpus/B2B guide.txt', 'corpus/Sales (fa).txt')).toEqual([
      'corpus/B2B guide.txt',
      'corpus/Sales (fa).txt',
      'corpus/Study abstract (en).txt',
      'corpus/references.ris',
    ]);
  });

  it('puts RIS, BibTeX and CSV files after every source, whatever the case of their extension', () => {
    expect(order('c/a.BIB', 'c/z.pdf', 'c/b.csv', 'c/m/x.docx', 'c/a.ris', 'c/notes.md')).toEqual([
      'c/m/x.docx',
      'c/notes.md',
      'c/z.pdf',
      'c/a.BIB',
      'c/a.ris',
      'c/b.csv',
    ]);
  });

  it('keeps files picked without a folder in the order given, bibliographies last', () => {
    const files = [{ file: { name: 'refs.ris' } }, { file: { name: 'z.txt' } }, { file: { name: 'a.txt' } }];
    expect(importOrder(files).map((f) => f.file.name)).toEqual(['z.txt', 'a.txt', 'refs.ris']);
  });
});
