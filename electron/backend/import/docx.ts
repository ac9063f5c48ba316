// A Word file (.docx) becomes its paragraphs, each with the direction the file states.
// mammoth reads the paragraph text; it drops w:bidi, so word/document.xml and word/styles.xml are
// also read here (yauzl after the zip checks of zip.ts, fast-xml-parser) for each paragraph's
// direction (its own w:bidi, else its style's, else the document default), and the two are
// matched paragraph by paragraph by their text. Before mammoth touches the file, every entry has
// been unpacked within the zip limits, and every part that is XML (whatever its name: a
// relationship can point anywhere) checked for entity declarations and nesting depth.

import mammoth from 'mammoth';
import { XMLParser } from 'fast-xml-parser';
import { badFile } from '../../../shared/api/errors';
import { say } from '../../../shared/domain/message';
import { MAX_XML_DEPTH } from '../../../shared/domain/limits';
import type { ParagraphDirection } from '../../../shared/domain/model';
import { canonicalizeText, paragraphDirection } from '../../../shared/domain/text';
import { checkSize, stripControls } from './decode';
import { checkZip, readAllEntries } from './zip';

export interface DocxText {
  text: string;
  /** One entry per line of the text: the direction of the Word paragraph it comes from. */
  directions: ParagraphDirection[];
  dir: 'ltr' | 'rtl';
}


type XmlNode = Record<string, unknown> & { ':@'?: Record<string, string> };

interface XmlParagraph {
  text: string;
  rtl: boolean;
}

const isOff = (value: string | undefined) => value === '0' || value === 'false' || value === 'off';

const parseXml = (xml: Buffer) =>
  new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    trimValues: false,
    parseTagValue: false,
    processEntities: true,
    maxNestedTags: MAX_XML_DEPTH,
  }).parse(xml) as XmlNode[];

const TOO_DEEP = /Maximum nested tags/;

/** Whether a part is XML (by name, or by its first character: a relationship can name any part). */
const isXml = (entryName: string, part: Buffer) => /\.(xml|rels)$/i.test(entryName) || /^(\uFEFF|\xEF\xBB\xBF)?\s*</.test(part.subarray(0, 64).toString('latin1'));

const children = (node: XmlNode): XmlNode[] => {
  for (const key of Object.keys(node)) if (key !== ':@') return (node[key] as XmlNode[]) ?? [];
  return [];
};
const tag = (node: XmlNode) => Object.keys(node).find((k) => k !== ':@') ?? '';
const child = (node: XmlNode | undefined, name: string) => (node ? children(node).find((k) => tag(k) === name) : undefined);
const findAll = (nodes: XmlNode[], name: string, out: XmlNode[] = []): XmlNode[] => {
  for (const node of nodes) {
    if (tag(node) === name) out.push(node);
    else if (tag(node) !== '#text') findAll(children(node), name, out);
  }
  return out;
};

/** w:bidi in a pPr: true, false (w:val="0"), or undefined when the pPr does not say. */
function bidiOf(pPr: XmlNode | undefined): boolean | undefined {
  const bidi = child(pPr, 'w:bidi');
  return bidi ? !isOff(bidi[':@']?.['w:val']) : undefined;
}

/**
 * The direction each paragraph style gives (word/styles.xml), following basedOn, with the
 * document default (docDefaults) under all of them: Persian templates often set w:bidi there
 * rather than on every paragraph.
 */
function styleDirections(xml: Buffer | undefined): { byStyle: Map<string, boolean>; fallback: boolean } {
  const byStyle = new Map<string, boolean>();
  if (!xml) return { byStyle, fallback: false };
  const tree = parseXml(xml);
  const defaults = findAll(tree, 'w:pPrDefault')[0];
  const fallback = bidiOf(child(defaults, 'w:pPr')) ?? false;
  const own = new Map<string, { bidi: boolean | undefined; basedOn: string | undefined }>();
  let defaultStyle: string | undefined;
  for (const style of findAll(tree, 'w:style')) {
    const attrs = style[':@'] ?? {};
    if (attrs['w:type'] !== 'paragraph' || !attrs['w:styleId']) continue;
    const id = attrs['w:styleId'];
    own.set(id, { bidi: bidiOf(child(style, 'w:pPr')), basedOn: child(style, 'w:basedOn')?.[':@']?.['w:val'] });
    if (attrs['w:default'] === '1' || attrs['w:default'] === 'true') defaultStyle = id;
  }
  const resolve = (id: string, depth = 0): boolean => {
    const style = own.get(id);
    if (!style || depth > 20) return fallback;
    return style.bidi ?? (style.basedOn ? resolve(style.basedOn, depth + 1) : fallback);
  };
  for (const id of own.keys()) byStyle.set(id, resolve(id));
  if (defaultStyle) byStyle.set('', resolve(defaultStyle));
  return { byStyle, fallback: defaultStyle ? resolve(defaultStyle) : fallback };
}

