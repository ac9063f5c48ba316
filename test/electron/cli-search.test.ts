// `groundwork search`: in-process for usage errors, and through the installed bin for JSON output.

import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXAMPLES, tempDir } from '../helpers/backend';
import { npxGroundwork, runCli } from '../helpers/cli';

let dir: string;
let home: string;
beforeEach(() => {
  dir = tempDir('groundwork-cli-search-');
  home = tempDir('groundwork-cli-search-home-');
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(home, { recursive: true, force: true });
});

const cli = runCli;

async function exampleProject(): Promise<string> {
  const file = path.join(dir, 'review.groundwork');
  expect((await cli('init', file)).code).toBe(0);
  const sources = fs.readdirSync(EXAMPLES).map((f) => path.join(EXAMPLES, f));
  expect((await cli('import', file, ...sources)).code).toBe(0);
  return file;
}

/** Runs `npx groundwork …` from the repository, as a researcher would. */
const npx = (args: string[]) => npxGroundwork(args, home);

describe('groundwork search', () => {
  it('prints a table of hits with offsets and context', async () => {
    const file = await exampleProject();
    const r = await cli('search', file, 'کسب\u200Cوکار', '--limit', '3');
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^source\s+start_utf16\s+end_utf16\s+context$/u);
    expect(lines.slice(1, 4).every((l) => l.includes('[کسبوکار]'))).toBe(true);
    expect(lines.at(-1)).toMatch(/hit\(s\) in \d source\(s\), first 3 shown/u);
  });

  it('exits 2 with one line for usage errors', async () => {
    const file = await exampleProject();
    for (const args of [['search', file], ['search', file, 'x', '--format', 'csv'], ['search', file, 'x', '--limit', '0']]) {
      const r = await cli(...args);
      expect(r.code).toBe(2);
      expect(r.err).toHaveLength(1);
      expect(r.err[0]).toMatch(/^groundwork: .*Run "groundwork help" for usage\.$/u);
    }
    const empty = await cli('search', file, '""');
    expect(empty.code).toBe(1);
    expect(empty.err).toEqual(['groundwork: Type a word to search for.']);
  });

  it('prints JSON through the installed command, with the original text at the offsets', { timeout: 90_000 }, async () => {
    const file = await exampleProject();
    const r = await npx(['search', file, 'مشتري', '--format', 'json', '--limit', '5']);
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout) as {
      total: number;
      shown: number;
      hits: { source: string; start_utf16: number; end_utf16: number; text: string; before: string; after: string }[];
    };
    expect(result.shown).toBe(5);
    expect(result.total).toBeGreaterThan(5);
    const source = fs.readFileSync(path.join(EXAMPLES, `${result.hits[0]!.source}.txt`), 'utf8').normalize('NFC');
    for (const hit of result.hits.filter((h) => h.source === result.hits[0]!.source)) {
      expect(hit.text).toBe('مشتری');
      expect(source.slice(hit.start_utf16, hit.end_utf16)).toBe('مشتری');
    }
  });
});
