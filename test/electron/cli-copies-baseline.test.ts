// `groundwork copies --baseline NAME`: the copies hold the codebook as frozen in the baseline (a
// concept renamed or made since is as it was, or not there), a coder's work in such a copy merges
// back onto the project's concepts as they are now, and an unknown baseline is refused.

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
beforeEach(() => (dir = tempDir('groundwork-cli-copies-')));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const TEXT = 'پژوهش'.repeat(80);

async function labels(file: string) {
  const store = openProjectFile(file, { readOnly: true });
  try {
    return (await store.read((db) => db.all<{ label: string }>('SELECT label FROM concept ORDER BY id'))).map((r) => r.label);
  } finally {
    await store.close();
  }
}

async function segmentsOf(file: string) {
  const out = path.join(dir, `segments-${Math.random()}.csv`);
  expect((await cli('export', file, '--segments', out)).code).toBe(0);
  const [header, ...rows] = Papa.parse<string[]>(fs.readFileSync(out, 'utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
  const col = (name: string) => header!.indexOf(name);
  return rows.map((r) => `${r[col('coder')]} ${r[col('concept')]} ${r[col('start_utf16')]}-${r[col('end_utf16')]}`).sort();
}

describe('groundwork copies --baseline', () => {
  it('writes copies with the baseline’s codebook, whose coded passages merge back onto the concepts as they are now', async () => {
    const file = path.join(dir, 'review.groundwork');
    fs.writeFileSync(path.join(dir, 'source.txt'), TEXT);
    expect((await cli('init', file, '--coder', 'Lead')).code).toBe(0);
    expect((await cli('import', file, path.join(dir, 'source.txt'), '--coder', 'Lead')).code).toBe(0);
    expect((await cli('code', file, '--source', 'source', '--start', '0', '--end', '10', '--concept', 'Trust', '--coder', 'Lead')).code).toBe(0);
    expect((await cli('baseline', file, 'Wave 1')).code).toBe(0);
    // After the baseline: Trust is renamed, Speed is new.
    const store = openProjectFile(file);
    await store.write({ kind: 'concept.update', label: 'rename' }, (db) => updateConcept(db, conceptId(1), { label: 'Trust in vendors' }));
    await store.close();
    expect((await cli('code', file, '--source', 'source', '--start', '20', '--end', '30', '--concept', 'Speed', '--coder', 'Lead')).code).toBe(0);

    const refused = await cli('copies', file, '--coders', 'Alice', '--baseline', 'Wave 9');
    expect(refused).toMatchObject({ code: 1, err: ['groundwork: There is no baseline “Wave 9”. The baselines: “Wave 1”.'] });
    expect(fs.readdirSync(dir).filter((f) => f.includes(' – '))).toEqual([]);

    const made = await cli('copies', file, '--coders', 'Alice', '--baseline', 'wave 1');
    expect(made).toMatchObject({ code: 0, err: [] });
    expect(made.out).toEqual(['Codebook as frozen in the baseline “Wave 1”.', `Alice: ${path.join(dir, 'review – Alice.groundwork')}`]);
    const alice = path.join(dir, 'review – Alice.groundwork');
    expect(await labels(alice)).toEqual(['Trust']);
    expect(await labels(file)).toEqual(['Trust in vendors', 'Speed']);

    const coded = await cli('code', alice, '--source', '1', '--start', '100', '--end', '200', '--concept', 'Trust', '--coder', 'Alice');
    expect(coded.out[0]).toMatch(/ with “Trust”\.$/);
    expect(await cli('merge', file, alice)).toMatchObject({ code: 0, err: [] });
    expect(await segmentsOf(file)).toEqual(['Alice Trust in vendors 100-200', 'Lead Speed 20-30', 'Lead Trust in vendors 0-10']);
    expect(await labels(file)).toEqual(['Trust in vendors', 'Speed']);
  });
});
