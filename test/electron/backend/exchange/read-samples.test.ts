// Every vendor sample in ../shared/refi reads; the counts in the result match the XML; and each
// coded selection's imported text is the passage its writer meant, computed here from the sample's
// own text in the writer's unit (NVivo: UTF-16 units; the others: code points).

import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readExchangeFile } from '../../../../electron/backend/exchange/read';
import type { ExchangeReadResult } from '../../../../shared/domain/exchange-model';
import { planImport } from '../../../../shared/domain/exchange-plan';
import { importReport } from '../../../../shared/domain/exchange-report';
import { countTags, entryFor, meantPassage, REFI, sample, samples, unzipAll, writerText, writtenSelections } from './samples';

const read = (name: string) => readExchangeFile({ name, path: sample(name) });

describe.skipIf(!REFI)('the vendor samples', () => {
  it('are all there, and every one of them reads', async () => {
    expect(samples()).toEqual([
      'atlasti-mac-8.4.0_standard-project.qde',
      'atlasti-win-23.2.3_blank.qdpx',
      'atlasti-win-23.2.3_target.qdpx',
      'maxqda-24.7.0_ICLS_Conf_Themes_just10.qdpx',
      'nvivo-win-12.6_oltas.qdpx',
      'qc-1.3.2_demo.qdpx',
    ]);
    for (const name of samples()) {
      const result = await read(name);
      expect(result.project.format, name).toBe(name.endsWith('.qde') ? 'qde' : 'qdpx');
      // All samples are valid against Project.xsd: no schema warning.
      expect(result.issues.filter((i) => i.message.includes('Project.xsd')), name).toEqual([]);
    }
  });

  it('counts what the XML holds, element by element', async () => {
    for (const name of samples()) {
      const xml = name.endsWith('.qde') ? fs.readFileSync(sample(name), 'utf8') : (await unzipAll(sample(name))).get('project.qde')!.toString('utf8');
      const { inFile } = await read(name);
      expect(inFile.users, name).toBe(countTags(xml, 'User'));
      expect(inFile.codes, name).toBe(countTags(xml, 'Code'));
      expect(inFile.sources, name).toEqual({
        text: countTags(xml, 'TextSource'),
        pdf: countTags(xml, 'PDFSource'),
        picture: countTags(xml, 'PictureSource'),
        audio: countTags(xml, 'AudioSource'),
        video: countTags(xml, 'VideoSource'),
      });
      expect(inFile.textSelections, name).toBe(countTags(xml, 'PlainTextSelection'));
      expect(inFile.codings, name).toBe(countTags(xml, 'Coding'));
      expect(inFile.notes, name).toBe(countTags(xml, 'Note'));
      expect(inFile.sets, name).toBe(countTags(xml, 'Set'));
      expect(inFile.links, name).toBe(countTags(xml, 'Link'));
      expect(inFile.graphs, name).toBe(countTags(xml, 'Graph'));
    }
  });

  /** Imported passages against the independently computed ones, for a sample whose texts ship. */
  async function checkPassages(name: string, unit: 'utf16' | 'codepoint', result: ExchangeReadResult) {
    const entries = await unzipAll(sample(name));
    const xml = entries.get('project.qde')!.toString('utf8');
    const written = writtenSelections(xml);
    const imported = new Map(result.project.sources.flatMap((s) => s.selections.map((sel) => [sel.guid, sel])));
    let compared = 0;
    for (const w of written) {
      const text = writerText(entryFor(entries, w.textPath)!);
      const sel = imported.get(w.guid);
      expect(sel, `${name} ${w.guid}`).toBeDefined();
      expect(sel!.text, `${name} ${w.guid}`).toBe(meantPassage(text, unit, w.start, w.end));
      expect(sel!.written).toEqual({ start: w.start, end: w.end });
      compared += 1;
    }
    return { compared, written };
  }

  it('NVivo: all 97 passages are the ones NVivo meant (UTF-16 units, BOM not counted, CR LF as 2), with their coders', async () => {
    const name = 'nvivo-win-12.6_oltas.qdpx';
    const result = await read(name);
    expect(result.project.positions).toMatchObject({ family: 'nvivo', profile: 'utf16', chosenBy: 'origin' });
    const { compared, written } = await checkPassages(name, 'utf16', result);
    expect(compared).toBe(97);
    // The check: under UTF-16 units every selection sits on word boundaries; under code points many do not.
    const scores = Object.fromEntries(result.project.positions.check!.scores.map((s) => [s.profile, s.share]));
    expect(scores.utf16).toBe(1);
    expect(scores.codepoint).toBeLessThan(0.8);
    expect(result.project.positions.check!.warning).toBeNull();
    // The unit matters here: read as code points, many of these passages would be other text.
    const text = writerText(entryFor(await unzipAll(sample(name)), written[0]!.textPath)!);
    const shifted = written.filter((w) => meantPassage(text, 'codepoint', w.start, w.end) !== meantPassage(text, 'utf16', w.start, w.end));
    expect(shifted.length).toBeGreaterThan(20);
    // The source: canonical text (no BOM, LF line ends) and 60 codes; codings name their coder.
    const [source] = result.project.sources;
    expect(source!.text!.startsWith('video_id\nvideo_title\n')).toBe(true);
    expect(source!.text).not.toContain('\r');
    expect(source!.sha256).toMatch(/^[0-9a-f]{64}$/);
    const codings = source!.selections.flatMap((s) => s.codings);
    expect(codings).toHaveLength(97);
    expect(new Set(codings.map((c) => c.creatingUser))).toEqual(new Set(['f93ad076-5ca1-4f46-abf4-b4b67130a6e2']));
    expect(result.project.users.map((u) => u.name).sort()).toEqual(['Gergo', 'floriansipos']);
    expect(result.issues).toEqual([]);
  });

  it('qc: its 158 selections (205 codings) are the code-point passages of texts named by plain file names', async () => {
    const name = 'qc-1.3.2_demo.qdpx';
    const result = await read(name);
    expect(result.project.positions.profile).toBe('codepoint');
    const { compared } = await checkPassages(name, 'codepoint', result);
    expect(compared).toBe(158);
    expect(result.project.sources.map((s) => [s.name, s.textFrom, s.selections.length])).toEqual([
      ['board_2017', 'board_2017.txt', 158],
      ['admin-1', 'admin-1.txt', 0],
    ]);
    expect(result.project.sources.flatMap((s) => s.selections).flatMap((s) => s.codings)).toHaveLength(205);
    expect(result.issues).toEqual([]);
  });

  it('MAXQDA: ten texts, 307 codes in their tree with colours and descriptions, two sets of sources', async () => {
    const result = await read('maxqda-24.7.0_ICLS_Conf_Themes_just10.qdpx');
    const p = result.project;
    expect(p.positions.family).toBe('maxqda');
    expect(p.sources).toHaveLength(10);
    for (const s of p.sources) expect(s.text!.length).toBeGreaterThan(30000);
    const all = (codes: typeof p.codes): typeof p.codes => codes.flatMap((c) => [c, ...all(c.children)]);
    expect(all(p.codes)).toHaveLength(307);
    const first = p.codes[0]!;
    expect(first).toMatchObject({ name: 'Additional Themes and Ideas', color: '#ef8256', isCodable: true, guid: 'C9E3D7E0-4DBF-46E2-96EF-14574ECD3B90' });
    expect(first.description).toMatch(/^This category encompasses/);
    expect(first.children.length).toBeGreaterThan(5);
    expect(p.sets.map((s) => [s.name, s.sourceGuids.length])).toEqual([
      ['ICLS 2024', 5],
      ['ICLS 2025', 5],
    ]);
    expect(result.issues).toEqual([]);
  });

  it('ATLAS.ti 8 standard project: everything parsed, and what cannot come in is reported with its reason', async () => {
    const result = await read('atlasti-mac-8.4.0_standard-project.qde');
    const p = result.project;
    expect(p.positions).toMatchObject({ family: 'atlasti', profile: 'codepoint-crlf1' });
    expect(p.users).toHaveLength(3);
    expect(p.codes).toHaveLength(14);
    expect(p.codes.find((c) => c.name === '"rushed"')).toBeDefined();
    expect(p.sets).toHaveLength(16);
    expect(p.sets.find((s) => s.name === '<3')).toMatchObject({ codeGuids: [], sourceGuids: [] });
    // A bare .qde carries no files: its six texts are reported missing, never guessed.
    const skipped = result.issues.filter((i) => i.severity === 'skipped');
    expect(skipped.filter((i) => i.message.startsWith('text source')).length).toBe(6);
    expect(skipped.some((i) => i.message.startsWith('picture source "cornflakes-n-milk.jpg"'))).toBe(true);
    expect(skipped.some((i) => i.message.startsWith('audio source'))).toBe(true);
    expect(skipped.filter((i) => i.message.startsWith('video source'))).toHaveLength(2);
    expect(skipped.some((i) => i.place.startsWith('Link') && i.message.includes('not imported'))).toBe(true);
    expect(skipped.some((i) => i.place.startsWith('Graph') && i.message.includes('3 vertices, 2 edges'))).toBe(true);
    // Notes: one stands alone, the other is about a video quotation (ATLAS.ti links it there).
    expect(p.notes.map((n) => [n.name, n.targets])).toEqual([
      ['Research Plan', []],
      ['My favorite Coke ad', [{ kind: 'selection', guid: '238965CB-E557-405D-B4F0-6F824B2F4570' }]],
    ]);
    expect(p.notes[0]!.text).toBe('This is a great project by a dynamic team of researcher-developers. ');
  });

  it('ATLAS.ti 23: the blank project has two users and nothing else; the target project three nested codes', async () => {
    const blank = await read('atlasti-win-23.2.3_blank.qdpx');
    expect(blank.project.users).toHaveLength(2);
    expect(blank.project.codes).toEqual([]);
    const target = await read('atlasti-win-23.2.3_target.qdpx');
    expect(target.project.codes.map((c) => [c.name, c.color, c.children.map((k) => k.name)])).toEqual([
      ['Commits', null, ['2022-05-10T02:05:59Z 19e4dce', '2022-02-11T10:39:25Z cdbfd92']],
    ]);
  });
});

