// The reader's caret and selection, kept as offsets into the canonical text (anchor and focus), so
// the keyboard can select across paragraphs and chunks, and into chunks not mounted yet. The page's
// own selection is only its picture: set from the offsets for what is mounted, and read back when
// the mouse makes one. Keys: arrows by letter, Ctrl+arrows by word (left/right follow the
// paragraph's direction), Home/End, Ctrl+Home/End, up/down by line, Alt+up/down between coded
// passages, Enter opens the coded passage at the caret; Shift extends.

import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { VirtuosoHandle } from 'react-virtuoso';
import type { SegmentId } from '../../shared/domain/ids';
import type { OpenDocument } from '../state/store';
import { chunkOfParagraph } from './layout';
import { extendToWords, moveOffset, paragraphIndexAt, wordAt, type Step } from './caret-moves';
import { caretRect, offsetAtPoint, pointAt, rangeBetween } from './dom-points';
import { offsetOfPoint } from './selection';

export interface Caret {
  anchor: number;
  focus: number;
}

export interface CaretSelection {
  start: number;
  end: number;
  rect: { top: number; left: number; bottom: number; right: number };
}

interface Options {
  rootRef: RefObject<HTMLDivElement | null>;
  caretRef: RefObject<HTMLDivElement | null>;
  virtuosoRef: RefObject<VirtuosoHandle | null>;
  doc: OpenDocument | null;
  /** Starts of the coded passages, sorted, for Alt+up/down. */
  passageStarts: readonly number[];
  wholeWords: boolean;
  onSelection(selection: CaretSelection | null, by: 'keyboard' | 'mouse'): void;
  onOpenPassage(ids: SegmentId[], x: number, y: number): void;
  onAnnounce(text: string): void;
}

type Expected = { a: number; b: number } | 'none' | null;

const scrollerOf = (root: HTMLElement) => root.querySelector<HTMLElement>('[data-testid="virtuoso-scroller"]') ?? root;
const toRect = (r: DOMRect) => ({ top: r.top, left: r.left, bottom: r.bottom, right: r.right });

