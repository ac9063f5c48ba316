// Bad and hostile exchange files, made here: each is refused as a whole with a one-line message
// naming the file and the place, or read with the bad parts skipped and reported with their reason.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { EXCHANGE_LIMITS } from '../../../../electron/backend/exchange/archive';
import { readExchangeFile } from '../../../../electron/backend/exchange/read';
import { formatIssue } from '../../../../shared/domain/exchange-model';

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

/** Replaces a name in the archive's local and central headers (same length), as a forger would. */
function rename(bytes: Buffer, from: string, to: string): Buffer {
  expect(Buffer.byteLength(from)).toBe(Buffer.byteLength(to));
  const out = Buffer.from(bytes);
  let at = out.indexOf(from);
  while (at !== -1) {
    out.write(to, at);
    at = out.indexOf(from, at + 1);
  }
  return out;
}

const G = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const project = (body: string, origin = 'Test writer 1.0') =>
  `<?xml version="1.0" encoding="utf-8"?>\n<Project xmlns="urn:QDA-XML:project:1.0" name="Hostile" origin="${origin}">\n${body}\n</Project>\n`;
const users = `<Users><User guid="${G(1)}" name="u"/></Users>`;
const codebook = (codes = `<Code guid="${G(10)}" name="one" isCodable="true"/>`) => `<CodeBook><Codes>${codes}</Codes></CodeBook>`;
const selection = (n: number, start: number | string, end: number | string, code = G(10), user = G(1)) =>
  `<PlainTextSelection guid="${G(n)}" startPosition="${start}" endPosition="${end}" creatingUser="${user}"><Coding guid="${G(n + 1000)}"><CodeRef targetGUID="${code}"/></Coding></PlainTextSelection>`;

const read = (name: string, bytes: Buffer, options = {}) => readExchangeFile({ name, bytes }, options);
const refusal = async (name: string, bytes: Buffer, options = {}) => {
  const error = await read(name, bytes, options).then(
    () => null,
    (e: Error) => e,
  );
  expect(error, name).not.toBeNull();
  expect(error!.message.split('\n')).toHaveLength(1);
  return error!.message;
};

