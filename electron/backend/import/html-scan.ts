// One streaming pass over a web page (htmlparser2, no DOM, no recursion, so any nesting depth
// costs the same): its <title>, its text as block lines, and the lines of its article when it marks
// exactly one (an outermost <article>). Elements that never hold article text are skipped whole.

import { Parser } from 'htmlparser2';

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
}

export function scanHtml(html: string): HtmlScan {
  const titleParts: string[] = [];
  const body = new TextLines();
  const inArticle = new TextLines();
  let inTitle = false;
  let titleDone = false;
  let foreign = 0;
  let dropped = 0;
  let pre = 0;
  let articleDepth = 0;
  let articles = 0;
  const flush = () => {
    body.flush();
    inArticle.flush();
  };
  const parser = new Parser(
    {
      onopentag(name) {
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
      },
      onclosetag(name) {
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
      },
      ontext(text) {
        if (inTitle) titleParts.push(text);
        if (dropped > 0) return;
        body.text(text, pre > 0);
        if (articleDepth > 0) inArticle.text(text, pre > 0);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return {
    title: titleParts.join('').replace(/\s+/g, ' ').trim(),
    body: body.done(),
    article: articles === 1 ? inArticle.done() : null,
  };
}