/** Every w:p of the body in document order (tables included), with its text and direction. */
function xmlParagraphs(xml: Buffer, styles: { byStyle: Map<string, boolean>; fallback: boolean }): XmlParagraph[] {
  const tree = parseXml(xml);
  const out: XmlParagraph[] = [];
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
        const styleId = child(pPr, 'w:pStyle')?.[':@']?.['w:val'];
        const fromStyle = styleId !== undefined ? (styles.byStyle.get(styleId) ?? styles.fallback) : styles.fallback;
        out.push({ text: textOf(kids), rtl: bidiOf(pPr) ?? fromStyle });
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

/** Spaces and tabs at line ends removed in one pass (/[ \t]+$/gm backtracks over long runs). */
function trimLineEnds(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      let end = line.length;
      while (end > 0 && (line[end - 1] === ' ' || line[end - 1] === '\t')) end -= 1;
      return line.slice(0, end);
    })
    .join('\n');
}

export async function docxToText(name: string, bytes: Uint8Array): Promise<DocxText> {
  checkSize(name, bytes.length);
  const zip = await checkZip(name, bytes, say('a Word document (.docx)'));
  let parts: Map<string, Buffer>;
  try {
    parts = await readAllEntries(name, zip);
  } finally {
    zip.zip.close();
  }
  for (const [entryName, part] of parts) {
    if (!isXml(entryName, part)) continue;
    // Word never writes a DOCTYPE; one in any XML part could declare entities that expand to
    // gigabytes ("billion laughs") in whichever parser reads it next, so the file is refused.
    if (/<!(DOCTYPE|ENTITY)/i.test(part.toString('latin1'))) {
      throw badFile(name, say('"{entry}" declares a DOCTYPE or entities, which Word never writes: refused as unsafe.', { entry: entryName.slice(0, 80) }));
    }
    // Nesting deeper than Word writes would only make the readers after this one recurse.
    try {
      parseXml(part);
    } catch (error) {
      if (TOO_DEEP.test((error as Error).message)) {
        throw badFile(name, say('"{entry}" nests elements more than {max} deep (MAX_XML_DEPTH): refused.', { entry: entryName.slice(0, 80), max: MAX_XML_DEPTH }));
      }
      // Any other damage is reported below for the parts that are read, or by mammoth.
    }
  }
  const xml = parts.get('word/document.xml');
  const stylesXml = parts.get('word/styles.xml');
  if (!xml) throw badFile(name, say('this zip archive is not a Word document (it has no word/document.xml).'));
  let flags: XmlParagraph[];
  try {
    flags = xmlParagraphs(xml, styleDirections(stylesXml));
  } catch (error) {
    throw badFile(name, say("the document's XML is damaged ({reason}).", { reason: (error as Error).message }));
  }
  let raw: string;
  try {
    raw = (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
  } catch (error) {
    throw badFile(name, say('the Word document cannot be read ({reason}).', { reason: (error as Error).message }));
  }
  // mammoth ends every paragraph with a blank line; a line break inside one gives a single "\n".
  const paragraphs = raw.split(/\n\n/).map((p) => trimLineEnds(canonicalizeText(stripControls(p))));
  const lines: string[] = [];
  const directions: ParagraphDirection[] = [];
  // Each paragraph's flags are found by its key, at the first position after the last match.
  const byKey = new Map<string, number[]>();
  flags.forEach((f, i) => {
    const k = key(f.text);
    const list = byKey.get(k);
    if (list) list.push(i);
    else byKey.set(k, [i]);
  });
  const next = new Map<string, number>();
  let cursor = 0;
  for (const paragraph of paragraphs) {
    if (!paragraph.trim()) continue;
    const k = key(paragraph);
    // Matches only move forward, so each key's list is read once from where it was left.
    const list = byKey.get(k);
    let at = next.get(k) ?? 0;
    while (list && at < list.length && list[at]! < cursor) at += 1;
    next.set(k, at);
    const match = list && at < list.length ? list[at]! : -1;
    const dir = match >= 0 ? (flags[match]!.rtl ? 'rtl' : 'ltr') : paragraphDirection(paragraph);
    if (match >= 0) cursor = match + 1;
    for (const line of paragraph.split('\n')) {
      if (!line.trim()) continue;
      if (match >= 0) directions.push({ paragraph: lines.length, dir });
      lines.push(line);
    }
  }
  const text = lines.join('\n');
  if (!text.trim()) throw badFile(name, say('the Word document holds no text.'));
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
