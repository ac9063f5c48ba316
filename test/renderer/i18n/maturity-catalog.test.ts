// Every interface text of the maturity view has its Persian translation in maturity.catalog.ts,
// with the same {placeholders}.

import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import catalog from '../../../renderer/i18n/fa/maturity.catalog';
import { REPO } from '../../helpers/backend';

const FILES = [
  ...fs.readdirSync(path.join(REPO, 'renderer/features/maturity')).map((f) => `renderer/features/maturity/${f}`),
  'renderer/charts/RadarChart.tsx',
];

function keys(): string[] {
  const found = new Set<string>();
  for (const file of FILES) {
    const source = fs.readFileSync(path.join(REPO, file), 'utf8');
    for (const m of source.matchAll(/\bt\(\s*'((?:[^'\\]|\\.)*)'/g)) found.add(m[1]!);
    for (const m of source.matchAll(/\bplural\([^,]+,\s*'([^']*)',\s*'([^']*)'/g)) (found.add(m[1]!), found.add(m[2]!));
  }
  return [...found];
}

it('translates every text of the maturity view into Persian, keeping the placeholders', () => {
  const all = keys();
  expect(all.length).toBeGreaterThan(60);
  const missing = all.filter((k) => !(k in catalog));
  expect(missing).toEqual([]);
  for (const k of all) {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    expect(names((catalog as Record<string, string>)[k]!), k).toEqual(names(k));
  }
});
