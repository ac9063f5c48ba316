// The `groundwork` command line: run() in-process over real project files, and the installed
// bin once through npx.

import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openProjectFile } from '../../db/sqlite/open';
import { COMPONENT_LABELS } from '../../shared/domain/paradigm';
import type { ParadigmCounts } from '../../shared/domain/model';
import { EXAMPLES, startBackend, tempDir } from '../helpers/backend';
import { npxGroundwork, ownLines, runCli } from '../helpers/cli';

let dir: string;
let home: string;
let previousHome: string | undefined;

beforeEach(() => {
  dir = tempDir('groundwork-cli-');
  home = tempDir('groundwork-cli-home-');
  previousHome = process.env.GROUNDWORK_HOME;
  process.env.GROUNDWORK_HOME = home;
});
afterEach(() => {
  if (previousHome === undefined) delete process.env.GROUNDWORK_HOME;
  else process.env.GROUNDWORK_HOME = previousHome;
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(home, { recursive: true, force: true });
});

/** Runs the command line in this process and collects what it prints. */
const cli = runCli;

/** Exactly one line on stderr, starting "groundwork:". */
function expectOneErrorLine(err: string[]) {
  expect(err).toHaveLength(1);
  expect(err[0]).toMatch(/^groundwork: /);
  expect(err[0]).not.toContain('\n');
}

const file = (name: string) => path.join(dir, name);
const exampleFiles = () => fs.readdirSync(EXAMPLES).sort().map((f) => path.join(EXAMPLES, f));

async function documentNames(project: string): Promise<string[]> {
  const store = openProjectFile(project);
  try {
    return (await store.read((db) => db.all<{ name: string }>('SELECT name FROM document ORDER BY name'))).map((r) => r.name);
  } finally {
    await store.close();
  }
}

const FA = 'Account-based marketing (fa).txt';
const AR = 'B2B marketing attribution (ar).txt';
const ABM = 'بازاریابی مبتنی بر حساب';

/**
 * A coded project made through the backend API: three components reached, one concept shared by
 * two of them, a main category outside every component and an unfiled concept. Returns its
 * counts as the API computes them, and every source text by document name.
 */
async function codedProject(project: string) {
  expect((await cli('init', project)).code).toBe(0);
  expect((await cli('import', project, path.join(EXAMPLES, FA), path.join(EXAMPLES, AR))).code).toBe(0);
  const t = startBackend();
  try {
    const { api } = t;
    await api.call('project.open', { path: project });
    const docs = await api.call('document.list', {});
    const texts = new Map<string, string>();
    for (const d of docs) texts.set(d.name, (await api.call('document.get', { id: d.id })).text);
    const fa = docs.find((d) => d.name === 'Account-based marketing (fa)')!;
    const ar = docs.find((d) => d.name === 'B2B marketing attribution (ar)')!;
    const faText = texts.get(fa.name)!;
    const arText = texts.get(ar.name)!;
    const nth = (text: string, phrase: string, n: number) => {
      let at = -1;
      for (let i = 0; i <= n; i += 1) at = text.indexOf(phrase, at + 1);
      if (at < 0) throw new Error(`"${phrase}" not found`);
      return { start: at, end: at + phrase.length };
    };
    const abm = await api.call('segment.code', { documentId: fa.id, ...nth(faText, ABM, 0), newConcept: { label: 'ABM' } });
    await api.call('segment.code', { documentId: fa.id, ...nth(faText, ABM, 1), conceptId: abm.conceptId });
    const b2b = await api.call('segment.code', { documentId: ar.id, ...nth(arText, 'B2B', 0), newConcept: { label: 'B2B' } });
    const loose = await api.call('segment.code', { documentId: fa.id, ...nth(faText, 'B2B', 0), newConcept: { label: 'loose' } });
    await api.call('segment.code', { documentId: ar.id, ...nth(arText, 'B2B', 1), conceptId: loose.conceptId });
    await api.call('segment.code', { documentId: ar.id, ...nth(arText, 'B2B', 2), newConcept: { label: 'never filed' } });
    const focus = await api.call('category.create', { name: 'Account focus' });
    const targeting = await api.call('category.create', { name: 'Targeting', parentId: focus.id });
    const attribution = await api.call('category.create', { name: 'Attribution' });
    const other = await api.call('category.create', { name: 'Other' });
    await api.call('category.fileConcepts', { categoryId: targeting.id, conceptIds: [abm.conceptId] });
    await api.call('category.fileConcepts', { categoryId: attribution.id, conceptIds: [abm.conceptId, b2b.conceptId] });
    await api.call('category.fileConcepts', { categoryId: other.id, conceptIds: [loose.conceptId] });
    await api.call('component.assign', { categoryId: focus.id, component: 'strategies' });
    await api.call('component.assign', { categoryId: attribution.id, component: 'consequences' });
    const counts = await api.call('counts.paradigm', {});
    const segments = await api.call('segment.list', { scope: { kind: 'all' } });
    return { counts, texts, segments };
  } finally {
    await t.cleanup();
  }
}

