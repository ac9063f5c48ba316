// REFI-QDA on the command line: `import PROJECT FILE.qdpx`, `export PROJECT --qdpx OUT [--unit nvivo]`
// and `--qdc OUT`, `codebook PROJECT [--format json|csv]`; a refused file leaves the project file
// byte for byte as it was; a project exported and imported into another gives the same passages.

import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildStudyProject } from '../../electron/backend/study';
import { EXAMPLES, tempDir } from '../helpers/backend';
import { runCli as cli } from '../helpers/cli';
import { validateAgainstShared } from './backend/exchange/models';
import { REFI, sample, unzipAll } from './backend/exchange/samples';

let dir: string;
beforeEach(() => {
  dir = tempDir('groundwork-cli-exchange-');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

async function init(name: string) {
  const file = path.join(dir, `${name}.groundwork`);
  expect((await cli('init', file)).code).toBe(0);
  return file;
}

const segments = async (project: string) => {
  const out = path.join(dir, `${path.basename(project)}-segments.csv`);
  expect((await cli('export', project, '--segments', out)).code).toBe(0);
  const rows = Papa.parse<Record<string, string>>(fs.readFileSync(out, 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
  return rows.map((r) => [r.source, r.concept, r.start_utf16, r.end_utf16, r.text].join(' | ')).sort();
};

describe.skipIf(!REFI)('groundwork import and export with REFI-QDA files', () => {
  it('imports the NVivo project, exports it (standard and NVivo units, codebook), and another project imports the export with the same passages', async () => {
    const project = await init('from-nvivo');
    const imported = await cli('import', project, sample('nvivo-win-12.6_oltas.qdpx'));
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(
      /^imported {2}nvivo-win-12\.6_oltas\.qdpx: imported 1 source, \d+ categories, \d+ concepts, 97 coded passages, \d+ memos, 0 attributes, 1 coder; positions read as UTF-16 code units, a CR LF counting 2, 100 % on word boundaries\.$/,
    );
    expect(imported.stderr).toBe('');

    const qdpx = path.join(dir, 'out.qdpx');
    const nvivo = path.join(dir, 'out-nvivo.qdpx');
    const qdc = path.join(dir, 'out.qdc');
    const exported = await cli('export', project, '--qdpx', qdpx, '--qdc', qdc);
    expect(exported.code).toBe(0);
    expect(exported.stdout.split('\n')).toEqual([`Wrote the project to ${qdpx}`, `Wrote the codebook to ${qdc}`]);
    expect((await cli('export', project, '--qdpx', nvivo, '--unit', 'nvivo')).stdout).toBe(`Wrote the project (positions in NVivo's UTF-16 units) to ${nvivo}`);
    for (const file of [qdpx, nvivo]) expect(await validateAgainstShared((await unzipAll(file)).get('project.qde')!.toString('utf8'), 'Project.xsd'), file).toEqual([]);
    expect(await validateAgainstShared(fs.readFileSync(qdc, 'utf8'), 'Codebook.xsd')).toEqual([]);

    const before = await segments(project);
    expect(before).toHaveLength(97);
    for (const file of [qdpx, nvivo]) {
      const again = await init(`again-${path.basename(file, '.qdpx')}`);
      expect((await cli('import', again, file)).code).toBe(0);
      expect(await segments(again), file).toEqual(before);
      const tree = async (p: string) => JSON.parse((await cli('codebook', p)).stdout, (k, v) => (k === 'id' && typeof v === 'number' ? 0 : k === 'segments' ? undefined : v));
      expect(await tree(again)).toEqual(await tree(project));
    }
  });

  it('a refused file: one line naming the file, exit 1, the project file byte for byte as it was; the good files of the same call still come in', async () => {
    const project = await init('refused');
    const bad = path.join(dir, 'notes.qdpx');
    fs.writeFileSync(bad, 'not a zip at all');
    const before = sha(project);
    const r = await cli('import', project, bad);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('failed    notes.qdpx: this is not a .qdpx project: it is not a zip archive.');
    expect(sha(project)).toBe(before);
    const missing = await cli('import', project, path.join(dir, 'gone.qdpx'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^failed {4}gone\.qdpx: cannot be opened \(ENOENT/);
    expect(sha(project)).toBe(before);
    const both = await cli('import', project, bad, sample('atlasti-win-23.2.3_target.qdpx'));
    expect(both.code).toBe(1);
    expect(both.stdout).toMatch(/^imported {2}atlasti-win-23\.2\.3_target\.qdpx: imported 0 sources, 1 category, 2 concepts/);
  });

  it('a file with parts left out: partly imported, each part and warning on stderr, exit 0', async () => {
    const project = await init('atlas');
    const r = await cli('import', project, sample('atlasti-mac-8.4.0_standard-project.qde'));
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const lines = r.err;
    expect(lines[0]).toMatch(/^partial {3}atlasti-mac-8\.4\.0_standard-project\.qde: imported 0 sources, \d+ categories, \d+ concepts, 0 coded passages/);
    expect(lines.filter((l) => l.startsWith('skipped '))).toHaveLength(14);
    expect(lines).toContainEqual(expect.stringMatching(/^skipped {3}atlasti-mac-8\.4\.0_standard-project\.qde: PictureSource .* picture source "cornflakes-n-milk\.jpg" is not imported: Groundwork holds text sources/));
    expect(lines).toContainEqual('warning   atlasti-mac-8.4.0_standard-project.qde: 2 notes belong to the project or to nothing Groundwork holds: they are listed, not attached.');
  });
});

describe('groundwork codebook', () => {
  it('prints the study codebook as a tree (JSON) and as rows (CSV): components, categories, concepts with labels, glosses, codes, colours', async () => {
    const study = path.join(dir, 'study.groundwork');
    await buildStudyProject({ examplesDir: EXAMPLES }, study);
    const json = await cli('codebook', study, '--format', 'json');
    expect(json.code).toBe(0);
    const tree = JSON.parse(json.stdout) as { kind: string; id: string | number; label: string; labelFa: string | null; labelEn: string | null; code: string | null; children: unknown[] }[];
    expect(tree.slice(0, 6).map((n) => [n.kind, n.id])).toEqual([
      ['component', 'causal'],
      ['component', 'context'],
      ['component', 'intervening'],
      ['component', 'phenomenon'],
      ['component', 'strategies'],
      ['component', 'consequences'],
    ]);
    const context = tree[1]!;
    expect(context).toMatchObject({ label: 'Context', labelFa: expect.stringMatching(/[\u0600-\u06FF]/) });
    const d2 = (context.children as typeof tree).find((c) => c.code === 'D2')!;
    expect(d2).toMatchObject({ kind: 'category', label: 'عملیات و فرایند بازاریابی B2B', labelEn: 'B2B marketing operations and process' });

    const csv = await cli('codebook', study, '--format', 'csv');
    const rows = Papa.parse<Record<string, string>>(csv.stdout, { header: true }).data;
    expect(Object.keys(rows[0]!)).toEqual(['kind', 'depth', 'path', 'label', 'label_fa', 'label_en', 'code', 'color', 'memo', 'segments', 'id']);
    const skills = rows.find((r) => r.code === 'D1.C01.01')!;
    expect(skills).toMatchObject({ kind: 'concept', label: 'مهارتها', label_en: 'Skills', segments: '0' });
    expect(skills.color).toMatch(/^#[0-9a-f]{6}$/);
    expect(skills.path!.split(' > ').length).toBe(Number(skills.depth) + 1);
    // Every concept appears at least once; one filed in two places appears under both.
    const concepts = new Set(rows.filter((r) => r.kind === 'concept').map((r) => r.id));
    expect(concepts.size).toBe(354);
  });

  it('refuses an unknown format and a missing project file name (exit 2)', async () => {
    const project = await init('empty');
    expect((await cli('codebook', project, '--format', 'xml')).code).toBe(2);
    expect((await cli('codebook')).code).toBe(2);
    expect((await cli('export', project, '--unit', 'nvivo')).code).toBe(2);
    expect((await cli('export', project, '--qdpx', path.join(dir, 'x.qdpx'), '--unit', 'utf8')).code).toBe(2);
    // An empty project has no codebook to write.
    const qdc = await cli('export', project, '--qdc', path.join(dir, 'x.qdc'));
    expect(qdc.code).toBe(1);
    expect(qdc.stderr).toBe('groundwork: The codebook is empty: a .qdc needs at least one code.');
    expect(fs.existsSync(path.join(dir, 'x.qdc'))).toBe(false);
  });
});
