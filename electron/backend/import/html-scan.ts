// One streaming pass over a web page (htmlparser2's tokenizer, no DOM, no recursion, so any nesting
// depth costs the same): its <title>, its text as block lines, the lines of its article when it
// marks exactly one (an outermost <article>), and how deep it nests. Elements that never hold
// article text are skipped whole.

import { Tokenizer } from 'htmlparser2';

/** Dropped with their content: never article text, and the only places anything active lives. */
export const DROPPED_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'canvas', 'math',
  'form', 'button', 'select', 'input', 'textarea', 'frame', 'frameset', 'applet', 'head', 'title',
]);

/** A line break before and after each of these; cells are tab-separated. */
export const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section',
  'table', 'tbody', 'thead', 'tfoot', 'tr', 'ul', 'caption', 'details', 'summary',
]);

/** Text gathered into lines: runs of white space fold to one space outside <pre>, blank lines go. */
export class TextLines {
  private lines: string[] = [];
  private parts: string[] = [];
  text(value: string, pre: boolean): void {
    this.parts.push(pre ? value : value.replace(/\s+/g, ' '));
  }
  cell(): void {
    if (this.parts.length > 0) this.parts.push('\t');
  }
  /** Ends the current line; returns whether it held text. */
  flush(): boolean {
    const clean = this.parts.join('').replace(/[ \t\f\v\u00A0]+/g, ' ').trim();
    this.parts = [];
    if (clean) this.lines.push(clean);
    return !!clean;
  }
  done(): string[] {
    this.flush();
    return this.lines;
  }
}

export interface HtmlScan {
  title: string;
  /** Every block line of the body. */
  body: string[];
  /** The lines of the page's one outermost <article>, if it has exactly one. */
  article: string[] | null;
  /** How deep elements nest (an upper bound: implied end tags are only partly applied). */
  depth: number;
}

/** Elements that never have content or an end tag. */
const VOID = new Set(['area', 'base', 'basefont', 'br', 'col', 'embed', 'frame', 'hr', 'img', 'image', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
/** Opening one of these ends an open one of the same name on top (as <p><p> in a browser). */
const ENDS_ITS_PEER = new Set(['p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option']);
/** An end tag closes the element it names only this near the top; farther, it is ignored. */
const CLOSE_REACH = 64;

/**
 * The scan runs on htmlparser2's tokenizer with its own stack of open elements (push and pop):
 * htmlparser2's Parser keeps its stack with shift/unshift, whose cost grows with the depth, so a
 * page nested 200,000 deep would take minutes there and takes milliseconds here.
 */
export function scanHtml(html: string): HtmlScan {
  const titleParts: string[] = [];
  const body = new TextLines();
  const inArticle = new TextLines();
  const stack: string[] = [];
  let depth = 0;
  let inTitle = false;
  let titleDone = false;
  let foreign = 0;
  let dropped = 0;
  let pre = 0;
  let articleDepth = 0;
  let articles = 0;
  let tagName = '';
  const flush = () => {
    body.flush();
    inArticle.flush();
  };
  const text = (value: string) => {
    if (inTitle) titleParts.push(value);
    if (dropped > 0) return;
    body.text(value, pre > 0);
    if (articleDepth > 0) inArticle.text(value, pre > 0);
  };
  const opened = (name: string) => {
    // The page's title is its first <title> outside SVG and MathML (which have their own).
    if (name === 'title' && !titleDone && foreign === 0) inTitle = true;
    if (name === 'svg' || name === 'math') foreign += 1;
    if (DROPPED_TAGS.has(name)) dropped += 1;
    if (dropped > 0) return;
    if (name === 'br' || BLOCK_TAGS.has(name)) flush();
    if (name === 'article') {
      if (articleDepth === 0) articles += 1;
      articleDepth += 1;
    }
    if (name === 'pre') pre += 1;
    if (name === 'td' || name === 'th') {
      body.cell();
      if (articleDepth > 0) inArticle.cell();
    }
  };
  const closed = (name: string) => {
    if (name === 'title' && inTitle) {
      inTitle = false;
      titleDone = true;
    }
    if (name === 'svg' || name === 'math') foreign = Math.max(0, foreign - 1);
    if (DROPPED_TAGS.has(name)) {
      dropped = Math.max(0, dropped - 1);
      return;
    }
    if (dropped > 0) return;
    if (BLOCK_TAGS.has(name)) flush();
    if (name === 'article') articleDepth = Math.max(0, articleDepth - 1);
    if (name === 'pre') pre = Math.max(0, pre - 1);
  };
  const open = (name: string) => {
    if (ENDS_ITS_PEER.has(name) && stack[stack.length - 1] === name) closed(stack.pop()!);
    opened(name);
    if (VOID.has(name)) return;
    stack.push(name);
    if (stack.length > depth) depth = stack.length;
  };
  const close = (name: string) => {
    if (VOID.has(name)) {
      if (name === 'br') flush();
      return;
    }
    const reach = Math.max(0, stack.length - CLOSE_REACH);
    for (let i = stack.length - 1; i >= reach; i -= 1) {
      if (stack[i] !== name) continue;
      while (stack.length > i) closed(stack.pop()!);
      return;
    }
    // An end tag with nothing to end still ends a line where it ends a block (</p> alone).
    if (BLOCK_TAGS.has(name) && dropped === 0) flush();
  };
  const tokenizer = new Tokenizer(
    { decodeEntities: true },
    {
      onattribdata() {},
      onattribentity() {},
      onattribend() {},
      onattribname() {},
      oncdata() {},
      oncomment() {},
      ondeclaration() {},
      onprocessinginstruction() {},
      onend() {},
      onopentagname(start, end) {
        tagName = html.slice(start, end).toLowerCase();
      },
      onopentagend() {
        open(tagName);
      },
      onselfclosingtag() {
        // HTML ignores the slash of <div/>: it opens the element like any start tag.
        open(tagName);
      },
      onclosetag(start, end) {
        close(html.slice(start, end).toLowerCase());
      },
      ontext(start, end) {
        text(html.slice(start, end));
      },
      ontextentity(codepoint) {
        text(String.fromCodePoint(codepoint));
      },
    },
  );
  tokenizer.write(html);
  tokenizer.end();
  while (stack.length > 0) closed(stack.pop()!);
  return {
    title: titleParts.join('').replace(/\s+/g, ' ').trim(),
    body: body.done(),
    article: articles === 1 ? inArticle.done() : null,
    depth,
  };
}