describe('refused as a whole, with one line naming the file and the place', () => {
  it('a file that is not a zip, and a zip that is damaged', async () => {
    expect(await refusal('notes.qdpx', Buffer.from('just some text'))).toBe('notes.qdpx: this is not a .qdpx project: it is not a zip archive.');
    const good = await zip({ 'project.qde': project(users) });
    expect(await refusal('cut.qdpx', good.subarray(0, good.length - 30))).toMatch(/^cut\.qdpx: the archive is damaged and cannot be read/);
  });

  it('a zip bomb: packed far beyond any text, or lying about its size, or too many entries', async () => {
    const bomb = await zip({ 'project.qde': Buffer.alloc(20 * 1024 * 1024, 0x20) });
    expect(bomb.length).toBeLessThan(200 * 1024);
    expect(await refusal('bomb.qdpx', bomb)).toMatch(/^bomb\.qdpx: "project\.qde" would unpack to 20\.0 MiB from .* refused as a possible zip bomb\.$/);
    // The central directory says 100 bytes; the data inflates to 3 MiB.
    const source = `<Sources><TextSource guid="${G(20)}" name="a" plainTextPath="internal://a.txt"/></Sources>`;
    const withSource = await zip({ 'project.qde': project(users + source), 'sources/a.txt': Buffer.alloc(3 * 1024 * 1024, 0x61) });
    const forgedSource = Buffer.from(withSource);
    const central = forgedSource.indexOf(Buffer.from('sources/a.txt'), forgedSource.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]))) - 46;
    expect(forgedSource.readUInt32LE(central)).toBe(0x02014b50);
    forgedSource.writeUInt32LE(100, central + 24);
    expect(await refusal('liar.qdpx', forgedSource)).toMatch(
      /^liar\.qdpx: "sources\/a\.txt" does not unpack to the size the archive declares \(too many bytes in the stream.*\): refused as damaged or a possible zip bomb\.$/,
    );
    // Each text under the per-entry cap, together over the total cap.
    const two = `<Sources><TextSource guid="${G(20)}" name="a" plainTextPath="internal://a.txt"/><TextSource guid="${G(21)}" name="b" plainTextPath="internal://b.txt"/></Sources>`;
    const heavy = await zip({ 'project.qde': project(users + two), 'sources/a.txt': Buffer.alloc(700 * 1024, 0x61), 'sources/b.txt': Buffer.alloc(700 * 1024, 0x62) });
    expect(await refusal('heavy.qdpx', heavy, { limits: { ...EXCHANGE_LIMITS, totalBytes: 1024 * 1024 } })).toMatch(/^heavy\.qdpx: "sources\/b\.txt" would unpack to 700\.0 KiB from .*: refused as a possible zip bomb\.$/);
    const many = await zip(Object.fromEntries([['project.qde', project(users)], ...Array.from({ length: 12 }, (_, i) => [`sources/${i}.txt`, 'x'])]));
    expect(await refusal('many.qdpx', many, { limits: { ...EXCHANGE_LIMITS, entries: 10 } })).toBe(
      'many.qdpx: the archive lists 13 entries (at most 10 are read): refused as unsafe.',
    );
  });

  it('entry names that climb out of the archive or are absolute (zip slip)', async () => {
    const climbing = rename(await zip({ 'project.qde': project(users), 'xx/evil.txt': 'x' }), 'xx/evil.txt', '../evil.txt');
    expect(await refusal('slip.qdpx', climbing)).toBe('slip.qdpx: the archive holds an unsafe entry name ("../evil.txt", outside the archive\'s folder): refused.');
    const absolute = rename(await zip({ 'project.qde': project(users), 'atmp/evil.txt': 'x' }), 'atmp/evil.txt', '/tmp/evil.txt');
    expect(await refusal('abs.qdpx', absolute)).toMatch(/^abs\.qdpx: the archive holds an unsafe entry name \("\/tmp\/evil\.txt"/);
  });

  it('a DOCTYPE or an entity declaration, before any parser sees it', async () => {
    const laughs = `<?xml version="1.0"?>\n<!DOCTYPE Project [\n<!ENTITY a "aaaaaaaaaa">\n<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">\n]>\n<Project xmlns="urn:QDA-XML:project:1.0" name="&b;"/>`;
    expect(await refusal('laughs.qde', Buffer.from(laughs))).toBe(
      'laughs.qde: line 2: the XML declares a DOCTYPE; exchange files never need one, and it is refused for safety.',
    );
    const external = `<?xml version="1.0"?>\n<!DOCTYPE Project SYSTEM "file:///etc/passwd">\n<Project name="x"/>`;
    expect(await refusal('project.qdpx', await zip({ 'project.qde': external }))).toMatch(/^project\.qdpx\/project\.qde: line 2: the XML declares a DOCTYPE/);
  });

  it('XML that is not well formed, naming the line and the problem', async () => {
    const broken = project(`${users}\n<CodeBook><Codes>\n<Code guid="${G(10)}" name="a" isCodable="true">\n</Codes></CodeBook>`);
    const message = await refusal('broken.qdpx', await zip({ 'project.qde': broken }));
    expect(message).toMatch(/^broken\.qdpx\/project\.qde: the XML is not well formed: line 6: Opening and ending tag mismatch: Code line 5 and Codes$/);
    expect(await refusal('entity.qde', Buffer.from(project(`<Description>&nbsp;</Description>`)))).toMatch(/^entity\.qde: the XML is not well formed: line 3: Entity 'nbsp' not defined$/);
  });

  it('no project document, an empty file, a root that is not REFI-QDA', async () => {
    expect(await refusal('empty.qdpx', await zip({ 'readme.txt': 'x' }))).toBe('empty.qdpx: the archive holds no project.qde: it is not a REFI-QDA project (.qdpx).');
    expect(await refusal('zero.qde', Buffer.alloc(0))).toBe('zero.qde: the file is empty.');
    expect(await refusal('html.qde', Buffer.from('<html><body>hi</body></html>'))).toBe(
      'html.qde: the root element is <html>, not <Project> or <CodeBook>: this is not a REFI-QDA file.',
    );
  });
});

