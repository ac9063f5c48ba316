// Turning the bytes of project.qde or a .qdc into a plain element tree with line numbers. A
// document type declaration (and with it any entity definition) is refused before any parser sees
// the text, so no entity can expand or reach outside the file; well-formedness and validity are
// checked by libxml2 (schema.ts) before this parser runs.

import { XMLParser } from 'fast-xml-parser';
import { badFile as bad } from '../../../shared/api/errors';
import { say, type Message } from '../../../shared/domain/message';

export interface XmlElement {
  /** Local name, without a namespace prefix. */
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** The element's own character data (its text children joined), exactly as written. */
  text: string;
  line: number;
}


/** UTF-8 (BOM or not), or UTF-16 with a BOM; the XML declaration is made to say UTF-8 to match. */
export function decodeXml(file: string, bytes: Uint8Array): string {
  let text: string;
  try {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le', { fatal: true }).decode(bytes.subarray(2));
    else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder('utf-16be', { fatal: true }).decode(bytes.subarray(2));
    else text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw bad(file, say('the XML is not valid UTF-8 (or UTF-16 with a byte order mark) text.'));
  }
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  return text.replace(/^(<\?xml[^>]*?encoding\s*=\s*)(["'])[^"']*\2/, '$1"UTF-8"');
}

/** Refuses a DOCTYPE or ENTITY declaration anywhere outside comments and CDATA sections. */
export function refuseDoctype(file: string, xml: string): void {
  const markup = xml.replace(/<!--[\s\S]*?-->/g, (m) => ' '.repeat(m.length)).replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, (m) => ' '.repeat(m.length));
  const found = /<!(DOCTYPE|ENTITY)/i.exec(markup);
  if (found) {
    const line = lineOf(xml, found.index);
    throw bad(file, say('line {line}: the XML declares a {declaration}; exchange files never need one, and it is refused for safety.', { line, declaration: found[1]!.toUpperCase() }));
  }
}

/** The root element's local name, read before parsing to choose the schema. */
export function rootName(xml: string): string | null {
  const m = /^(?:\s|<\?[\s\S]*?\?>|<!--[\s\S]*?-->)*<(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)/.exec(xml);
  return m ? m[1]! : null;
}

export function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line += 1;
  return line;
}

function lineIndex(text: string): (index: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (index) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= index) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

const META = XMLParser.getMetaDataSymbol() as unknown as symbol;

type OrderedNode = Record<string, unknown> & { ':@'?: Record<string, string> };

/** Parses a document libxml2 has already found well formed (DOCTYPE refused before). */
export function parseXml(xml: string): XmlElement {
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    captureMetaData: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    removeNSPrefix: false,
    processEntities: true,
    // Needed for numeric character references (&#233;); libxml2 has already refused any named
    // entity XML does not predefine, so no HTML entity can reach this parser.
    htmlEntities: true,
    ignoreDeclaration: true,
    ignorePiTags: true,
  });
  const line = lineIndex(xml);
  const convert = (node: OrderedNode): XmlElement | null => {
    const key = Object.keys(node).find((k) => k !== ':@');
    if (!key || key === '#text' || key.startsWith('?') || key === '#comment') return null;
    const meta = (node as Record<symbol, { startIndex?: number } | undefined>)[META];
    const body = (node[key] as OrderedNode[] | undefined) ?? [];
    const children: XmlElement[] = [];
    let text = '';
    for (const child of body) {
      if ('#text' in child) text += String(child['#text']);
      else {
        const el = convert(child);
        if (el) children.push(el);
      }
    }
    const attrs: Record<string, string> = {};
    // QDA-XML's own attributes are unqualified; prefixed ones (xsi:…, xmlns:…) keep their prefix.
    for (const [k, v] of Object.entries(node[':@'] ?? {})) attrs[k] = String(v);
    return { name: key.replace(/^[\w.-]+:/, ''), attrs, children, text, line: meta?.startIndex === undefined ? 0 : line(meta.startIndex) };
  };
  const roots = (parser.parse(xml) as OrderedNode[]).map(convert).filter((e): e is XmlElement => e !== null);
  if (roots.length !== 1) throw new Error('parseXml: expected one root element');
  return roots[0]!;
}

/** Child elements of a name. */
export const childrenNamed = (el: XmlElement | undefined, name: string) => el?.children.filter((c) => c.name === name) ?? [];
export const firstChild = (el: XmlElement | undefined, name: string) => el?.children.find((c) => c.name === name);
/** Where an element is, for messages: `Code guid=… (line 12)`. */
/** Where an element is: its name, its GUID and its line (`Code 5A3… (line 12)`). */
export const placeOf = (el: XmlElement): Message =>
  el.attrs.guid ? say('{element} {guid} (line {line})', { element: el.name, guid: el.attrs.guid, line: el.line }) : say('{element} (line {line})', { element: el.name, line: el.line });
