// Building QDA-XML with fast-xml-parser's builder, element order as given. Text and attribute
// values are escaped by the builder; characters XML 1.0 cannot carry at all (most control
// characters, lone surrogates) are dropped and counted, and line breaks inside attribute values
// become spaces, as every XML reader would make them.

import { XMLBuilder } from 'fast-xml-parser';
import { sayCount, type Message } from '../../../shared/domain/message';

export type XmlNode = Record<string, unknown>;

/** An element: attributes (undefined ones left out) and children, or its text. */
export function el(name: string, attrs: Record<string, string | undefined>, content: (XmlNode | null)[] | string = []): XmlNode {
  const defined = Object.fromEntries(Object.entries(attrs).filter((e): e is [string, string] => e[1] !== undefined));
  const children = typeof content === 'string' ? [{ '#text': content }] : content.filter((c): c is XmlNode => c !== null);
  return Object.keys(defined).length ? { [name]: children, ':@': defined } : { [name]: children };
}

const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

function sanitise(node: XmlNode, dropped: { count: number }): XmlNode {
  const clean = (s: string) =>
    s.replace(NOT_XML, () => {
      dropped.count += 1;
      return '';
    });
  const out: XmlNode = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === '#text') out[key] = clean(String(value));
    else if (key === ':@') out[key] = Object.fromEntries(Object.entries(value as Record<string, string>).map(([k, v]) => [k, clean(v).replace(/[\t\n\r]/g, ' ')]));
    else out[key] = (value as XmlNode[]).map((c) => sanitise(c, dropped));
  }
  return out;
}

/** The whole document, with its XML declaration; `warnings` gets a line if characters were dropped. */
export function buildXml(root: XmlNode, warnings: Message[]): string {
  const dropped = { count: 0 };
  const builder = new XMLBuilder({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    // Without this the builder writes a "true" attribute bare (isCodable), which is not XML.
    suppressBooleanAttributes: false,
    suppressEmptyNode: true,
    format: true,
    indentBy: ' ',
    processEntities: true,
  });
  const body = builder.build([sanitise(root, dropped)]) as string;
  if (dropped.count) warnings.push(sayCount(dropped.count, '{n} character that XML cannot carry (a control character) was left out of labels and memos.', '{n} characters that XML cannot carry (control characters) were left out of labels and memos.'));
  return `<?xml version="1.0" encoding="utf-8"?>\n${body.trimStart()}`;
}

/** A short excerpt for a selection's name: at most `max` code points, never half a surrogate pair. */
export function excerpt(text: string, max = 80): string {
  const cut = Array.from(text.slice(0, max * 2)).slice(0, max).join('');
  return cut.replace(/[\uD800-\uDBFF]$/, '').replace(/\s+/g, ' ').trim();
}