describe('read where sound, the bad parts skipped and reported', () => {
  it('XML not valid against the schema: a warning naming the first problem (element, line); the rest is read', async () => {
    const body = `${users}\n${codebook(`<Code guid="${G(10)}" name="one" isCodable="yes"/>`)}`;
    const result = await read('invalid.qde', Buffer.from(project(body)));
    expect(result.issues.map(formatIssue)).toEqual([
      "invalid.qde: line 4, element Code: not valid against Project.xsd: attribute 'isCodable': 'yes' is not a valid value of the atomic type 'xs:boolean'. The rest was read where it is sound.",
    ]);
    expect(result.project.codes.map((c) => c.name)).toEqual(['one']);
  });

  it('a missing source file, duplicate GUIDs, references to unknown codes, users and notes', async () => {
    const body = [
      users,
      codebook(`<Code guid="${G(10)}" name="one" isCodable="true"/><Code guid="${G(10)}" name="again" isCodable="true"/>`),
      '<Sources>',
      `<TextSource guid="${G(20)}" name="gone" plainTextPath="internal://missing.txt">${selection(30, 0, 4)}</TextSource>`,
      `<TextSource guid="${G(21)}" name="here" plainTextPath="internal://here.txt">${selection(31, 0, 5)}${selection(32, 6, 11, G(99))}${selection(33, 0, 5, G(10), G(98))}<NoteRef targetGUID="${G(97)}"/></TextSource>`,
      `<TextSource guid="${G(21)}" name="twin" plainTextPath="internal://here.txt"/>`,
      '</Sources>',
    ].join('\n');
    const result = await read('refs.qdpx', await zip({ 'project.qde': project(body), 'sources/here.txt': 'Hello world' }));
    const lines = result.issues.map(formatIssue);
    expect(lines.some((l) => /^refs\.qdpx\/project\.qde: Code 00000000-0000-4000-8000-000000000010 \(line 4\): duplicate GUID: Code on line 4 has the same one; this code is kept under a new GUID \(.{36}\), and codings naming 00000000-0000-4000-8000-000000000010 go to the first\.$/.test(l))).toBe(true);
    expect(result.project.codes.map((c) => c.name)).toEqual(['one', 'again']);
    expect(lines).toContain('refs.qdpx/project.qde: TextSource 00000000-0000-4000-8000-000000000021 (line 8): duplicate GUID: TextSource on line 7 has the same one; this source is skipped.');
    expect(lines.some((l) => /Coding 00000000-0000-4000-8000-000000001032 \(line 7\): its CodeRef names code 00000000-0000-4000-8000-000000000099, which is not in the code book: this coding is skipped\./.test(l))).toBe(true);
    expect(lines.some((l) => /PlainTextSelection .*33 \(line 7\): creatingUser names user 00000000-0000-4000-8000-000000000098, who is not in <Users>: imported without a coder\./.test(l))).toBe(true);
    expect(lines.some((l) => /NoteRef \(line 7\): NoteRef names note .*97, which is not in <Notes>: ignored\./.test(l))).toBe(true);
    expect(lines).toContain(
      'refs.qdpx/project.qde: TextSource 00000000-0000-4000-8000-000000000020 (line 6): text source "gone" is not imported: "internal://missing.txt" is not in the archive. Its 1 selection (1 coding) go with it.',
    );
    const here = result.project.sources.find((s) => s.name === 'here')!;
    expect(here.selections.map((s) => [s.text, s.codings.length, s.creatingUser])).toEqual([
      ['Hello', 1, G(1)],
      ['world', 0, G(1)],
      ['Hello', 1, null],
    ]);
  });

  it('positions outside the text, inside a surrogate pair, reversed, or not numbers: reported, never moved', async () => {
    const text = 'Smile 😀 please';
    const body = [
      users,
      codebook(),
      `<Sources><TextSource guid="${G(20)}" name="t" plainTextPath="internal://t.txt">`,
      selection(30, 0, 5),
      selection(31, 7, 9),
      selection(32, 9, 99),
      selection(33, 5, 2),
      `<PlainTextSelection guid="${G(34)}" startPosition="x" endPosition="3"/>`,
      '</TextSource></Sources>',
    ].join('\n');
    const result = await read('pos.qdpx', await zip({ 'project.qde': project(body, 'NVivo for Windows 12.6'), 'Sources/t.txt': text }));
    expect(result.project.sources[0]!.selections.map((s) => s.text)).toEqual(['Smile']);
    const skipped = result.issues.filter((i) => i.severity === 'skipped').map((i) => `${i.place}: ${i.message}`);
    expect(skipped).toEqual([
      `PlainTextSelection ${G(31)} (line 7): startPosition 7 falls inside a character written as a surrogate pair (the text is 15 units long, counted as UTF-16 code units, a CR LF counting 2): selection skipped, never moved.`,
      `PlainTextSelection ${G(32)} (line 8): endPosition 99 falls outside its text (the text is 15 units long, counted as UTF-16 code units, a CR LF counting 2): selection skipped, never moved.`,
      `PlainTextSelection ${G(33)} (line 9): endPosition 2 comes before startPosition 5 (the text is 15 units long, counted as UTF-16 code units, a CR LF counting 2): selection skipped, never moved.`,
      `PlainTextSelection ${G(34)} (line 10): startPosition "x" or endPosition "3" is not a whole number: selection skipped.`,
    ]);
  });
});

