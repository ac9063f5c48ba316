// A saved web page becomes its readable text: Readability picks the article, and only text nodes
// are kept, one paragraph per block. Three layers keep anything executable out: jsdom runs no
// scripts and loads nothing; DOMPurify (on jsdom's window) sanitises the page before anything
// reads it (scripts, event handlers, javascript: URLs, frames, SVG and MathML go); and only the
// text of what is left is stored, never markup.

import { Readability } from '@mozilla/readability';
import createDOMPurify from 'dompurify';
import { JSDOM } from 'jsdom';
import { GroundworkError } from '../../../shared/api/errors';
import { checkSize } from './decode';

const DROPPED = 'script, style, noscript, template, iframe, object, embed, svg, canvas, math, form, button, select, input, textarea';

const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER',
  'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION',
  'TABLE', 'TBODY', 'THEAD', 'TFOOT', 'TR', 'UL', 'CAPTION', 'DETAILS', 'SUMMARY',
]);

export interface HtmlText {
  title: string;
  text: string;
}

/** Collects text with a line break around every block and at <br>; cells are tab-separated. */
function blockText(root: Element): string {
  const lines: string[] = [];
  let line = '';
  const flush = () => {
    const clean = line.replace(/[ \t\f\v\u00A0]+/g, ' ').trim();
    if (clean) lines.push(clean);
    line = '';
  };
  const walk = (node: Node, pre: boolean) => {
    if (node.nodeType === 3) {
      line += pre ? node.nodeValue ?? '' : (node.nodeValue ?? '').replace(/\s+/g, ' ');
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    const tag = el.tagName;
    if (tag === 'BR') {
      flush();
      return;
    }
    const block = BLOCKS.has(tag);
    if (block) flush();
    if (tag === 'TD' || tag === 'TH') line += line ? '\t' : '';
    for (const child of Array.from(el.childNodes)) walk(child, pre || tag === 'PRE');
    if (block) flush();
  };
  walk(root, false);
  flush();
  return lines.join('\n');
}

const PURIFY_CONFIG = {
  WHOLE_DOCUMENT: true,
  USE_PROFILES: { html: true },
  FORBID_TAGS: DROPPED.split(', ').concat(['link', 'meta', 'base', 'frame', 'frameset', 'applet', 'img', 'video', 'audio', 'source', 'picture']),
  FORBID_ATTR: ['style', 'srcset', 'action', 'formaction', 'background', 'ping'],
  ALLOW_DATA_ATTR: false,
};

/** Sanitises an HTML document with DOMPurify; returns the clean HTML and what was removed. */
export function sanitizeHtml(html: string): { html: string; removed: string[] } {
  const { window } = new JSDOM('');
  try {
    const purify = createDOMPurify(window as unknown as Parameters<typeof createDOMPurify>[0]);
    const clean = purify.sanitize(html, PURIFY_CONFIG) as unknown as string;
    const removed = purify.removed.map((r) =>
      'attribute' in r && r.attribute ? `@${r.attribute.name}` : `<${((r as { element: Element }).element.nodeName ?? '').toLowerCase()}>`,
    );
    return { html: clean, removed };
  } finally {
    window.close();
  }
}

export function htmlToText(name: string, bytes: Uint8Array): HtmlText {
  checkSize(name, bytes.length);
  // Given bytes, jsdom sniffs the encoding from the BOM or <meta charset>, as a browser would.
  const raw = new JSDOM(Buffer.from(bytes), { contentType: 'text/html' });
  let pageTitle: string;
  let html: string;
  try {
    pageTitle = raw.window.document.title.trim();
    // Elements whose content is never article text go first, with their content.
    raw.window.document.querySelectorAll(DROPPED).forEach((el) => el.remove());
    html = raw.serialize();
  } finally {
    raw.window.close();
  }
  const dom = new JSDOM(sanitizeHtml(html).html, { contentType: 'text/html' });
  try {
    const doc = dom.window.document;
    const article = new Readability(doc.cloneNode(true) as Document, { serializer: (el) => el }).parse();
    let text = article?.content ? blockText(article.content as unknown as Element) : '';
    // Readability gives up on short or unusual pages; the whole body is then the text.
    if (text.trim().length < 40 && doc.body) text = blockText(doc.body);
    if (!text.trim()) throw new GroundworkError('bad-file', `${name}: the page has no readable text.`);
    const title = (article?.title || pageTitle).trim();
    return { title, text };
  } finally {
    dom.window.close();
  }
}
