// The team commands of `groundwork`: --coder on every command that writes, copies for coders,
// coding apart, merging back (twice: the second run changes nothing), conflicts named and resolved,
// agreement figures as a table, JSON and CSV, and the messages for bad input.

import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { updateConcept } from '../../db/codebook';
import { openProjectFile } from '../../db/sqlite/open';
import { conceptId } from '../../shared/domain/ids';
import { tempDir } from '../helpers/files';
import { runCli as cli } from '../helpers/cli';

let dir: string;
beforeEach(() => (dir = tempDir('groundwork-cli-team-')));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** 400 letters, no spaces. */
const TEXT = 'پژوهش'.repeat(80);

async function project() {
  const file = path.join(dir, 'review.groundwork');
  const source = path.join(dir, 'source.txt');
  fs.writeFileSync(source, TEXT);
  expect((await cli('init', file, '--coder', 'Lead')).code).toBe(0);
  expect((await cli('import', file, source, '--coder', 'Lead')).code).toBe(0);
  const r = await cli('code', file, '--source', 'source', '--start', '0', '--end', '10', '--concept', 'Trust', '--coder', 'Lead');
  expect(r).toMatchObject({ code: 0, err: [] });
  expect(r.out[0]).toBe(`Coded “${TEXT.slice(0, 10)}” (start_utf16 0, end_utf16 10) in “source” with the new concept “Trust”.`);
  return file;
}

