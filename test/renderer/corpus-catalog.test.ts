// Every interface string of the corpus feature has its Persian translation in its catalogue.

import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import catalog from '../../renderer/i18n/fa/corpus.catalog';
import { DEFAULT_REASONS } from '../../db/migrations/005-records';
import { REPO } from '../helpers/backend';

const FILES = [
  'renderer/features/corpus',
  'renderer/features/screening',
  'renderer/features/inspector/RecordInspector.tsx',
  'renderer/features/documents/DocumentList.tsx',
].flatMap((p) => {
  const full = path.join(REPO, p);
  return fs.statSync(full).isDirectory() ? fs.readdirSync(full).map((f) => path.join(full, f)) : [full];
});

it('translates every t() and plural() string of the corpus feature, and the default exclusion reasons', () => {
  const strings = new Set<string>(DEFAULT_REASONS);
  for (const file of FILES.filter((f) => f.endsWith('.tsx') || f.endsWith('.ts'))) {
    const source = fs.readFileSync(file, 'utf8');
    for (const m of source.matchAll(/\bt\('((?:[^'\\]|\\.)+)'/g)) strings.add(m[1]!);
    for (const m of source.matchAll(/\bplural\([^,]+, '([^']+)', '([^']+)'/g)) strings.add(m[1]!).add(m[2]!);
  }
  expect(strings.size).toBeGreaterThan(100);
  const missing = [...strings].filter((s) => !(s in catalog));
  expect(missing).toEqual([]);
});