describe.skipIf(!REFI)('the import report of a sample', () => {
  it('ATLAS.ti standard project: what came in, and what did not, counted and listed by reason', async () => {
    const result = await read('atlasti-mac-8.4.0_standard-project.qde');
    const report = importReport(result, planImport(result.project));
    expect(report.cameIn).toMatchObject({ sources: 0, passages: 0, users: 0 });
    expect(report.cameIn.concepts + report.cameIn.categories).toBeGreaterThanOrEqual(14);
    const left = Object.fromEntries(report.leftOut.map((g) => [g.kind, g.count]));
    expect(left).toEqual({ 'missing-text': 8, 'media-source': 4, link: 1, graph: 1 });
    expect(report.leftOut.find((g) => g.kind === 'missing-text')!.items.filter((i) => i.endsWith('So do its 4 regions.'))).toHaveLength(1);
    for (const g of report.leftOut) expect(g.items).toHaveLength(g.count);
  });

  it('NVivo: 1 source, 97 passages by 1 coder, the unit named and its word-boundary share', async () => {
    const result = await read('nvivo-win-12.6_oltas.qdpx');
    const report = importReport(result, planImport(result.project));
    expect(report.cameIn).toMatchObject({ sources: 1, users: 1 });
    // 97 codings, each a passage: no coding repeats another's passage and code.
    expect(report.cameIn.passages).toBe(97);
    expect(report.warnings).toEqual([]);
    expect(report.positions).toMatchObject({ unit: 'UTF-16 code units, a CR LF counting 2', chosenBy: 'origin', share: 1 });
    expect(report.leftOut).toEqual([]);
  });
});