describe('where texts come from', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'refi-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('embedded PlainTextContent, relative:// against basePath, absolute:// only when the file exists, UTF-16 with BOM', async () => {
    fs.writeFileSync(path.join(dir, 'outside.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Far away 😀 text', 'utf16le')]));
    const body = [
      users,
      codebook(),
      '<Sources>',
      `<TextSource guid="${G(20)}" name="embedded"><PlainTextContent>Inline text</PlainTextContent>${selection(30, 0, 6)}</TextSource>`,
      `<TextSource guid="${G(21)}" name="relative" plainTextPath="relative:///outside.txt">${selection(31, 9, 10)}</TextSource>`,
      `<TextSource guid="${G(22)}" name="absolute" plainTextPath="absolute://${path.join(dir, 'outside.txt')}"/>`,
      `<TextSource guid="${G(23)}" name="nowhere" plainTextPath="absolute://${path.join(dir, 'nowhere.txt')}"/>`,
      '</Sources>',
    ].join('\n');
    const xml = project(body).replace('name="Hostile"', `name="Hostile" basePath="${dir}"`);
    const result = await read('paths.qde', Buffer.from(xml));
    const byName = Object.fromEntries(result.project.sources.map((s) => [s.name, s]));
    expect(byName.embedded!.selections[0]!.text).toBe('Inline');
    expect(byName.relative!.text).toBe('Far away 😀 text');
    expect(byName.relative!.selections[0]!.text).toBe('😀');
    expect(byName.absolute!.text).toBe('Far away 😀 text');
    expect(byName.nowhere!.text).toBeNull();
    expect(result.issues.map(formatIssue)).toContain(
      `paths.qde: TextSource ${G(23)} (line 9): text source "nowhere" is not imported: "absolute://${path.join(dir, 'nowhere.txt')}" names ${path.join(dir, 'nowhere.txt')}, which does not exist here.`,
    );
  });

  it('a project document in UTF-16 with a byte order mark reads like its UTF-8 twin', async () => {
    const xml = project(`${users}${codebook()}<Sources><TextSource guid="${G(20)}" name="متن"><PlainTextContent>سلام دنیا</PlainTextContent>${selection(30, 5, 9)}</TextSource></Sources>`).replace('utf-8', 'utf-16');
    const result = await read('utf16.qde', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, 'utf16le')]));
    expect(result.issues).toEqual([]);
    expect(result.project.sources[0]!.selections[0]!.text).toBe('دنیا');
  });

  it('a PDF comes in through its text representation with its passages; a region without a passage is reported', async () => {
    const body = [
      users,
      codebook(),
      `<Sources><PDFSource guid="${G(20)}" name="paper.pdf" path="internal://paper.pdf">`,
      `<PDFSelection guid="${G(30)}" page="0" firstX="1" firstY="1" secondX="9" secondY="9"><Coding guid="${G(40)}"><CodeRef targetGUID="${G(10)}"/></Coding></PDFSelection>`,
      `<PDFSelection guid="${G(31)}" page="1" firstX="1" firstY="1" secondX="9" secondY="9"/>`,
      `<Representation guid="${G(21)}" plainTextPath="internal://paper.txt">${selection(30, 6, 11)}</Representation>`,
      '</PDFSource></Sources>',
    ].join('\n');
    const result = await read('pdf.qdpx', await zip({ 'project.qde': project(body), 'sources/paper.txt': 'Title\nWords of the paper' }));
    const [pdf] = result.project.sources;
    expect(pdf).toMatchObject({ kind: 'pdf', name: 'paper.pdf', text: 'Title\nWords of the paper', textFrom: 'internal://paper.txt' });
    expect(pdf!.selections.map((s) => s.text)).toEqual(['Words']);
    expect(result.issues.map(formatIssue)).toEqual([`pdf.qdpx/project.qde: PDFSelection ${G(31)} (line 7): PDFSelection in "paper.pdf" is not imported: it has no passage in the source's text.`]);
  });

  it('paths outside the archive are only read when the caller allows it', async () => {
    fs.writeFileSync(path.join(dir, 'outside.txt'), 'Far away');
    const xml = project(`${users}<Sources><TextSource guid="${G(22)}" name="absolute" plainTextPath="absolute://${path.join(dir, 'outside.txt')}"/></Sources>`);
    expect((await read('paths.qde', Buffer.from(xml))).project.sources[0]!.text).toBe('Far away');
    const closed = await read('paths.qde', Buffer.from(xml), { external: 'report' });
    expect(closed.project.sources[0]!.text).toBeNull();
    expect(closed.issues[0]!.message).toMatch(/is outside the archive, and files outside it are not read for this import\.$/);
  });
});
