// The corpus commands of the command line: bibliographies through `import`, `sources` and
// `text`, in-process and through the installed bin (npx groundwork), as a researcher runs them.

import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXAMPLES, REPO, tempDir } from '../helpers/backend';
import { npxGroundwork, ownLines, runCli } from '../helpers/cli';

let dir: string;
let home: string;
beforeEach(() => {
  dir = tempDir('groundwork-cli-corpus-');
  home = tempDir('groundwork-cli-corpus-home-');
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(home, { recursive: true, force: true });
});

const cli = runCli;

/** Runs `npx groundwork …` from the repository, as a researcher would. */
const npx = (args: string[]) => npxGroundwork(args, home);

const FA = path.join(EXAMPLES, 'Account-based marketing (fa).txt');
const BIB = (name: string) => path.join(REPO, 'fixtures/bibliography', name);

async function project() {
  const file = path.join(dir, 'review.groundwork');
  expect((await cli('init', file)).code).toBe(0);
  const imported = await cli('import', file, FA, BIB('zotero.ris'));
  expect(imported.code).toBe(0);
  expect(imported.stdout.split('\n')).toEqual([
    expect.stringMatching(/^imported {2}Account-based marketing \(fa\)\.txt: imported as/),
    // The linked source takes the record's title and stage, and the line says so.
    expect.stringMatching(/^imported {2}zotero\.ris: 5 RIS records imported, 1 linked to a source\. Record 3 .* leaves the Coding list until it is included in Screening\.$/),
  ]);
  return file;
}

describe('groundwork import with bibliographies', () => {
  it('reports a bibliography with broken records as partly imported, each broken record named, and exits 0', async () => {
    const file = path.join(dir, 'broken.groundwork');
    await cli('init', file);
    const r = await cli('import', file, BIB('broken.ris'));
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^partial {3}broken\.ris: 3 of 6 RIS records imported, 0 linked to sources, 3 broken records not imported\. Record 2 \(“A record whose end was lost”\)/);
    const listed = await cli('sources', file, '--format', 'json');
    expect(JSON.parse(listed.stdout)).toHaveLength(3);
  });
});

describe('groundwork sources', () => {
  it('lists records with attributes and stage as CSV, filtered by stage', async () => {
    const file = await project();
    const csv = await cli('sources', file, '--format', 'csv');
    const rows = Papa.parse<Record<string, string>>(csv.stdout, { header: true }).data;
    expect(rows).toHaveLength(5);
    expect(rows[1]).toMatchObject({ title: expect.stringMatching(/^A maturity assessment/), year: '2018', type: 'article', stage: 'identified', source: '(no full text)' });
    expect(rows[1]!.authors).toBe('Colli, Michele; Berger, Ulrich; Bockholt, Marco; Madsen, Ole; Møller, Charles; Wæhrens, Brian Vejrum');
    // The source took its record's title as its name when the bibliography linked them.
    expect(rows[2]).toMatchObject({ title: 'استراتژی بازاریابی مبتنی بر حساب چیست؟', source: 'استراتژی بازاریابی مبتنی بر حساب چیست؟', type: 'web page' });
    const identified = await cli('sources', file, '--stage', 'included', '--format', 'json');
    expect(JSON.parse(identified.stdout)).toEqual([]);
    const byTitle = await cli('text', file, 'استراتژی بازاریابی مبتنی بر حساب چیست؟');
    expect(byTitle.stdout.startsWith('استراتژی بازاریابی مبتنی بر حساب چیست؟\n')).toBe(true);
    const bad = await cli('sources', file, '--stage', 'maybe');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/Unknown stage "maybe": use identified, screened, eligible, included, excluded/);
  });

  it('prints a table and the canonical text through the installed command', { timeout: 120_000 }, async () => {
    const file = await project();
    const table = await npx(['sources', file]);
    expect(ownLines(table.stderr)).toEqual([]);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^Id +Source +Title +Authors +Year +Type +Stage\n/);
    expect(table.stdout).toContain('Basl, Josef; Doucek, Petr');
    expect(table.stdout).toContain('5 record(s); 1 with full text.');
    // By its file name (the source is named after its record now).
    const text = await npx(['text', file, 'Account-based marketing (fa).txt']);
    expect(text.code).toBe(0);
    expect(text.stdout).toBe(`${fs.readFileSync(FA, 'utf8').replace(/\r\n/g, '\n').normalize('NFC')}\n`);
    const byId = await npx(['text', file, '1']);
    expect(byId.stdout).toBe(text.stdout);
    const unknown = await npx(['text', file, 'No such source']);
    expect(unknown.code).toBe(1);
    expect(ownLines(unknown.stderr)).toEqual(['groundwork: There is no source "No such source" in this project. "groundwork sources FILE" lists them.']);
    const noText = await npx(['text', file, 'مدل سنجش بلوغ مدیریت ارتباط با مشتری']);
    expect(noText.code).toBe(1);
    expect(ownLines(noText.stderr)).toEqual([
      'groundwork: "مدل سنجش بلوغ مدیریت ارتباط با مشتری" is a record without full text: there is no text to print. Import its file to link it.',
    ]);
  });
});
