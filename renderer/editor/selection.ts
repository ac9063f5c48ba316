// From the page's DOM selection to offsets in the canonical text. Each text run carries its start
// offset (data-start) and each paragraph its start and end, so a point in the DOM maps to one
// offset whatever the direction of the text or of the drag, and across chunk editors.

const RUN = 'span[data-start]';
const PARAGRAPH = 'p.gw-para';

function runEnd(run: HTMLElement): number {
  return Number(run.dataset.start) + (run.textContent?.length ?? 0);
}

/** The offset at the start of a node's content. */
function firstOffset(node: Node): number | null {
  if (node.nodeType === Node.TEXT_NODE) {
    const run = node.parentElement?.closest<HTMLElement>(RUN);
    return run ? Number(run.dataset.start) : null;
  }
  if (!(node instanceof HTMLElement)) return null;
  if (node.matches(RUN) || node.matches(PARAGRAPH)) return Number(node.dataset.start);
  const inner = node.querySelector<HTMLElement>(`${RUN}, ${PARAGRAPH}`);
  return inner ? Number(inner.dataset.start) : null;
}

/** The offset at the end of a node's content. */
function lastOffset(node: Node): number | null {
  if (node.nodeType === Node.TEXT_NODE) {
    const run = node.parentElement?.closest<HTMLElement>(RUN);
    return run ? runEnd(run) : null;
  }
  if (!(node instanceof HTMLElement)) return null;
  if (node.matches(RUN)) return runEnd(node);
  if (node.matches(PARAGRAPH)) return Number(node.dataset.end);
  const paragraphs = node.querySelectorAll<HTMLElement>(PARAGRAPH);
  const last = paragraphs[paragraphs.length - 1];
  return last ? Number(last.dataset.end) : null;
}

/** The canonical-text offset of a DOM boundary point (a selection's anchor or focus). */
export function offsetOfPoint(node: Node, offset: number): number | null {
  if (node.nodeType === Node.TEXT_NODE) {
    const run = node.parentElement?.closest<HTMLElement>(RUN);
    if (run) return Number(run.dataset.start) + Math.min(offset, node.textContent?.length ?? 0);
    return null;
  }
  const children = node.childNodes;
  if (offset < children.length) {
    const at = firstOffset(children[offset]!);
    if (at !== null) return at;
  }
  if (offset > 0) {
    const before = lastOffset(children[Math.min(offset, children.length) - 1]!);
    if (before !== null) return before;
  }
  // An empty paragraph (<p><br></p>) or a point inside a run's element itself.
  if (node instanceof HTMLElement) {
    const holder = node.closest<HTMLElement>(`${RUN}, ${PARAGRAPH}`);
    if (holder) return offset === 0 ? Number(holder.dataset.start) : lastOffset(holder);
  }
  return null;
}

export interface SelectedRange {
  start: number;
  end: number;
}

/** The selection as [start, end) if both its ends lie inside `root`, else null. */
export function selectionOffsets(selection: Selection | null, root: HTMLElement): SelectedRange | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const { anchorNode, focusNode } = selection;
  if (!anchorNode || !focusNode || !root.contains(anchorNode) || !root.contains(focusNode)) return null;
  const a = offsetOfPoint(anchorNode, selection.anchorOffset);
  const b = offsetOfPoint(focusNode, selection.focusOffset);
  if (a === null || b === null || a === b) return null;
  return { start: Math.min(a, b), end: Math.max(a, b) };
}