export function useReaderCaret(o: Options) {
  const model = useRef<Caret | null>(null);
  /** What the page's selection was last set to by us, so its echo is not taken as a new one. */
  const expected = useRef<Expected>(null);
  /** The text nodes the page's selection ended in when last set or read: if the reader unmounts
   * them (a chunk scrolled away, a chunk rebuilt), the selection changes without the user. */
  const ends = useRef<Node[]>([]);
  const mouse = useRef<{ x: number; y: number } | null>(null);
  const stickyX = useRef<number | null>(null);
  const pendingReveal = useRef<number | null>(null);
  const frame = useRef(0);
  const options = useRef(o);
  options.current = o;
  const [, setTick] = useState(0);

  const drawCaret = useCallback(() => {
    const root = options.current.rootRef.current;
    const el = options.current.caretRef.current;
    if (!root || !el) return;
    const c = model.current;
    // The offsets, for tests and tools: the caret element is hidden from assistive technology.
    el.dataset.anchor = c ? String(c.anchor) : '';
    el.dataset.focus = c ? String(c.focus) : '';
    const rect = c ? caretRect(root, c.focus) : null;
    const view = scrollerOf(root).getBoundingClientRect();
    if (!rect || rect.bottom < view.top || rect.top > view.bottom) {
      el.style.display = 'none';
      return;
    }
    el.style.display = '';
    el.style.left = `${rect.left - 1}px`;
    el.style.top = `${rect.top}px`;
    el.style.height = `${rect.height}px`;
  }, []);

  /** Sets the page's selection from the offsets, for whatever part of them is mounted. */
  const paint = useCallback(() => {
    const root = options.current.rootRef.current;
    const c = model.current;
    const selection = window.getSelection();
    if (!root || !c || !selection || mouse.current) return drawCaret();
    const start = Math.min(c.anchor, c.focus);
    const end = Math.max(c.anchor, c.focus);
    const range = start === end ? null : rangeBetween(root, start, end);
    if (range) {
      const forward = c.anchor <= c.focus;
      const [an, ao, fn, fo] = forward
        ? [range.startContainer, range.startOffset, range.endContainer, range.endOffset]
        : [range.endContainer, range.endOffset, range.startContainer, range.startOffset];
      const a = offsetOfPoint(an, ao);
      const b = offsetOfPoint(fn, fo);
      if (a !== null && b !== null) {
        const current =
          selection.rangeCount > 0 && selection.anchorNode && selection.focusNode
            ? [offsetOfPoint(selection.anchorNode, selection.anchorOffset), offsetOfPoint(selection.focusNode, selection.focusOffset)]
            : [];
        if (current[0] !== a || current[1] !== b) {
          expected.current = { a, b };
          selection.setBaseAndExtent(an, ao, fn, fo);
        }
        ends.current = [an, fn];
      }
    } else if (selection.rangeCount > 0 && !selection.isCollapsed && root.contains(selection.anchorNode)) {
      expected.current = 'none';
      selection.removeAllRanges();
    }
    drawCaret();
  }, [drawCaret]);

  const schedule = useCallback(() => {
    cancelAnimationFrame(frame.current);
    const seen = selectionEnds();
    frame.current = requestAnimationFrame(() => {
      const root = options.current.rootRef.current;
      const want = pendingReveal.current;
      if (root && want !== null && caretRect(root, want)) {
        pendingReveal.current = null;
        reveal(want);
      }
      // A selection made since this repaint was asked for (a click, a script, the next passage
      // chosen right after coding) is newer than the offsets it would restore: leave it be.
      if (!sameEnds(seen, selectionEnds())) return drawCaret();
      paint();
    });
    // reveal is stable (declared below with refs only).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [paint]);

  /** Scrolls so the offset is on screen, mounting its chunk first if need be. */
  const reveal = (offset: number) => {
    const { rootRef, virtuosoRef, doc } = options.current;
    const root = rootRef.current;
    if (!root || !doc) return;
    const rect = caretRect(root, offset);
    if (!rect) {
      pendingReveal.current = offset;
      virtuosoRef.current?.scrollToIndex({ index: chunkOfParagraph(paragraphIndexAt(doc.paragraphs, offset)), align: 'center' });
      return;
    }
    const scroller = scrollerOf(root);
    const view = scroller.getBoundingClientRect();
    const margin = Math.min(60, view.height / 4);
    if (rect.top < view.top + margin) scroller.scrollBy(0, rect.top - view.top - margin);
    else if (rect.bottom > view.bottom - margin) scroller.scrollBy(0, rect.bottom - view.bottom + margin);
  };

  const publish = (by: 'keyboard' | 'mouse') => {
    const root = options.current.rootRef.current;
    const c = model.current;
    if (!root || !c || c.anchor === c.focus) return options.current.onSelection(null, by);
    const start = Math.min(c.anchor, c.focus);
    const end = Math.max(c.anchor, c.focus);
    // The coding bar goes where the user is looking: by the caret after a key, by the passage after a drag.
    const near = by === 'keyboard' ? caretRect(root, c.focus) : rangeBetween(root, start, end)?.getBoundingClientRect();
    const rect = near ?? rangeBetween(root, start, end)?.getBoundingClientRect() ?? scrollerOf(root).getBoundingClientRect();
    options.current.onSelection({ start, end, rect: toRect(rect) }, by);
  };

  // A new source starts without a caret.
  const docId = o.doc?.document.id;
  useEffect(() => {
    model.current = null;
    pendingReveal.current = null;
  }, [docId]);

  // The page's selection, read whenever it changes: a mouse selection becomes the offsets.
  useEffect(() => {
    const onChange = () => {
      const root = options.current.rootRef.current;
      if (!root || !options.current.doc) return;
      const selection = window.getSelection();
      const inside =
        !!selection && selection.rangeCount > 0 && !!selection.anchorNode && !!selection.focusNode && root.contains(selection.anchorNode) && root.contains(selection.focusNode);
      const a = inside ? offsetOfPoint(selection!.anchorNode!, selection!.anchorOffset) : null;
      const b = inside ? offsetOfPoint(selection!.focusNode!, selection!.focusOffset) : null;
      const echo = expected.current;
      if (echo === 'none' ? !inside || selection!.isCollapsed : echo && a === echo.a && b === echo.b) return;
      // Its ends were unmounted under it (a chunk scrolled away or rebuilt): the browser moved
      // the selection, the user did not. Such a change keeps one end where it was, or collapses
      // it; the offsets stand and are painted again. A new selection (a search hit, a script)
      // moves both ends and is taken.
      const m = model.current;
      const unmounted = ends.current.some((node) => !node.isConnected);
      ends.current = inside ? [selection!.anchorNode!, selection!.focusNode!] : [];
      if (!mouse.current && unmounted && m && (!inside || selection!.isCollapsed || a === m.anchor || b === m.focus)) {
        schedule();
        return;
      }
      expected.current = null;
      if (a === null || b === null) {
        // Focus moving into the coding bar collapses the page selection; the passage stays chosen.
        if (document.activeElement?.closest('.gw-coding-bar, .gw-popover')) return;
        if (model.current) model.current = { anchor: model.current.focus, focus: model.current.focus };
        options.current.onSelection(null, 'mouse');
        drawCaret();
        return;
      }
      model.current = { anchor: a, focus: b };
      stickyX.current = null;
      publish('mouse');
      drawCaret();
    };
    document.addEventListener('selectionchange', onChange);
    return () => document.removeEventListener('selectionchange', onChange);
    // publish and drawCaret read only refs.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Chunks mount and rebuild as the reader scrolls or a passage is coded: paint the selection and
  // the caret again each time, and follow scrolling.
  useEffect(() => {
    const root = o.rootRef.current;
    if (!root) return;
    const observer = new MutationObserver(schedule);
    observer.observe(root, { childList: true, subtree: true });
    const onScroll = () => requestAnimationFrame(drawCaret);
    root.addEventListener('scroll', onScroll, true);
    window.addEventListener('resize', onScroll);
    return () => {
      observer.disconnect();
      root.removeEventListener('scroll', onScroll, true);
      window.removeEventListener('resize', onScroll);
      cancelAnimationFrame(frame.current);
    };
  }, [o.rootRef, docId, schedule, drawCaret]);

  // A drag ends: with "whole words" on, its ends grow to whole words, and so do the words under
  // the pointer where it started and ended (Chromium leaves a Latin run or a number out of a
  // Persian line when a drag ends exactly at its edge).
  useEffect(() => {
    const onUp = (event: MouseEvent) => {
      const down = mouse.current;
      if (!down) return;
      mouse.current = null;
      const { rootRef, doc, wholeWords } = options.current;
      const root = rootRef.current;
      const c = model.current;
      // Keys go on from a mouse selection: the reader takes the focus if the text did not give it.
      if (root && !root.contains(document.activeElement)) root.focus({ preventScroll: true });
      if (!root || !doc || !c || c.anchor === c.focus || !wholeWords) return paint();
      let { start, end } = extendToWords(doc.text, doc.paragraphs, Math.min(c.anchor, c.focus), Math.max(c.anchor, c.focus));
      for (const point of [down, { x: event.clientX, y: event.clientY }]) {
        const word = wordUnder(root, doc, point.x, point.y);
        if (word) {
          start = Math.min(start, word.start);
          end = Math.max(end, word.end);
        }
      }
      const forward = c.anchor <= c.focus;
      model.current = forward ? { anchor: start, focus: end } : { anchor: end, focus: start };
      paint();
      publish('mouse');
    };
    window.addEventListener('mouseup', onUp);
    return () => window.removeEventListener('mouseup', onUp);
    // paint and publish read only refs.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const onMouseDown = (event: React.MouseEvent) => {
    if (event.button === 0) mouse.current = { x: event.clientX, y: event.clientY };
  };

  /** Tabbing into the reader puts the caret at the start of the first paragraph in view. */
  const onFocus = () => {
    const root = o.rootRef.current;
    if (!root || model.current || mouse.current) return drawCaret();
    const top = scrollerOf(root).getBoundingClientRect().top;
    const first = [...root.querySelectorAll<HTMLElement>('p.gw-para')].find((p) => p.getBoundingClientRect().bottom > top);
    if (!first) return;
    const at = Number(first.dataset.start);
    model.current = { anchor: at, focus: at };
    paint();
    setTick((n) => n + 1);
  };

  const vertical = (focus: number, direction: 1 | -1): number => {
    const { rootRef, doc } = options.current;
    const root = rootRef.current!;
    let rect = caretRect(root, focus);
    if (rect) {
      const scroller = scrollerOf(root);
      const view = scroller.getBoundingClientRect();
      const x = stickyX.current ?? rect.left;
      stickyX.current = x;
      let y = direction > 0 ? rect.bottom + rect.height / 2 : rect.top - rect.height / 2;
      if (y < view.top || y > view.bottom) {
        scroller.scrollBy(0, direction * rect.height * 2);
        rect = caretRect(root, focus) ?? rect;
        y = direction > 0 ? rect.bottom + rect.height / 2 : rect.top - rect.height / 2;
      }
      // The next line may sit past a paragraph's margin: look further until the point is on text.
      for (let step = 0; step < 12; step += 1) {
        const probe = y + direction * step * Math.max(4, rect.height / 4);
        if (probe < view.top || probe > view.bottom) break;
        const found = offsetAtPoint(root, x, probe, true);
        if (found !== null && found !== focus) return found;
      }
    }
    return moveOffset(doc!.text, doc!.paragraphs, focus, direction, 'paragraph');
  };

  const onKeyDown = (event: React.KeyboardEvent) => {
    const { doc, rootRef, passageStarts } = options.current;
    const root = rootRef.current;
    const target = event.target as HTMLElement;
    if (!doc || !root || target.closest('input, textarea, select, button, a, .gw-coding-bar, .gw-popover')) return;
    const c = model.current ?? { anchor: 0, focus: 0 };
    const collapsed = c.anchor === c.focus;
    const word = event.ctrlKey || event.metaKey;
    const move = (direction: 1 | -1, step: Step) => moveOffset(doc.text, doc.paragraphs, c.focus, direction, step);
    let to: number | null = null;
    let announceAs: 'selection' | 'passage' = 'selection';
    switch (event.key) {
      case 'ArrowLeft':
      case 'ArrowRight': {
        if (event.altKey) return;
        // In a right-to-left paragraph the left arrow reads on: forward in the text.
        const rtl = doc.paragraphs[paragraphIndexAt(doc.paragraphs, c.focus)]!.dir === 'rtl';
        const direction: 1 | -1 = (event.key === 'ArrowRight') !== rtl ? 1 : -1;
        if (!event.shiftKey && !collapsed && !word) to = direction > 0 ? Math.max(c.anchor, c.focus) : Math.min(c.anchor, c.focus);
        else {
          // A selection shrinking by words keeps whole words: its focus stops where a word ends
          // (going back) or starts (going on), never inside the space between them.
          // A caret moved by word (no Shift) lands at word starts, ready to select the next one.
          const shrinking = event.shiftKey && !collapsed && (direction > 0) === c.focus < c.anchor;
          const ends = shrinking ? (direction > 0 ? 'start' : 'end') : !event.shiftKey ? 'start' : undefined;
          to = word
            ? moveOffset(doc.text, doc.paragraphs, c.focus, direction, 'word', ends)
            : move(direction, 'grapheme');
          // Never shrink past the anchor by a word step: stop at the anchor instead.
          if (shrinking && word && (to - c.anchor) * (c.focus - c.anchor) < 0) to = c.anchor;
        }
        stickyX.current = null;
        break;
      }
      case 'Home':
      case 'End':
        to = move(event.key === 'End' ? 1 : -1, word ? 'text-edge' : 'paragraph-edge');
        stickyX.current = null;
        break;
      case 'ArrowUp':
      case 'ArrowDown': {
        const direction = event.key === 'ArrowDown' ? 1 : -1;
        if (event.altKey) {
          to = direction > 0 ? (passageStarts.find((s) => s > c.focus) ?? null) : ([...passageStarts].reverse().find((s) => s < c.focus) ?? null);
          if (to === null) return;
          announceAs = 'passage';
        } else to = word ? move(direction, 'paragraph') : vertical(c.focus, direction);
        break;
      }
      case 'Enter': {
        if (!collapsed) return;
        const run = [...root.querySelectorAll<HTMLElement>('span[data-segments]')].find((r) => {
          const start = Number(r.dataset.start);
          return start <= c.focus && c.focus < start + (r.textContent?.length ?? 0);
        });
        if (!run) return;
        event.preventDefault();
        const box = caretRect(root, c.focus) ?? run.getBoundingClientRect();
        options.current.onOpenPassage(run.dataset.segments!.split(',').map((id) => Number(id) as SegmentId), box.left, box.bottom);
        return;
      }
      default:
        return;
    }
    event.preventDefault();
    model.current = event.shiftKey ? { anchor: c.anchor, focus: to } : { anchor: to, focus: to };
    reveal(to);
    paint();
    publish('keyboard');
    const next = model.current;
    if (announceAs === 'passage') {
      const run = pointAt(root, to);
      options.current.onAnnounce(run?.node.data.slice(run.offset, run.offset + 80) ?? '');
    } else if (next.anchor !== next.focus) {
      const s = Math.min(next.anchor, next.focus);
      const e = Math.max(next.anchor, next.focus);
      options.current.onAnnounce(e - s > 80 ? `${doc.text.slice(s, s + 40)} … ${doc.text.slice(e - 40, e)}` : doc.text.slice(s, e));
    }
  };

  /** Drops the selection, keeping the caret where its focus was (after coding, or Esc). */
  const collapse = useCallback(() => {
    const c = model.current;
    if (c && c.anchor !== c.focus) model.current = { anchor: c.focus, focus: c.focus };
    drawCaret();
  }, [drawCaret]);

  return { onKeyDown, onMouseDown, onFocus, collapse };
}

type Ends = [Node | null, number, Node | null, number];

/** Where the page's selection starts and ends now. */
function selectionEnds(): Ends {
  const s = window.getSelection();
  return s && s.rangeCount > 0 ? [s.anchorNode, s.anchorOffset, s.focusNode, s.focusOffset] : [null, 0, null, 0];
}

const sameEnds = (a: Ends, b: Ends) => a.every((x, i) => x === b[i]);

/** The word whose letters are under a screen point, if any. */
function wordUnder(root: HTMLElement, doc: OpenDocument, x: number, y: number): { start: number; end: number } | null {
  const at = offsetAtPoint(root, x, y);
  if (at === null) return null;
  const slack = 1.5;
  for (const offset of [at, at - 1]) {
    const word = offset >= 0 ? wordAt(doc.text, doc.paragraphs, offset) : null;
    const range = word ? rangeBetween(root, word.start, word.end) : null;
    if (!range) continue;
    for (const r of range.getClientRects()) {
      if (x >= r.left - slack && x <= r.right + slack && y >= r.top && y <= r.bottom) return word;
    }
  }
  return null;
}