async function segmentsOf(file: string) {
  const out = path.join(dir, `segments-${Math.random()}.csv`);
  expect((await cli('export', file, '--segments', out)).code).toBe(0);
  const [header, ...rows] = Papa.parse<string[]>(fs.readFileSync(out, 'utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
  const col = (name: string) => header!.indexOf(name);
  return rows.map((r) => `${r[col('coder')]} ${r[col('concept')]} ${r[col('start_utf16')]}-${r[col('end_utf16')]}`).sort();
}

describe('groundwork team commands', () => {
  it('prepares copies, codes apart with --coder, merges back twice, and reports agreement', async () => {
    const file = await project();
    expect(await segmentsOf(file)).toEqual(['Lead Trust 0-10']);
    const copies = await cli('copies', file, '--coders', 'Alice,Bita');
    expect(copies.code).toBe(0);
    const [alice, bita] = copies.out.map((l) => l.replace(/^\w+: /, ''));
    expect(alice).toBe(path.join(dir, 'review – Alice.groundwork'));
    expect(await segmentsOf(alice!)).toEqual([]);

    for (const [copy, coder, ranges] of [
      [alice!, 'Alice', [['Trust', 0, 100], ['Cost', 200, 300]]],
      [bita!, 'Bita', [['Trust', 0, 95], ['Cost', 300, 350]]],
    ] as const) {
      for (const [concept, start, end] of ranges) {
        const r = await cli('code', copy, '--source', '1', '--start', String(start), '--end', String(end), '--concept', concept, '--coder', coder);
        expect(r.code, r.stderr).toBe(0);
      }
    }

    const first = await cli('merge', file, alice!, '--coder', 'Lead');
    expect(first).toMatchObject({ code: 0, err: [] });
    expect(first.out[0]).toBe('Merged review – Alice: 0 source(s), 0 categories, 1 concept(s), 2 passage(s), 0 coder(s) new; 0 field(s) updated; 0 item(s) deleted; 0 conflict(s) resolved; 0 passage(s) already here.');
    expect((await cli('merge', file, bita!)).code).toBe(0);
    const again = await cli('merge', file, bita!);
    expect(again.out).toEqual(['Nothing to merge: review – Bita holds nothing this project does not have already.']);
    expect(await segmentsOf(file)).toEqual(['Alice Cost 200-300', 'Alice Trust 0-100', 'Bita Cost 300-350', 'Bita Trust 0-95', 'Lead Trust 0-10']);

    const table = await cli('agreement', file, '--coders', 'Alice,Bita');
    expect(table.code).toBe(0);
    expect(table.out[0]).toBe('Alice × Bita: 1 source(s), 2 concept(s).');
    expect(table.stdout).toContain('Passage overlap: 3 unit(s), 1 agree');

    const json = JSON.parse((await cli('agreement', file, '--coders', 'Alice,Bita', '--format', 'json')).stdout);
    expect(json.coders).toEqual(['Alice', 'Bita']);
    expect(json.levels.presence.overall).toMatchObject({ units: 2, agreements: 2, percent: 100 });
    expect(json.levels.overlap.overall).toMatchObject({ units: 3, agreements: 1 });

    const csv = await cli('agreement', file, '--coders', 'Alice,Bita', '--level', 'overlap', '--format', 'csv', '--min-overlap', '50');
    const rows = Papa.parse<string[]>(csv.stdout, { skipEmptyLines: true }).data;
    expect(rows[0]![0]).toBe('level');
    expect(rows.slice(1).every((r) => r[0] === 'overlap')).toBe(true);
    // at 50 %: the Trust passages pair (share 0.95); the Cost passages [200,300) and [300,350) do not touch
    expect(rows[1]!.slice(0, 4)).toEqual(['overlap', '(all)', '3', '1']);

    const coders = await cli('coders', file);
    expect(coders.out).toEqual(['Alice  2 passage(s)', 'Bita  2 passage(s)', 'Lead  1 passage(s)']);
  });

  it('lists conflicts and merges nothing until each is resolved', async () => {
    const file = await project();
    const [alice, bita] = (await cli('copies', file, '--coders', 'Alice,Bita')).out.map((l) => l.replace(/^\w+: /, ''));
    for (const [copy, label] of [[alice!, 'Trust in vendors'], [bita!, 'Confidence']] as const) {
      const store = openProjectFile(copy);
      await store.write({ kind: 'concept.update', label: 'rename' }, (db) => updateConcept(db, conceptId(1), { label }));
      await store.close();
    }
    expect((await cli('merge', file, alice!)).code).toBe(0);
    const refused = await cli('merge', file, bita!);
    expect(refused.code).toBe(1);
    expect(refused.out[1]).toBe('conflict label:concept:1  concept “Trust in vendors” label: ours Trust in vendors | theirs Confidence  (ours/theirs)');
    expect(refused.err).toEqual(['groundwork: 1 conflict(s) to resolve: name each with --resolve ID=ours|theirs, or all with --keep ours|theirs. Nothing was merged.']);
    const resolved = await cli('merge', file, bita!, '--resolve', 'label:concept:1=theirs');
    expect(resolved.code).toBe(0);
    expect(resolved.out[0]).toMatch(/1 field\(s\) updated; 0 item\(s\) deleted; 1 conflict\(s\) resolved/);
    expect((await cli('merge', file, alice!, '--preview')).out[0]).toMatch(/0 field\(s\) to update/);
  });

  it('says what is wrong with bad input, and changes nothing', async () => {
    const file = await project();
    const notes = path.join(dir, 'notes.txt');
    fs.writeFileSync(notes, 'notes');
    expect(await cli('merge', file, notes)).toMatchObject({ code: 1, err: ['groundwork: notes.txt is not a Groundwork project file (it is not a database); the file was not changed.'] });
    expect(await cli('merge', file, path.join(dir, 'missing.qdpx'))).toMatchObject({ code: 1, err: [`groundwork: There is no file at ${path.join(dir, 'missing.qdpx')}.`] });
    expect((await cli('agreement', file, '--coders', 'Alice')).code).toBe(2);
    expect(await cli('agreement', file, '--coders', 'Lead,Nobody')).toMatchObject({ code: 1, err: ['groundwork: There is no coder “Nobody” in this project (coders: Lead).'] });
    expect(await cli('copies', file, '--coders', 'Sara', '--coder', '  ')).toMatchObject({
      code: 1,
      err: ['groundwork: A coder needs a name.'],
    });
    expect(await cli('copies', file, '--coders', 'Alice,alice')).toMatchObject({ code: 1, err: ['groundwork: The list names the coder “Alice” twice.'] });
    expect(fs.readdirSync(dir).filter((f) => f.includes(' – '))).toEqual([]);
    expect(await segmentsOf(file)).toEqual(['Lead Trust 0-10']);
  });
});
