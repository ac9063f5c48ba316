// Hostile and degenerate files, made by the tests (never downloaded): zip archives whose headers
// can lie, minimal PDFs with any page tree and streams, deep HTML, whitespace runs, repeated
// records. Each generator writes the format by hand on purpose, so a test controls every byte.

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { REPO } from './backend';

const MB = 1024 * 1024;
export { MB };

// ---- zip

export interface ZipEntry {
  name: string;
  /** Deflated: the data is compressed here (in chunks, so a bomb never sits in memory whole). */
  data?: Buffer;
  /** `spaces` bytes of 0x20, deflated chunk by chunk: a bomb of any size. */
  spaces?: number;
  /** The size written in the headers, if it should lie. */
  declaredSize?: number;
}

/**
 * `count` spaces as raw deflate, compressed 16 MiB at a time: each piece is sync-flushed (it ends
 * on a byte boundary, not final), so the pieces join into one stream closed by an empty final block.
 */
function deflateSpaces(count: number): { packed: Buffer; crc: number } {
  const chunk = Buffer.alloc(Math.min(count, 16 * MB), 0x20);
  const out: Buffer[] = [];
  let crc = 0;
  for (let left = count; left > 0; ) {
    const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
    crc = zlib.crc32(piece, crc);
    out.push(zlib.deflateRawSync(piece, { level: 9, finishFlush: zlib.constants.Z_SYNC_FLUSH }));
    left -= piece.length;
  }
  out.push(Buffer.from([0x03, 0x00]));
  return { packed: Buffer.concat(out), crc: crc >>> 0 };
}

/** A zip archive; entries deflated; headers carry `declaredSize` when given (a lie), else the truth. */
export function zipArchive(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    let packed: Buffer;
    let crc: number;
    let size: number;
    if (entry.spaces !== undefined) {
      ({ packed, crc } = deflateSpaces(entry.spaces));
      size = entry.spaces;
    } else {
      const data = entry.data ?? Buffer.alloc(0);
      packed = zlib.deflateRawSync(data, { level: 9 });
      crc = zlib.crc32(data) >>> 0;
      size = data.length;
    }
    const declared = entry.declaredSize ?? size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(Math.min(declared, 0xffffffff), 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(Math.min(declared, 0xffffffff), 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const DOCX_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="bin" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const rels = (target: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="${target}"/></Relationships>`;
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** A minimal Word document whose body is the given XML (paragraphs). */
export function docx(body: string, extra: ZipEntry[] = []): Buffer {
  return zipArchive([
    { name: '[Content_Types].xml', data: Buffer.from(DOCX_TYPES) },
    { name: '_rels/.rels', data: Buffer.from(rels('word/document.xml')) },
    { name: 'word/document.xml', data: Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>${body}</w:body></w:document>`) },
    ...extra,
  ]);
}

export const paragraph = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;

/**
 * The zip bomb the zip checks once missed: _rels/.rels points mammoth at a part that is not named
 * .xml, which unpacks to `size` bytes; its headers may declare a small size.
 */
export function hiddenPartBombDocx(size: number, declaredSize?: number): Buffer {
  return zipArchive([
    { name: '[Content_Types].xml', data: Buffer.from(DOCX_TYPES) },
    { name: '_rels/.rels', data: Buffer.from(rels('word/body.bin')) },
    { name: 'word/document.xml', data: Buffer.from(`<?xml version="1.0"?><w:document ${W}><w:body>${paragraph('decoy')}</w:body></w:document>`) },
    { name: 'word/body.bin', spaces: size, declaredSize },
  ]);
}

// ---- PDF

