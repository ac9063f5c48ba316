// A saved web page becomes its readable text, one paragraph per block. Only text is ever kept:
// no markup, no attribute, no URL; nothing is rendered and no script runs (neither htmlparser2 nor
// linkedom has a script engine), so no sanitiser is needed on this path. Elements whose content is
// never article text (scripts, styles, forms, frames, SVG, MathML…) are dropped with their content.
//
// Every page is first read in one streaming pass (html-scan.ts: htmlparser2's tokenizer, no DOM).
// A page that marks its article (one <article> with enough text) gives that element's text from
// it; a page nested deeper than MAX_HTML_DEPTH gives its whole body's text, flat; any other page
// goes through Readability on linkedom (a light DOM) to find its article.

import { badFile } from '../../../shared/api/errors';
import { say } from '../../../shared/domain/message';
import { MAX_HTML_DEPTH } from '../../../shared/domain/limits';
import { checkSize } from './decode';
import { decodeHtml } from './html-encoding';
import { BLOCK_TAGS, DROPPED_TAGS, scanHtml, TextLines } from './html-scan';

export interface HtmlText {
  /** The article's title, put before the text when the text does not start with it. */
  title: string;
  /** The page's own <title>, the source's name. */
  pageTitle: string;
  text: string;
}

/** Readability's own threshold: an article shorter than this is not trusted as one. */
const ARTICLE_MIN_CHARS = 500;

interface DomNode {
  nodeType: number;
  nodeValue: string | null;
  tagName?: string;
  firstChild: DomNode | null;
  nextSibling: DomNode | null;
}

/** A node's children, by firstChild/nextSibling: linkedom's childNodes walks the whole subtree. */
function* childrenOf(node: DomNode): Generator<DomNode> {
  for (let child = node.firstChild; child; child = child.nextSibling) yield child;
}

/** The block text of a DOM subtree, walked without recursion. */
function domLines(root: DomNode): string[] {
  const out = new TextLines();
  const stack: { node: DomNode; pre: boolean; exit?: boolean }[] = [{ node: root, pre: false }];
  while (stack.length > 0) {
    const { node, pre, exit } = stack.pop()!;
    const tag = node.tagName?.toLowerCase() ?? '';
    if (exit) {
      if (BLOCK_TAGS.has(tag)) out.flush();
      continue;
    }
    if (node.nodeType === 3) {
      out.text(node.nodeValue ?? '', pre);
      continue;
    }
    if (node.nodeType !== 1) continue;
    if (tag === 'br') {
      out.flush();
      continue;
    }
    if (BLOCK_TAGS.has(tag)) out.flush();
    if (tag === 'td' || tag === 'th') out.cell();
    stack.push({ node, pre, exit: true });
    const children = [...childrenOf(node)];
    for (let i = children.length - 1; i >= 0; i -= 1) stack.push({ node: children[i]!, pre: pre || tag === 'pre' });
  }
  return out.done();
}

async function readabilityText(html: string, pageTitle: string): Promise<{ title: string; lines: string[] | null }> {
  const [{ parseHTML }, { Readability }] = await Promise.all([import('linkedom'), import('@mozilla/readability')]);
  const { document } = parseHTML(html);
  // The head stays: Readability reads the title and metadata there.
  document.querySelectorAll([...DROPPED_TAGS].filter((t) => t !== 'head' && t !== 'title').join(', ')).forEach((el) => el.remove());
  const article = new Readability(document as unknown as Document, { serializer: (el) => el, keepClasses: true }).parse();
  const lines = article?.content ? domLines(article.content as unknown as DomNode) : null;
  return { title: (article?.title || pageTitle).trim(), lines };
}

export async function htmlToText(name: string, bytes: Uint8Array): Promise<HtmlText> {
  checkSize(name, bytes.length);
  const html = decodeHtml(bytes);
  const scan = scanHtml(html);
  const pageTitle = scan.title;
  let title = pageTitle;
  let lines: string[];
  const article = scan.article;
  if (article && article.join('\n').length >= ARTICLE_MIN_CHARS) {
    lines = article;
  } else if (scan.depth > MAX_HTML_DEPTH) {
    // Readability's work grows with depth (and the DOM's parser's too): a page nested deeper than
    // this is read flat, every block of its body, as the scan already has it.
    lines = scan.body;
  } else {
    const read = await readabilityText(html, pageTitle);
    title = read.title;
    lines = read.lines ?? [];
    // Readability gives up on short or unusual pages; the whole body is then the text.
    if (lines.join('\n').trim().length < 40) lines = scan.body;
  }
  const text = lines.join('\n');
  if (!text.trim()) throw badFile(name, say('the page has no readable text.'));
  return { title, pageTitle, text };
}