/** The numbers printed for each row label of the counts table. */
function tableRows(stdout: string): Map<string, number[]> {
  const rows = new Map<string, number[]>();
  for (const line of stdout.split('\n')) {
    const cells = line.trim().split(/\s{2,}/);
    if (cells.length === 4 && cells.slice(1).every((c) => /^\d+$/.test(c))) rows.set(cells[0]!, cells.slice(1).map(Number));
  }
  return rows;
}

describe('groundwork init', () => {
  it('creates a new project file with the given name and says where it is', async () => {
    const target = file('study.groundwork');
    const r = await cli('init', target, '--name', 'Marketing study');
    expect(r).toMatchObject({ code: 0, err: [] });
    expect(r.out).toEqual([`Created ${target}`]);
    const project = openProjectFile(target);
    expect((await project.info()).name).toBe('Marketing study');
    await project.close();
  });

  it('adds the .groundwork extension when the name has none', async () => {
    const r = await cli('init', file('study'));
    expect(r.code).toBe(0);
    expect(fs.existsSync(file('study.groundwork'))).toBe(true);
    expect(fs.existsSync(file('study'))).toBe(false);
  });

  it('exits 1 with one line when the folder for the new file does not exist', async () => {
    const r = await cli('init', path.join(dir, 'no such folder', 'p.groundwork'));
    expect(r.code).toBe(1);
    expectOneErrorLine(r.err);
    expect(r.stderr).toMatch(/does not exist/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('refuses a file that already exists, with exit 1 and one line, and leaves it alone', async () => {
    const target = file('taken.groundwork');
    fs.writeFileSync(target, 'my notes');
    const r = await cli('init', target);
    expect(r.code).toBe(1);
    expectOneErrorLine(r.err);
    expect(r.stderr).toMatch(/already a file/);
    expect(r.out).toEqual([]);
    expect(fs.readFileSync(target, 'utf8')).toBe('my notes');
  });
});

describe('groundwork import', () => {
  it('imports every example source and exits 0', async () => {
    const project = file('p.groundwork');
    await cli('init', project);
    const sources = exampleFiles();
    const r = await cli('import', project, ...sources);
    expect(r).toMatchObject({ code: 0, err: [] });
    expect(r.out).toHaveLength(sources.length);
    for (const line of r.out) expect(line).toMatch(/^imported /);
    expect(await documentNames(project)).toEqual(sources.map((s) => path.basename(s, '.txt')).sort());
  });

  it('imports the good files of a mixed batch, reports each bad one on stderr and exits 1', async () => {
    const project = file('p.groundwork');
    await cli('init', project);
    const folder = file('a folder');
    fs.mkdirSync(folder);
    fs.writeFileSync(file('empty.txt'), '');
    fs.writeFileSync(file('latin1.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x6e, 0x6f, 0x69, 0x72, 0x0a])); // "café noir" in Latin-1
    const good = path.join(EXAMPLES, FA);
    const r = await cli('import', project, file('missing.txt'), good, folder, file('empty.txt'), file('latin1.txt'));
    expect(r.code).toBe(1);
    expect(r.out).toHaveLength(1);
    expect(r.out[0]).toMatch(/^imported .*Account-based marketing \(fa\)/);
    expect(r.err).toHaveLength(4);
    for (const line of r.err) expect(line).toMatch(/^failed /);
    expect(r.err[0]).toMatch(/missing\.txt: no such file/);
    expect(r.err[1]).toMatch(/a folder: the folder holds no files to import/);
    expect(r.err[2]).toMatch(/empty\.txt: the file is empty/);
    expect(r.err[3]).toMatch(/latin1\.txt: the file is not valid UTF-8/);
    expect(await documentNames(project)).toEqual(['Account-based marketing (fa)']);
  });

  it('imports a folder of mixed formats: PDF, DOCX, HTML, text; reports bad and unsupported files on stderr', async () => {
    const project = file('review.groundwork');
    await cli('init', project);
    const folder = file('corpus');
    const fixtures = path.join(EXAMPLES, '..', 'import');
    fs.mkdirSync(path.join(folder, 'web'), { recursive: true });
    for (const f of ['persian.pdf', 'persian.docx', 'english-two-columns.pdf', 'encrypted.pdf', 'zip-bomb.docx']) {
      fs.copyFileSync(path.join(fixtures, f), path.join(folder, f));
    }
    fs.copyFileSync(path.join(fixtures, 'hostile-page.html'), path.join(folder, 'web', 'hostile-page.html'));
    fs.copyFileSync(path.join(EXAMPLES, FA), path.join(folder, FA));
    fs.writeFileSync(path.join(folder, 'cover.jpg'), 'not a source');
    fs.writeFileSync(path.join(folder, '.hidden.txt'), 'hidden');
    const r = await cli('import', project, folder);
    expect(r.code).toBe(1);
    expect(r.out.map((l) => l.split(':')[0])).toEqual([
      'imported  Account-based marketing (fa).txt',
      'imported  english-two-columns.pdf',
      'imported  persian.docx',
      'imported  persian.pdf',
      'imported  hostile-page.html',
    ]);
    expect(r.out[1]).toMatch(/imported as "english-two-columns" \(.* characters, 3 pages\)/);
    expect(r.err).toEqual([
      'failed    cover.jpg: skipped, ".jpg" files are not imported.',
      expect.stringMatching(/^failed    encrypted\.pdf: the PDF is password-protected/),
      expect.stringMatching(/^failed    zip-bomb\.docx: .*zip bomb/),
    ]);
    // The web page is named by its <title>.
    expect(await documentNames(project)).toEqual(['Account-based marketing (fa)', 'Trust in B2B buying groups', 'english-two-columns', 'persian', 'persian (2)']);
  });

  it('exits 1 with one line when the project file does not exist, creating nothing', async () => {
    const project = file('nowhere.groundwork');
    const r = await cli('import', project, path.join(EXAMPLES, FA));
    expect(r.code).toBe(1);
    expectOneErrorLine(r.err);
    expect(r.stderr).toContain('nowhere.groundwork');
    expect(fs.existsSync(project)).toBe(false);
  });
});

describe('groundwork counts', () => {
  let project: string;
  let counts: ParadigmCounts;

  beforeEach(async () => {
    project = file('coded.groundwork');
    ({ counts } = await codedProject(project));
  });

  it('the project used here reaches two components, shares a concept and leaves some out', () => {
    // Guards the set-up: the checks below would prove little on an empty project.
    expect(counts.rows.filter((r) => r.concepts > 0).map((r) => r.component)).toEqual(['strategies', 'consequences']);
    expect(counts.sharedConcepts).toHaveLength(1);
    expect(counts.sums.concepts).not.toBe(counts.totals.concepts);
    expect(counts.unassigned.finalCodes).toBeGreaterThan(0);
  });

  it('--format json prints exactly what the app computes', async () => {
    const r = await cli('counts', project, '--format', 'json');
    expect(r).toMatchObject({ code: 0, err: [] });
    expect(JSON.parse(r.stdout)).toEqual(counts);
  });

  it('--format csv prints one row per component, the totals, the sum of rows and the rest', async () => {
    const r = await cli('counts', project, '--format', 'csv');
    expect(r).toMatchObject({ code: 0, err: [] });
    expect(r.stdout.startsWith('\uFEFF')).toBe(false);
    const rows = Papa.parse<string[]>(r.stdout.trim(), { skipEmptyLines: true }).data;
    expect(rows[0]).toEqual(['component', 'label', 'main_categories', 'concepts', 'final_codes']);
    const byKey = new Map(rows.slice(1).map((row) => [row[0]!, row.slice(2).map(Number)]));
    for (const c of counts.rows) {
      expect(byKey.get(c.component), c.component).toEqual([c.mainCategories, c.concepts, c.finalCodes]);
    }
    expect(byKey.get('total')).toEqual([counts.totals.mainCategories, counts.totals.concepts, counts.totals.finalCodes]);
    expect(byKey.get('sum_of_rows')).toEqual([counts.sums.mainCategories, counts.sums.concepts, counts.sums.finalCodes]);
    const u = counts.unassigned;
    expect(byKey.get('unassigned')).toEqual([u.mainCategories, u.conceptsUnfiled + u.conceptsOutsideComponents, u.finalCodes]);
    expect(rows).toHaveLength(1 + 6 + 3);
  });

  it('the table shows each component by name with the same numbers, and explains the shared concept', async () => {
    const r = await cli('counts', project);
    expect(r).toMatchObject({ code: 0, err: [] });
    const rows = tableRows(r.stdout);
    for (const c of counts.rows) {
      expect(rows.get(COMPONENT_LABELS[c.component]), c.component).toEqual([c.mainCategories, c.concepts, c.finalCodes]);
    }
    expect(rows.get('Total (each counted once)')).toEqual([counts.totals.mainCategories, counts.totals.concepts, counts.totals.finalCodes]);
    const u = counts.unassigned;
    expect(rows.get('Not in any component')).toEqual([u.mainCategories, u.conceptsUnfiled + u.conceptsOutsideComponents, u.finalCodes]);
    expect(r.stdout).toMatch(/1 concept\(s\) are filed under more than one component/);
    expect(r.stdout).toContain(`rows sum to ${counts.sums.concepts} concepts, ${counts.sums.finalCodes} final codes`);
  });

  it('--format table is the default', async () => {
    expect((await cli('counts', project, '--format', 'table')).stdout).toBe((await cli('counts', project)).stdout);
  });

  it('remembers the project in GROUNDWORK_HOME, not in the real home folder', async () => {
    await cli('counts', project);
    expect(JSON.parse(fs.readFileSync(path.join(home, 'recent-projects.json'), 'utf8'))).toContain(project);
  });
});

describe('groundwork export --segments', () => {
  it('writes a UTF-8 CSV with a BOM and one row per segment whose offsets slice the source back to its text', async () => {
    const project = file('coded.groundwork');
    const { texts, segments } = await codedProject(project);
    const ids: number[] = segments.map((s) => s.id);
    // A source where UTF-16 offsets differ from code point offsets: an emoji before the coded word.
    const emoji = file('emoji.txt');
    fs.writeFileSync(emoji, 'Feedback 😀😀 then اعتماد, "quoted", =SUM(A1)\n');
    expect((await cli('import', project, emoji)).code).toBe(0);
    const t = startBackend();
    try {
      await t.api.call('project.open', { path: project });
      const doc = (await t.api.call('document.list', {})).find((d) => d.name === 'emoji')!;
      const { text } = await t.api.call('document.get', { id: doc.id });
      texts.set('emoji', text);
      for (const phrase of ['اعتماد', '"quoted"', '=SUM(A1)']) {
        const at = text.indexOf(phrase);
        const segment = await t.api.call('segment.code', { documentId: doc.id, start: at, end: at + phrase.length, newConcept: { label: phrase } });
        ids.push(segment.id);
      }
    } finally {
      await t.cleanup();
    }

    const out = file('segments.csv');
    const r = await cli('export', project, '--segments', out);
    expect(r).toMatchObject({ code: 0, err: [] });
    expect(r.out).toEqual([`Wrote ${ids.length} segments to ${out}`]);

    const bytes = fs.readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(3));
    const [header, ...rows] = Papa.parse<string[]>(csv, { skipEmptyLines: true }).data;
    expect(header).toEqual([
      'segment_id', 'source', 'concept', 'category', 'main_category', 'component', 'text',
      'start_utf16', 'end_utf16', 'paragraph', 'context_before', 'context_after', 'memo', 'created_at',
      'concept_code', 'concept_fa', 'concept_en', 'category_en', 'component_fa', 'coder',
    ]);
    expect(rows).toHaveLength(ids.length);
    expect(rows.map((row) => Number(row[0])).sort((a, b) => a - b)).toEqual(ids.sort((a, b) => a - b));
    const col = (name: string) => header!.indexOf(name);
    // A spreadsheet would run a cell starting with "=" as a formula: it is escaped with a quote.
    const unescape = (cell: string) => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);
    for (const row of rows) {
      const source = texts.get(row[col('source')]!);
      expect(source, row[col('source')]).toBeDefined();
      const start = Number(row[col('start_utf16')]);
      const end = Number(row[col('end_utf16')]);
      expect(source!.slice(start, end)).toBe(unescape(row[col('text')]!));
      expect(Number(row[col('paragraph')])).toBe(source!.slice(0, start).split('\n').length);
    }
    const trust = rows.find((row) => row[col('concept')] === 'اعتماد')!;
    expect(trust[col('text')]).toBe('اعتماد');
    expect(Number(trust[col('start_utf16')])).toBe('Feedback 😀😀 then '.length);
    expect(rows.find((row) => row[col('concept')] === '"quoted"')![col('text')]).toBe('"quoted"');
    expect(rows.find((row) => row[col('text')]!.endsWith('=SUM(A1)'))![col('text')]).toBe("'=SUM(A1)");
    // The shared concept lists both of its filings.
    const abm = rows.find((row) => row[col('concept')] === 'ABM')!;
    expect(abm[col('component')]!.split(' | ').sort()).toEqual([COMPONENT_LABELS.consequences, COMPONENT_LABELS.strategies].sort());
  });

  it('--table8 writes the same counts as "counts --format csv", with a BOM for spreadsheets', async () => {
    const project = file('coded.groundwork');
    await codedProject(project);
    const out = file('table8.csv');
    const r = await cli('export', project, '--table8', out);
    expect(r).toMatchObject({ code: 0, err: [], out: [`Wrote the Table 8 counts to ${out}`] });
    const written = fs.readFileSync(out, 'utf8');
    expect(written.startsWith('\uFEFF')).toBe(true);
    expect(written.slice(1).trimEnd()).toBe((await cli('counts', project, '--format', 'csv')).stdout);
  });

  it('exits 1 and leaves no file behind when the output folder does not exist', async () => {
    const project = file('p.groundwork');
    await cli('init', project);
    const out = path.join(dir, 'no such folder', 'segments.csv');
    const r = await cli('export', project, '--segments', out);
    expect(r.code).toBe(1);
    expectOneErrorLine(r.err);
    expect(fs.readdirSync(dir)).toEqual(['p.groundwork']);
  });
});

describe('groundwork compact', () => {
  it("forgets the steps beyond the project's limits, keeps the ones within, and gives space back with --vacuum", async () => {
    const project = file('history.groundwork');
    expect((await cli('init', project)).code).toBe(0);
    expect((await cli('import', project, ...exampleFiles().slice(0, 2))).code).toBe(0);
    expect((await cli('import', project, exampleFiles()[2]!)).code).toBe(0);
    const steps = async () => {
      const store = openProjectFile(project);
      try {
        return (await store.history()).entries.map((e) => e.label);
      } finally {
        await store.close();
      }
    };
    expect(await steps()).toHaveLength(2);
    // The project's own limits (2,000 steps, 180 days) keep everything.
    const kept = await cli('compact', project);
    expect(kept.code).toBe(0);
    expect(kept.out).toEqual([expect.stringMatching(/^history\.groundwork: forgot 0 undo step\(s\) beyond the last 2,000 and 180 day\(s\); /)]);
    expect(await steps()).toHaveLength(2);
    // Limits given for one run: the last step stays, the older one goes.
    const r = await cli('compact', project, '--keep-steps', '1', '--keep-days', '0', '--vacuum');
    expect(r.code).toBe(0);
    expect(r.out).toEqual([expect.stringMatching(/forgot 1 undo step\(s\) beyond the last 1 and 0 day\(s\); [\d.]+ MB → [\d.]+ MB\.$/)]);
    expect(await steps()).toEqual([`Import "${path.basename(exampleFiles()[2]!, '.txt')}"`]);
    const bad = await cli('compact', project, '--keep-steps', 'many');
    expect(bad.code).toBe(2);
    expectOneErrorLine(bad.err);
  });
});

describe('errors and usage', () => {
  it.each([
    ['no command at all', []],
    ['an unknown command', ['frobnicate']],
    ['init without a file', ['init']],
    ['init with two files', ['init', 'a.groundwork', 'b.groundwork']],
    ['import without sources', ['import', 'p.groundwork']],
    ['counts without a file', ['counts']],
    ['counts in an unknown format', ['counts', 'p.groundwork', '--format', 'xml']],
    ['export without an output', ['export', 'p.groundwork']],
    ['an unknown option', ['counts', 'p.groundwork', '--frobnicate']],
  ])('%s is a usage error: exit 2', async (_what, argv) => {
    const r = await cli(...argv);
    expect(r.code).toBe(2);
    if (argv.length === 0) {
      expect(r.stdout).toMatch(/^Usage: groundwork <command>/);
    } else {
      expectOneErrorLine(r.err);
      expect(r.stderr).toMatch(/groundwork help/);
    }
  });

  it('help prints the usage and exits 0', async () => {
    const r = await cli('help');
    expect(r).toMatchObject({ code: 0, err: [] });
    expect(r.stdout).toMatch(/^Usage: groundwork <command>/);
    for (const command of ['init', 'import', 'counts', 'export']) expect(r.stdout).toContain(`  ${command} FILE`);
  });

  it('a missing project file exits 1 with a one-line reason naming it', async () => {
    const missing = file('missing.groundwork');
    for (const argv of [['counts', missing], ['export', missing, '--segments', file('out.csv')]]) {
      const r = await cli(...argv);
      expect(r.code).toBe(1);
      expectOneErrorLine(r.err);
      expect(r.err[0]).toBe(`groundwork: There is no project file at ${missing}; check the path, or if it was deleted, restore one of its backups from the start screen.`);
      expect(r.out).toEqual([]);
    }
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('a file that is not a project exits 1 and is left alone', async () => {
    const notes = file('notes.groundwork');
    fs.writeFileSync(notes, 'not a database at all, just words\n'.repeat(10));
    const r = await cli('counts', notes);
    expect(r.code).toBe(1);
    expectOneErrorLine(r.err);
    expect(r.stderr).toMatch(/not a Groundwork project/);
    expect(fs.readFileSync(notes, 'utf8')).toBe('not a database at all, just words\n'.repeat(10));
  });

  it('a project from a newer Groundwork is refused by every command and not changed', async () => {
    const project = file('future.groundwork');
    await cli('init', project);
    const db = new Database(project);
    db.pragma('user_version = 99');
    db.close();
    const before = fs.readFileSync(project);
    for (const argv of [
      ['counts', project],
      ['import', project, path.join(EXAMPLES, FA)],
      ['export', project, '--segments', file('out.csv')],
    ]) {
      const r = await cli(...argv);
      expect(r.code, argv[0]).toBe(1);
      expectOneErrorLine(r.err);
      expect(r.stderr).toMatch(/newer version of Groundwork \(project format 99\)\. Update Groundwork to open it; the file was not changed\./);
    }
    expect(fs.readFileSync(project).equals(before)).toBe(true);
    expect(fs.existsSync(file('out.csv'))).toBe(false);
  });
});

describe('the installed groundwork command', () => {
  /** Runs `npx groundwork …` from the repository, as a researcher would. */
  const npx = (args: string[]) => npxGroundwork(args, home);


  it('prints the counts as JSON and exits 0', { timeout: 60_000 }, async () => {
    const project = file('coded.groundwork');
    const { counts } = await codedProject(project);
    const r = await npx(['counts', project, '--format', 'json']);
    expect(ownLines(r.stderr)).toEqual([]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(counts);
  });

  it('exits non-zero with one line on stderr for a missing project file', { timeout: 60_000 }, async () => {
    const missing = file('missing.groundwork');
    const r = await npx(['counts', missing]);
    expect(r.code).toBe(1);
    expect(ownLines(r.stderr)).toEqual([`groundwork: There is no project file at ${missing}; check the path, or if it was deleted, restore one of its backups from the start screen.`]);
    expect(r.stdout).toBe('');
  });
});