/** A PDF from object bodies (object n is objects[n - 1]; object 1 is the catalog), with a true xref. */
export function pdfFile(objects: (string | Buffer)[]): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xE2\xE3\xCF\xD3\n', 'latin1')];
  let length = parts[0]!.length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(length);
    const chunk = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), typeof body === 'string' ? Buffer.from(body, 'latin1') : body, Buffer.from('\nendobj\n')]);
    parts.push(chunk);
    length += chunk.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`));
  return Buffer.concat(parts);
}

export const streamObject = (data: Buffer, dict = '') => Buffer.concat([Buffer.from(`<< /Length ${data.length} ${dict}>>\nstream\n`), data, Buffer.from('\nendstream')]);

const FONT = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';

/** One page per content stream (objects: catalog, pages, font, then page + content pairs). */
export function textPdf(contents: (string | Buffer)[], options: { deflate?: boolean } = {}): Buffer {
  const objects: (string | Buffer)[] = ['<< /Type /Catalog /Pages 2 0 R >>', '', FONT];
  const kids: string[] = [];
  for (const content of contents) {
    const page = objects.length + 1;
    kids.push(`${page} 0 R`);
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${page + 1} 0 R >>`);
    const raw = Buffer.isBuffer(content) ? content : Buffer.from(content, 'latin1');
    objects.push(options.deflate ? streamObject(zlib.deflateSync(raw), '/Filter /FlateDecode ') : streamObject(raw));
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.join(' ')}] /Count ${contents.length} >>`;
  return pdfFile(objects);
}

export const textLine = (text: string, y = 720) => `BT /F1 12 Tf 72 ${y} Td (${text.replace(/[()\\]/g, '\\$&')}) Tj ET`;

/** A page whose content stream unpacks to `size` bytes of spaces (a flate bomb), plus a line of text. */
export function flateBombPdf(size: number): Buffer {
  const { packed } = deflateSpaces(size);
  const adler = Buffer.alloc(4); // pdfjs does not check it; the header must be right
  const zlibStream = Buffer.concat([Buffer.from([0x78, 0xda]), packed, adler]);
  const objects: (string | Buffer)[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [4 0 R] /Count 1 >>',
    FONT,
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents [5 0 R 6 0 R] >>',
    streamObject(Buffer.from(textLine('A page with a bomb behind it.'))),
    streamObject(zlibStream, '/Filter /FlateDecode '),
  ];
  return pdfFile(objects);
}

/**
 * A page tree that repeats one page: `levels` levels of Pages nodes, each listing the one below ten
 * times, so the tree holds 10^levels pages in a few kilobytes. `count` is what the root declares.
 */
export function repeatedPagePdf(levels: number, count = 10 ** levels): Buffer {
  const objects: (string | Buffer)[] = ['<< /Type /Catalog /Pages 2 0 R >>'];
  // Objects 2 .. levels+1 are Pages nodes; then the page, its content and the font.
  const page = levels + 2;
  for (let level = 0; level < levels; level += 1) {
    const child = level === levels - 1 ? page : level + 3;
    const parent = level === 0 ? '' : ` /Parent ${level + 1} 0 R`;
    const nodeCount = level === 0 ? count : 10 ** (levels - level);
    objects.push(`<< /Type /Pages${parent} /Kids [${Array(10).fill(`${child} 0 R`).join(' ')}] /Count ${nodeCount} >>`);
  }
  objects.push(`<< /Type /Page /Parent ${levels + 1} 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 ${page + 2} 0 R >> >> /Contents ${page + 1} 0 R >>`);
  objects.push(streamObject(Buffer.from(textLine('The same page, again and again.'))));
  objects.push(FONT);
  return pdfFile(objects);
}

// ---- text formats

export const spaces = (n = MB) => ' '.repeat(n);
export const repeated = (n = MB, ch = 'a') => ch.repeat(n);
export const nestedHtml = (depth: number, inner = 'Deep text at the bottom of the page.', tag = 'div') =>
  `<!doctype html><html><head><title>Deep</title></head><body>${`<${tag}>`.repeat(depth)}<p>${inner}</p>${`</${tag}>`.repeat(depth)}</body></html>`;

export const fixture = (name: string) => fs.readFileSync(path.join(REPO, 'fixtures/import', name));
