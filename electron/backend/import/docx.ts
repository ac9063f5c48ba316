// A Word file (.docx) becomes its paragraphs, each with the direction the file states.
// mammoth reads the paragraph text; it drops w:bidi, so word/document.xml is also read here (yauzl
// after the zip checks of zip.ts, fast-xml-parser) for each paragraph's w:bidi flag, and the two
// are matched paragraph by paragraph by their text.

import mammoth from 'mammoth';
import { XMLParser } from 'fast-xml-parser';
import { GroundworkError } from '../../../shared/api/errors';
import type { ParagraphDirection } from '../../../shared/domain/model';
import { canonicalizeText, paragraphDirection } from '../../../shared/domain/text';
import { checkSize, stripControls } from './decode';
import { checkZip, readEntry } from './zip';

export interface DocxText {
  text: string;
  /** One entry per line of the text: the direction of the Word paragraph it comes from. */
  directions: ParagraphDirection[];
  dir: 'ltr' | 'rtl';
}

const bad = (name: string, reason: string) => new GroundworkError('bad-file', `${name}: ${reason}`);

type XmlNode = Record<string, unknown> & { ':@'?: Record<string, string> };

interface XmlParagraph {
  text: string;
  rtl: boolean;
}

const isOff = (value: string | undefined) => value === '0' || value === 'false' || value === 'off';

/** Every w:p of the body in document order (tables included), with its text and w:bidi flag. */
function xmlParagraphs(xml: Buffer): XmlParagraph[] {
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    trimValues: false,
    parseTagValue: false,
    processEntities: true,
  });
  const tree = parser.parse(xml) as XmlNode[];
  const out: XmlParagraph[] = [];
  const children = (node: XmlNode): XmlNode[] => {
    for (const key of Object.keys(node)) if (key !== ':@') return (node[key] as XmlNode[]) ?? [];
    return [];
  };
  const tag = (node: XmlNode) => Object.keys(node).find((k) => k !== ':@') ?? '';
  const textOf = (nodes: XmlNode[]): string =>
    nodes
      .map((n) => {
        const t = tag(n);
        if (t === '#text') return String(n['#text']);
        if (t === 'w:t') return children(n).map((c) => String(c['#text'] ?? '')).join('');
        if (t === 'w:tab') return '\t';
        if (t === 'w:br' || t === 'w:cr') return '\n';
        if (t === 'w:pPr' || t === 'w:rPr' || t === 'w:instrText' || t === 'w:delText') return '';
        return textOf(children(n));
      })
      .join('');
  const walk = (nodes: XmlNode[]) => {
    for (const node of nodes) {
      const t = tag(node);
      if (t === 'w:p') {
        const kids = children(node);
        const pPr = kids.find((k) => tag(k) === 'w:pPr');
        const bidi = pPr ? children(pPr).find((k) => tag(k) === 'w:bidi') : undefined;
        out.push({ text: textOf(kids), rtl: !!bidi && !isOff(bidi[':@']?.['w:val']) });
        // Nested paragraphs (text boxes) are read too.
        walk(kids.filter((k) => tag(k) !== 'w:pPr'));
      } else if (t !== '#text') {
        walk(children(node));
      }
    }
  };
  walk(tree);
  return out;
}

const key = (text: string) => text.replace(/\s+/g, '').normalize('NFC');

export async function docxToText(name: string, bytes: Uint8Array): Promise<DocxText> {
  checkSize(name, bytes.length);
  const zip = await checkZip(name, bytes, 'a Word document (.docx)');
  let xml: Buffer | undefined;
  try {
    xml = await readEntry(name, zip, 'word/document.xml');
  } finally {
    zip.zip.close();
  }
  if (!xml) throw bad(name, 'this zip archive is not a Word document (it has no word/document.xml).');
  let flags: XmlParagraph[];
  try {
    flags = xmlParagraphs(xml);
  } catch (error) {
    throw bad(name, `the document's XML is damaged (${(error as Error).message}).`);
  }
  let raw: string;
  try {
    raw = (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
  } catch (error) {
    throw bad(name, `the Word document cannot be read (${(error as Error).message}).`);
  }
  // mammoth ends every paragraph with a blank line; a line break inside one gives a single "\n".
  const paragraphs = raw.split(/\n\n/).map((p) => canonicalizeText(stripControls(p)).replace(/[ \t]+$/gm, ''));
  const lines: string[] = [];
  const directions: ParagraphDirection[] = [];
  let cursor = 0;
  for (const paragraph of paragraphs) {
    if (!paragraph.trim()) continue;
    const k = key(paragraph);
    let match = -1;
    for (let i = cursor; i < flags.length; i += 1) {
      if (key(flags[i]!.text) === k) {
        match = i;
        break;
      }
    }
    const dir = match >= 0 ? (flags[match]!.rtl ? 'rtl' : 'ltr') : paragraphDirection(paragraph);
    if (match >= 0) cursor = match + 1;
    for (const line of paragraph.split('\n')) {
      if (!line.trim()) continue;
      if (match >= 0) directions.push({ paragraph: lines.length, dir });
      lines.push(line);
    }
  }
  const text = lines.join('\n');
  if (!text.trim()) throw bad(name, 'the Word document holds no text.');
  let rtl = 0;
  let ltr = 0;
  for (const d of directions) {
    const length = lines[d.paragraph]!.length;
    if (d.dir === 'rtl') rtl += length;
    else ltr += length;
  }
  const dir = directions.length ? (rtl >= ltr ? 'rtl' : 'ltr') : paragraphDirection(text.slice(0, 20000));
  return { text, directions, dir };
}
