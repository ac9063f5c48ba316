// Lexical nodes of the reader. A SourceParagraphNode is one line of the canonical text with its
// stored direction; a SegmentTextNode is one flat run of text carrying its start offset and the
// ids of every segment covering it. The DOM carries the offsets (data-start, data-end), which is
// how a selection made with the mouse becomes offsets into the canonical text.

import {
  $applyNodeReplacement,
  ElementNode,
  TextNode,
  type EditorConfig,
  type NodeKey,
  type SerializedElementNode,
  type SerializedTextNode,
  type Spread,
} from 'lexical';

type SerializedParagraph = Spread<{ index: number; start: number; end: number; stripes: string }, SerializedElementNode>;
type SerializedSegmentText = Spread<{ start: number; segments: string }, SerializedTextNode>;

export class SourceParagraphNode extends ElementNode {
  __index: number;
  __start: number;
  __end: number;
  /** CSS box-shadow drawing one margin stripe per concept coded in the paragraph. */
  __stripes: string;
  /** The page marker of a PDF page starting in this paragraph (e.g. "p. 7"), or ''. */
  __page: string;

  static override getType(): string {
    return 'gw-paragraph';
  }

  static override clone(node: SourceParagraphNode): SourceParagraphNode {
    return new SourceParagraphNode(node.__index, node.__start, node.__end, node.__stripes, node.__key, node.__page);
  }

  constructor(index = 0, start = 0, end = 0, stripes = '', key?: NodeKey, page = '') {
    super(key);
    this.__page = page;
    this.__index = index;
    this.__start = start;
    this.__end = end;
    this.__stripes = stripes;
  }

  override createDOM(): HTMLElement {
    const p = document.createElement('p');
    p.className = 'gw-para';
    p.dataset.para = String(this.__index);
    p.dataset.start = String(this.__start);
    p.dataset.end = String(this.__end);
    if (this.__stripes) p.style.boxShadow = this.__stripes;
    if (this.__page) p.dataset.page = this.__page;
    return p;
  }

  override updateDOM(prev: SourceParagraphNode): boolean {
    return (
      prev.__start !== this.__start ||
      prev.__end !== this.__end ||
      prev.__stripes !== this.__stripes ||
      prev.__index !== this.__index ||
      prev.__page !== this.__page
    );
  }

  static override importJSON(json: SerializedParagraph): SourceParagraphNode {
    return new SourceParagraphNode(json.index, json.start, json.end, json.stripes);
  }

  override exportJSON(): SerializedParagraph {
    return { ...super.exportJSON(), index: this.__index, start: this.__start, end: this.__end, stripes: this.__stripes };
  }
}

export class SegmentTextNode extends TextNode {
  __start: number;
  /** Comma-separated ids of the segments covering this run, innermost first; '' when uncoded. */
  __segments: string;

  static override getType(): string {
    return 'gw-text';
  }

  static override clone(node: SegmentTextNode): SegmentTextNode {
    return new SegmentTextNode(node.__text, node.__start, node.__segments, node.__key);
  }

  constructor(text = '', start = 0, segments = '', key?: NodeKey) {
    super(text, key);
    this.__start = start;
    this.__segments = segments;
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const dom = super.createDOM(config);
    dom.dataset.start = String(this.__start);
    if (this.__segments) {
      dom.dataset.segments = this.__segments;
      dom.classList.add('gw-coded');
    }
    return dom;
  }

  override updateDOM(prev: this, dom: HTMLElement, config: EditorConfig): boolean {
    if (prev.__start !== this.__start || prev.__segments !== this.__segments) return true;
    return super.updateDOM(prev, dom, config);
  }

  /** Runs stay apart: merging them would lose the segment boundaries. */
  override isUnmergeable(): boolean {
    return true;
  }

  static override importJSON(json: SerializedSegmentText): SegmentTextNode {
    return new SegmentTextNode(json.text, json.start, json.segments);
  }

  override exportJSON(): SerializedSegmentText {
    return { ...super.exportJSON(), start: this.__start, segments: this.__segments };
  }
}

export const $createSourceParagraph = (index: number, start: number, end: number, stripes: string, page = '') =>
  $applyNodeReplacement(new SourceParagraphNode(index, start, end, stripes, undefined, page));

export const $createSegmentText = (text: string, start: number, segments: string) =>
  $applyNodeReplacement(new SegmentTextNode(text, start, segments));

export const READER_NODES = [SourceParagraphNode, SegmentTextNode];
