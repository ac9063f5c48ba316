// Importing REFI-QDA files into a project through the contract, as the app and the command line do:
// every vendor sample into an empty project as one undo step, each passage on the text its writer
// meant (computed here from the sample's own text and unit); into a project with work in it, what
// is there is matched and not duplicated; a codebook (.qdc) alone; and bad files refused with the
// project unchanged, or read with their bad parts reported.

import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { readExchangeFile } from '../../../../electron/backend/exchange/read';
import { writeQdc } from '../../../../electron/backend/exchange/write';
import { guidKey } from '../../../../shared/domain/exchange-model';
import { findOrCreateCoder } from '../../../../db/coders';
import { exportRows } from '../../../../db/exchange';
import { startBackend, toBase64, type TestBackend } from '../../../helpers/backend';
import { persianModel } from './models';
import { fingerprint, importBytes, importFile, projectState, selectionOfCoding, store } from './project-state';
import { entryFor, meantPassage, REFI, sample, samples, unzipAll, writerText, writtenSelections } from './samples';

let t: TestBackend;
beforeEach(async () => {
  t = startBackend();
  await t.api.call('project.create', { name: 'Exchange' });
});
afterEach(async () => t.cleanup());

const segmentRows = () => store(t).read((db) => exportRows(db));

function zip(entries: Record<string, string | Buffer>): Promise<Buffer> {
  const z = new yazl.ZipFile();
  for (const [name, content] of Object.entries(entries)) z.addBuffer(Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'), name);
  z.end();
  const parts: Buffer[] = [];
  return new Promise((resolve) => {
    z.outputStream.on('data', (c: Buffer) => parts.push(c));
    z.outputStream.on('end', () => resolve(Buffer.concat(parts)));
  });
}

/** Every passage of the project against the passage its writer meant, by coding GUID. */
async function checkPassages(name: string, unit: 'utf16' | 'codepoint') {
  const entries = await unzipAll(sample(name));
  const xml = entries.get('project.qde')!.toString('utf8');
  const selections = new Map(writtenSelections(xml).map((w) => [guidKey(w.guid), w]));
  const holder = selectionOfCoding(xml);
  const rows = await segmentRows();
  const texts = new Map<number, string>();
  for (const d of rows.documents) texts.set(Number(d.id), (await t.api.call('document.get', { id: d.id })).text);
  for (const s of rows.segments) {
    const written = selections.get(holder.get(guidKey(s.uid))!)!;
    expect(written, `${name} ${s.uid}`).toBeDefined();
    const meant = meantPassage(writerText(entryFor(entries, written.textPath)!), unit, written.start, written.end);
    expect(texts.get(Number(s.documentId))!.slice(s.start, s.end), `${name} ${s.uid}`).toBe(meant);
  }
  return rows;
}

describe.skipIf(!REFI)('a vendor sample into an empty project', () => {
  it('NVivo: one source, its 97 passages on the text NVivo meant, with their coder; one undo step', async () => {
    const name = 'nvivo-win-12.6_oltas.qdpx';
    const result = await importFile(t, sample(name));
    const { users, ...cameIn } = result.report.cameIn;
    expect(result.written).toEqual({ ...cameIn, coders: users });
    expect(result.written).toMatchObject({ sources: 1, passages: 97, coders: 1 });
    expect(result.alreadyThere).toEqual({ sources: 0, categories: 0, concepts: 0, passages: 0 });
    expect(result.report.leftOut).toEqual([]);
    expect(result.report.positions).toMatchObject({ unit: 'UTF-16 code units, a CR LF counting 2', chosenBy: 'origin', share: 1 });
    const rows = await checkPassages(name, 'utf16');
    expect(rows.segments).toHaveLength(97);
    // Each passage keeps its coder and its GUID (the coding's).
    const state = await projectState(t);
    expect(state.users).toEqual([{ guid: 'f93ad076-5ca1-4f46-abf4-b4b67130a6e2', name: expect.any(String) }]);
    expect(new Set(state.segments.map((s) => s.coderGuid))).toEqual(new Set(['f93ad076-5ca1-4f46-abf4-b4b67130a6e2']));
    // The code tree: 60 codes, as categories and concepts (a code with children and codings is both).
    expect(state.categories.length + state.concepts.length).toBeGreaterThanOrEqual(60);
    const [doc] = await t.api.call('document.list', {});
    expect(doc).toMatchObject({ format: 'txt', originalName: name, segmentCount: 97 });
    // Its sources are one import batch, as a step of the source importer is (a wave may be defined by it).
    expect(await store(t).read((db) => db.all('SELECT import_batch FROM document'))).toEqual([{ import_batch: expect.stringMatching(/^step-\d+$/) }]);

    // One undo step takes all of it away, and redo brings the same back.
    const after = await fingerprint(t);
    const history = await t.api.call('history.get', {});
    expect(history.undo?.label).toBe(`Import "${name}"`);
    await t.api.call('history.undo', {});
    expect(await t.api.call('document.list', {})).toEqual([]);
    expect(await t.api.call('codebook.get', {})).toMatchObject({ categories: [], concepts: [], filings: [] });
    await t.api.call('history.redo', {});
    expect(await fingerprint(t)).toBe(after);
  });

  it('qc: two texts named by plain file names, 205 codings as passages on the code-point text', async () => {
    const name = 'qc-1.3.2_demo.qdpx';
    const result = await importFile(t, sample(name));
    expect(result.written).toMatchObject({ sources: 2, passages: 205 });
    expect(result.sources.map((s) => [s.name, s.status, s.passages])).toEqual([
      ['board_2017', 'new', 205],
      ['admin-1', 'new', 0],
    ]);
    expect((await checkPassages(name, 'codepoint')).segments).toHaveLength(205);
  });

  it('MAXQDA: ten texts, the code tree with colours and descriptions as memos, the two sets of sources as attributes', async () => {
    const result = await importFile(t, sample('maxqda-24.7.0_ICLS_Conf_Themes_just10.qdpx'));
    expect(result.written).toMatchObject({ sources: 10, passages: 0, attributes: 10 });
    expect(result.written.categories + result.written.concepts).toBe(307);
    const codebook = await t.api.call('codebook.get', {});
    const first = codebook.categories.find((c) => c.name === 'Additional Themes and Ideas')!;
    expect(first).toMatchObject({ color: '#ef8256', parentId: null });
    expect(first.memo).toMatch(/^This category encompasses/);
    const documents = await t.api.call('document.list', {});
    const attributes = await Promise.all(documents.map((d) => t.api.call('document.attributes', { id: d.id })));
    expect(attributes.flat().map((a) => `${a.name}=${a.value}`).sort()).toEqual([...Array(5).fill('ICLS 2024=true'), ...Array(5).fill('ICLS 2025=true')]);
  });

  it('ATLAS.ti: a bare .qde brings its codes; its sources, media, link and graph are listed as not imported, with the reason', async () => {
    const result = await importFile(t, sample('atlasti-mac-8.4.0_standard-project.qde'));
    expect(result.written).toMatchObject({ sources: 0, passages: 0 });
    expect(result.written.categories + result.written.concepts).toBeGreaterThanOrEqual(14);
    expect(Object.fromEntries(result.report.leftOut.map((g) => [g.kind, g.count]))).toEqual({ 'missing-text': 8, 'media-source': 4, link: 1, graph: 1 });
    expect(result.report.leftOut.find((g) => g.kind === 'media-source')!.items.some((i) => i.includes('picture source "cornflakes-n-milk.jpg" is not imported'))).toBe(true);
  });

  it('an empty project file changes nothing and leaves no undo step', async () => {
    const before = await fingerprint(t);
    const result = await importFile(t, sample('atlasti-win-23.2.3_blank.qdpx'));
    expect(result.written).toEqual({ sources: 0, categories: 0, concepts: 0, passages: 0, memos: 0, attributes: 0, coders: 0 });
    expect(await fingerprint(t)).toBe(before);
    expect((await t.api.call('history.get', {})).undo).toBeNull();
  });
});

describe.skipIf(!REFI)('into a project with work in it', () => {
  it('the same file again adds nothing: sources by SHA-256, codes by GUID, passages already there', async () => {
    const name = 'nvivo-win-12.6_oltas.qdpx';
    const first = await importFile(t, sample(name));
    const state = await fingerprint(t);
    const again = await importFile(t, sample(name));
    expect(again.written).toMatchObject({ sources: 0, categories: 0, concepts: 0, passages: 0 });
    expect(again.alreadyThere).toEqual({
      sources: 1,
      categories: first.written.categories,
      concepts: first.written.concepts,
      passages: 97,
    });
    expect(again.matchedBy).toEqual({ sha256: 1, guid: first.written.categories + first.written.concepts, name: 0 });
    expect(again.sources).toEqual([{ name: first.sources[0]!.name, status: 'matched', passages: 97 }]);
    expect(await fingerprint(t)).toBe(state);
  });

  it('a source imported before as a .txt is matched by its text; a code of the same name at the top is used, not doubled', async () => {
    const name = 'nvivo-win-12.6_oltas.qdpx';
    const entries = await unzipAll(sample(name));
    const txt = [...entries.keys()].find((k) => k.endsWith('.txt'))!;
    const [plain] = await t.api.call('document.import', { files: [{ name: 'comments.txt', dataBase64: toBase64(entries.get(txt)!) }] });
    expect(plain!.status).toBe('imported');
    // The file's first top-level code, made by hand here beforehand (a main category when it has children).
    const top = (await readExchangeFile({ name, path: sample(name) })).project.codes[0]!;
    if (top.children.length) await t.api.call('category.create', { name: top.name });
    else await t.api.call('concept.create', { label: top.name });
    const result = await importFile(t, sample(name));
    expect(result.alreadyThere.sources).toBe(1);
    expect(result.matchedBy.name).toBe(1);
    expect(result.sources).toEqual([{ name: 'comments', status: 'matched', passages: 97 }]);
    const documents = await t.api.call('document.list', {});
    expect(documents.map((d) => [d.name, d.segmentCount])).toEqual([['comments', 97]]);
    const codebook = await t.api.call('codebook.get', {});
    const named = top.children.length ? codebook.categories.filter((c) => c.name === top.name) : codebook.concepts.filter((c) => c.label === top.name);
    expect(named).toHaveLength(1);
    await checkPassages(name, 'utf16');
  });
});

describe.skipIf(!REFI)('coders', () => {
  it('a user of the file who is already a coder of the project (by name, as --coder names them) codes as that coder', async () => {
    const name = 'nvivo-win-12.6_oltas.qdpx';
    const user = (await readExchangeFile({ name, path: sample(name) })).project.users.find((u) => u.guid === 'f93ad076-5ca1-4f46-abf4-b4b67130a6e2')!;
    const own = await store(t).write({ kind: 'test', label: 'A coder' }, (db) => findOrCreateCoder(db, user.name.toUpperCase()));
    const result = await importFile(t, sample(name));
    expect(result.written.coders).toBe(0);
    expect(await store(t).read((db) => db.all('SELECT DISTINCT coder_id FROM segment'))).toEqual([{ coder_id: own.id }]);
    // An export names the coder by the project's GUID for it.
    expect((await projectState(t)).users).toEqual([{ guid: own.uid, name: user.name.toUpperCase() }]);
  });
});

describe('a codebook (.qdc) into a project', () => {
  it('brings the categories, concepts, filings, components and memos, in one undo step; matched again the second time', async () => {
    const model = persianModel();
    const { bytes } = await writeQdc(model);
    const result = await importBytes(t, 'کدنامه.qdc', bytes);
    expect(result.report.format).toBe('qdc');
    expect(result.written).toMatchObject({ sources: 0, categories: 4, concepts: 4, passages: 0 });
    const state = await projectState(t);
    expect(state.categories.map((c) => [c.name, c.parentGuid, c.component, c.color])).toEqual(
      [...model.categories].sort((a, b) => a.guid.localeCompare(b.guid)).map((c) => [c.name, c.parentGuid, c.component, c.color]),
    );
    expect(state.concepts.map((c) => c.label)).toEqual(['استراتژی بازاریابی', 'إسناد التسويق', 'emoji & <marks> "quoted"', 'مفهوم بی‌بخش']);
    expect(state.filings).toEqual(model.filings.map((f) => `${f.categoryGuid} ${f.conceptGuid}`).sort());
    expect(state.components).toEqual([{ key: 'causal', label: 'Causal conditions', memo: 'شرایطی که به پدیده می‌انجامد' }]);
    expect((await t.api.call('history.get', {})).undo?.label).toBe('Import "کدنامه.qdc"');
    const again = await importBytes(t, 'کدنامه.qdc', bytes);
    expect(again.written).toMatchObject({ categories: 0, concepts: 0, memos: 0 });
    expect(again.alreadyThere).toMatchObject({ categories: 4, concepts: 4 });
  });
});

const G = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const qde = (body: string) =>
  `<?xml version="1.0" encoding="utf-8"?>\n<Project xmlns="urn:QDA-XML:project:1.0" name="Bad" origin="Test 1.0">\n<Users><User guid="${G(1)}" name="u"/></Users>\n<CodeBook><Codes><Code guid="${G(10)}" name="one" isCodable="true"/></Codes></CodeBook>\n${body}\n</Project>\n`;
const selection = (n: number, start: number | string, end: number | string, code = G(10)) =>
  `<PlainTextSelection guid="${G(n)}" startPosition="${start}" endPosition="${end}" creatingUser="${G(1)}"><Coding guid="${G(n + 1000)}"><CodeRef targetGUID="${code}"/></Coding></PlainTextSelection>`;

describe('bad files', () => {
  beforeEach(async () => {
    // Some work first, so "unchanged" means something.
    await t.api.call('document.import', { files: [{ name: 'own.txt', dataBase64: toBase64('Our own source text.') }] });
    await t.api.call('concept.create', { label: 'own concept' });
  });

  it('are refused whole with one line naming the file and the place, and the project is unchanged', async () => {
    const good = await zip({ 'project.qde': qde('') });
    const cases: [string, Buffer, RegExp][] = [
      ['notes.qdpx', Buffer.from('just some text'), /^notes\.qdpx: this is not a \.qdpx project: it is not a zip archive\.$/],
      ['cut.qdpx', good.subarray(0, good.length - 30), /^cut\.qdpx: the archive is damaged/],
      ['bomb.qdpx', await zip({ 'project.qde': Buffer.alloc(20 * 1024 * 1024, 0x20) }), /^bomb\.qdpx: "project\.qde" would unpack to 20\.0 MiB .* refused as a possible zip bomb\.$/],
      ['slip.qdpx', Buffer.from((await zip({ 'project.qde': qde(''), 'xx/evil.txt': 'x' })).toString('latin1').replaceAll('xx/evil.txt', '../evil.txt'), 'latin1'), /^slip\.qdpx: the archive holds an unsafe entry name \("\.\.\/evil\.txt"/],
      ['doctype.qde', Buffer.from(`<?xml version="1.0"?>\n<!DOCTYPE Project [<!ENTITY a "b">]>\n<Project name="&a;"/>`), /^doctype\.qde: line 2: the XML declares a DOCTYPE/],
      ['broken.qdpx', await zip({ 'project.qde': qde('<Sources>') }), /^broken\.qdpx\/project\.qde: the XML is not well formed: line \d+: /],
      ['empty.qdpx', await zip({ 'readme.txt': 'x' }), /^empty\.qdpx: the archive holds no project\.qde/],
      ['html.qde', Buffer.from('<html><body>hi</body></html>'), /^html\.qde: the root element is <html>/],
    ];
    for (const [name, bytes, message] of cases) {
      const before = await fingerprint(t);
      const error = await importBytes(t, name, bytes).then(
        () => null,
        (e: Error) => e,
      );
      expect(error?.message, name).toMatch(message);
      expect(error!.message.split('\n'), name).toHaveLength(1);
      expect(await fingerprint(t), name).toBe(before);
    }
  });

  it('where the rest is sound, the bad parts are reported and skipped: missing texts, duplicate GUIDs, unknown references, positions out of range or inside a surrogate pair', async () => {
    const body = [
      '<Sources>',
      `<TextSource guid="${G(20)}" name="gone" plainTextPath="internal://missing.txt">${selection(30, 0, 4)}</TextSource>`,
      `<TextSource guid="${G(21)}" name="smile" plainTextPath="internal://smile.txt">${selection(31, 0, 5)}${selection(32, 7, 9)}${selection(33, 9, 99)}${selection(34, 6, 11, G(99))}</TextSource>`,
      `<TextSource guid="${G(21)}" name="twin" plainTextPath="internal://smile.txt"/>`,
      '</Sources>',
    ].join('\n');
    const bytes = await zip({ 'project.qde': qde(body).replace('origin="Test 1.0"', 'origin="NVivo 12"'), 'sources/smile.txt': 'Smile 😀 please' });
    const result = await importBytes(t, 'parts.qdpx', bytes);
    expect(result.written).toMatchObject({ sources: 1, passages: 1 });
    const left = Object.fromEntries(result.report.leftOut.map((g) => [g.kind, g.items]));
    expect(left['missing-text']).toEqual([
      `parts.qdpx/project.qde: TextSource ${G(20)} (line 6): text source "gone" is not imported: "internal://missing.txt" is not in the archive. Its 1 selection (1 coding) go with it.`,
    ]);
    expect(left['bad-position']).toEqual([
      expect.stringMatching(/PlainTextSelection .*32 \(line 7\): startPosition 7 falls inside a character written as a surrogate pair .*: selection skipped, never moved\.$/),
      expect.stringMatching(/PlainTextSelection .*33 \(line 7\): endPosition 99 falls outside its text .*: selection skipped, never moved\.$/),
    ]);
    expect(left['duplicate-guid']).toEqual([expect.stringMatching(/TextSource .*21 \(line 8\): duplicate GUID: TextSource on line 7 has the same one; this source is skipped\./)]);
    expect(left['unknown-reference']).toEqual([expect.stringMatching(/its CodeRef names code .*99, which is not in the code book: this coding is skipped\./)]);
    const documents = await t.api.call('document.list', {});
    const smile = documents.find((d) => d.name === 'smile')!;
    expect((await t.api.call('segment.list', { scope: { kind: 'document', id: smile.id } })).map((s) => s.text)).toEqual(['Smile']);
  });

  it('a file not valid against the schema is read where sound, with a warning naming the first problem (element, line)', async () => {
    const invalid = qde('').replace('isCodable="true"', 'isCodable="yes"');
    const result = await importBytes(t, 'invalid.qde', Buffer.from(invalid));
    expect(result.report.warnings[0]).toBe(
      "invalid.qde: line 4, element Code: not valid against Project.xsd: attribute 'isCodable': 'yes' is not a valid value of the atomic type 'xs:boolean'. The rest was read where it is sound.",
    );
    expect(result.written).toMatchObject({ concepts: 1 });
    expect((await t.api.call('codebook.get', {})).concepts.map((c) => c.label).sort()).toEqual(['one', 'own concept']);
  });

  it('a GUID the project already uses for another source gets a fresh one, said in the report; undo leaves the project as it was', async () => {
    const before = await fingerprint(t, 'content');
    const own = (await segmentRows()).documents[0]!;
    const body = `<Sources><TextSource guid="${own.uid}" name="clash"><PlainTextContent>Different text, same GUID.</PlainTextContent>${selection(30, 0, 9)}</TextSource></Sources>`;
    const result = await importBytes(t, 'clash.qde', Buffer.from(qde(body)));
    expect(result.written).toMatchObject({ sources: 1, passages: 1 });
    expect(result.report.warnings).toContainEqual(expect.stringMatching(/^Source "clash" has GUID .*, which another source of this project already has: it was given a new one/));
    await t.api.call('history.undo', {});
    expect(await fingerprint(t, 'content')).toBe(before);
  });
});

it.skipIf(!REFI)('every sample imports (the list is the folder)', async () => {
  for (const name of samples()) {
    await t.api.call('project.create', { name: `P ${name}` });
    const result = await importFile(t, sample(name));
    expect(result.written.passages, name).toBe(result.report.cameIn.passages);
    expect(result.written.sources, name).toBe(result.report.cameIn.sources);
    expect(fs.existsSync(sample(name))).toBe(true);
  }
});
