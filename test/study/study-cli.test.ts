// The study fixture is what its generator makes of ../shared/study, byte for byte; and the
// command line writes the study project and compares its figures, through the installed bin.

import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CountsCompare } from '../../shared/domain/study';
import { REPO, tempDir } from '../helpers/backend';
// @ts-expect-error plain ESM script without types
import { findStudyDir } from '../../fixtures/study/generate.mjs';
import { runProcess } from '../helpers/cli';

let dir: string;
beforeEach(() => {
  dir = tempDir('groundwork-study-cli-');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const runNode = (args: string[]) => runProcess(process.execPath, args, { GROUNDWORK_HOME: dir });

const bin = path.join(REPO, 'electron/cli/bin.mjs');

describe('the study fixture', () => {
  it('is what the generator writes from ../shared/study, byte for byte', async () => {
    const studyDir: string = findStudyDir();
    if (!fs.existsSync(path.join(studyDir, 'codebook.json'))) {
      throw new Error(`The study data is missing at ${studyDir}: CI checks out ../shared beside the repository; the fixture cannot be checked without it.`);
    }
    const out = path.join(dir, 'study.json');
    const r = await runNode(['fixtures/study/generate.mjs', '--from', studyDir, '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const committed = fs.readFileSync(path.join(REPO, 'fixtures/study/study.json'));
    expect(fs.readFileSync(out).equals(committed), 'fixtures/study/study.json is stale: run npm run study:fixture and commit it').toBe(true);
  });
});

describe('groundwork study and counts --compare', () => {
  it('writes the study project, refuses to overwrite it, and compares its figures as JSON', { timeout: 90_000 }, async () => {
    const project = path.join(dir, 'study.groundwork');
    const made = await runNode([bin, 'study', project]);
    expect(made.stderr).toBe('');
    expect(made.code).toBe(0);
    expect(fs.existsSync(project)).toBe(true);

    const again = await runNode([bin, 'study', project]);
    expect(again.code).toBe(1);
    expect(again.stderr.trim()).toBe(`groundwork: ${project} already exists; the study project is only written to a new file.`);

    const json = await runNode([bin, 'counts', project, '--compare', '--concepts', 'strict', '--consequences', 'C', '--format', 'json']);
    expect(json.code).toBe(0);
    const compare = JSON.parse(json.stdout) as CountsCompare;
    const total = compare.rows.find((r) => r.component === 'total')!;
    expect(total.reproduced).toEqual({ mainCategories: 21, concepts: 366, finalCodes: 0 });
    expect(total.reported).toEqual({ mainCategories: 20, concepts: 331, finalCodes: 785 });
    expect(total.difference).toEqual({ mainCategories: 1, concepts: 35, finalCodes: -785 });
    expect(compare.applied).toEqual({ concepts: 'strict', consequences: 'C' });

    // The flags answered for other readings; the project itself still counts by its own.
    const plain = JSON.parse((await runNode([bin, 'counts', project, '--compare', '--format', 'json'])).stdout) as CountsCompare;
    expect(plain.rows.find((r) => r.component === 'total')!.reproduced.concepts).toBe(354);
    expect(plain.rows.find((r) => r.component === 'strategies')!.reproduced).toEqual({ mainCategories: 4, concepts: 17, finalCodes: 0 });

    const bad = await runNode([bin, 'counts', project, '--compare', '--consequences', 'D']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/Unknown --consequences "D": use A, B or C/);
  });
});
