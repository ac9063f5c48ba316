// Every interface string of the import feature has its Persian translation, with the same
// placeholders.

import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import catalog from '../../renderer/i18n/fa/import.catalog';
import { REPO } from '../helpers/backend';

const FILES = [
  'renderer/features/documents/ImportReport.tsx',
  'renderer/features/documents/import-files.ts',
  'renderer/editor/page-markers.ts',
];

it('translates every string of the import panel and the page markers into Persian', () => {
  const keys = new Set<string>();
  for (const file of FILES) {
    const source = fs.readFileSync(path.join(REPO, file), 'utf8');
    for (const m of source.matchAll(/\bt\(\s*'((?:[^'\\]|\\.)*)'/g)) keys.add(m[1]!.replace(/\\'/g, "'"));
    // Stage labels are passed to t() through a table.
    for (const m of source.matchAll(/^\s+(\w+): '(\w+)',$/gm)) if (m[1] === m[2]) keys.add(m[2]!);
  }
  keys.add('Import folder…');
  expect(keys.size).toBeGreaterThan(15);
  const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  for (const key of keys) {
    expect(catalog, key).toHaveProperty([key]);
    const fa = (catalog as Record<string, string>)[key]!;
    expect(placeholders(fa), key).toEqual(placeholders(key));
    expect(fa).toMatch(/[\u0600-\u06FF]/);
  }
});
