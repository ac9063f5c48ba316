// The source reader: the open source's paragraphs in chunks, only those near the viewport mounted
// (long books stay fluid), each paragraph in its own direction, coded passages highlighted. It
// turns the page's selection into offsets for coding and a click on a highlight into a popover.

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Virtuoso, type VirtuosoHandle } from 'react-virtuoso';
import type { SegmentMark } from '../../shared/domain/model';
import type { ConceptId, SegmentId } from '../../shared/domain/ids';
import { paragraphAt } from '../../shared/domain/text';
import { plural, t } from '../i18n/t';
import { useConceptColors, useDocumentMarks, useDocumentSummary } from '../state/project-data';
import { useStore } from '../state/store';
import { ChunkView } from './ChunkView';
import { withPage } from './page-markers';
import { chunkOfParagraph, chunkParagraphs, layoutParagraph, segmentsIn, type Chunk } from './layout';
import { useReaderCaret } from './use-reader-caret';
import { useReaderOptions } from './reader-options';
import { SegmentPopover } from '../features/coding/SegmentPopover';
import { CodingBar } from '../features/coding/CodingBar';
import { useCoderShown } from '../features/team/team-store';

const FLASH_MS = 1600;

export function Reader() {
  const openDoc = useStore((s) => s.openDoc);
  const all = useDocumentMarks(openDoc?.document.id);
  // Blind coding: the passages of coders this window does not show are not drawn.
  const shown = useCoderShown();
  const segments = useMemo(() => all.filter((s) => shown(s.coderId)), [all, shown]);
  const conceptColors = useConceptColors();
  const liveSummary = useDocumentSummary(openDoc?.document.id);
  const jump = useStore((s) => s.jump);
  const textSelection = useStore((s) => s.textSelection);
  const setTextSelection = useStore((s) => s.setTextSelection);
  const closeDocument = useStore((s) => s.closeDocument);
  const containerRef = useRef<HTMLDivElement>(null);
  const virtuosoRef = useRef<VirtuosoHandle>(null);
  const [popover, setPopover] = useState<{ ids: SegmentId[]; x: number; y: number; byKeyboard?: boolean } | null>(null);

  const chunks = useMemo(() => (openDoc ? chunkParagraphs(openDoc.paragraphs) : []), [openDoc]);
  const colors = useMemo(() => new Map<ConceptId, string>(Object.entries(conceptColors).map(([id, color]) => [Number(id) as ConceptId, color])), [conceptColors]);
  const sorted = useMemo(() => [...segments].sort((a, b) => a.start - b.start || a.end - b.end), [segments]);
  const longest = useMemo(() => sorted.reduce((m, s) => Math.max(m, s.end - s.start), 0), [sorted]);
  const colorOf = useCallback((s: SegmentMark) => colors.get(s.conceptId) ?? '#888888', [colors]);

  const renderChunk = useCallback(
    (_: number, chunk: Chunk) => {
      if (!openDoc) return null;
      const inChunk = segmentsIn(sorted, chunk.start, chunk.end + 1, longest);
      const layouts = chunk.paragraphs.map((p) => withPage(layoutParagraph(p, inChunk, colorOf), openDoc.pages));
      const signature = layouts
        .map((l) => `${l.stripes}|${l.page ?? ''}|${l.runs.map((r) => `${r.start}:${r.segments}:${r.style}`).join(';')}`)
        .join('/');
      return <ChunkView text={openDoc.text} layouts={layouts} signature={`${openDoc.document.id}#${signature}`} />;
    },
    [openDoc, sorted, longest, colorOf],
  );

  // A source deleted (here, by undo, or in another window) is closed.
  useEffect(() => {
    if (liveSummary === null) closeDocument();
  }, [liveSummary, closeDocument]);

  const wholeWords = useReaderOptions((s) => s.wholeWords);
  const setWholeWords = useReaderOptions((s) => s.setWholeWords);
  const caretRef = useRef<HTMLDivElement>(null);
  const [spoken, setSpoken] = useState('');
  const passageStarts = useMemo(() => sorted.map((s) => s.start), [sorted]);
  const caret = useReaderCaret({
    rootRef: containerRef,
    caretRef,
    virtuosoRef,
    doc: openDoc,
    passageStarts,
    wholeWords,
    onSelection(range) {
      if (!openDoc) return;
      if (!range) {
        if (useStore.getState().textSelection) setTextSelection(null);
        return;
      }
      setTextSelection({ documentId: openDoc.document.id, ...range, text: openDoc.text.slice(range.start, range.end) });
      setPopover(null);
    },
    onOpenPassage(ids, x, y) {
      setPopover({ ids, x, y, byKeyboard: true });
    },
    onAnnounce: setSpoken,
  });

  // Coding the passage, or Esc in the coding bar, drops the selection: the caret stays at its end.
  const collapseCaret = caret.collapse;
  useEffect(() => {
    if (!textSelection) collapseCaret();
  }, [textSelection, collapseCaret]);

  const onClick = (event: React.MouseEvent) => {
    const selection = window.getSelection();
    if (selection && !selection.isCollapsed) return;
    const run = (event.target as HTMLElement).closest<HTMLElement>('[data-segments]');
    if (!run?.dataset.segments) {
      setPopover(null);
      return;
    }
    const ids = run.dataset.segments.split(',').map((id) => Number(id) as SegmentId);
    setPopover({ ids, x: event.clientX, y: event.clientY });
  };

  // Jumping to a passage: scroll its chunk into view, then flash the passage.
  useEffect(() => {
    if (!jump || !openDoc || jump.documentId !== openDoc.document.id) return;
    const paragraph = paragraphAt(openDoc.paragraphs, jump.start);
    if (!paragraph) return;
    virtuosoRef.current?.scrollToIndex({ index: chunkOfParagraph(paragraph.index), align: 'center' });
    let tries = 0;
    let timer = 0;
    const flash = () => {
      const root = containerRef.current;
      const runs = root
        ? [...root.querySelectorAll<HTMLElement>('span[data-start]')].filter((el) => {
            if (jump.segmentId !== undefined) return (el.dataset.segments ?? '').split(',').includes(String(jump.segmentId));
            const start = Number(el.dataset.start);
            return start < jump.end && start + (el.textContent?.length ?? 0) > jump.start;
          })
        : [];
      if (runs.length === 0 && tries++ < 30) {
        timer = window.setTimeout(flash, 50);
        return;
      }
      runs[0]?.scrollIntoView({ block: 'center' });
      runs.forEach((el) => el.classList.add('gw-flash'));
      timer = window.setTimeout(() => runs.forEach((el) => el.classList.remove('gw-flash')), FLASH_MS);
    };
    timer = window.setTimeout(flash, 30);
    return () => window.clearTimeout(timer);
  }, [jump, openDoc]);

  if (!openDoc) {
    return (
      <section className="gw-reader gw-reader-empty" aria-label={t('Reader')}>
        <p>{t('Open a source from the list to read and code it.')}</p>
      </section>
    );
  }
  const doc = liveSummary ?? openDoc.document;
  return (
    <section className="gw-reader" aria-label={t('Reader')}>
      <header className="gw-panel-header gw-reader-header">
        <h2 dir="auto" title={doc.originalName} data-user-text>
          {doc.name}
        </h2>
        <label className="gw-check gw-whole-words" title={t('A selection made with the mouse grows to whole words')}>
          <input type="checkbox" checked={wholeWords} onChange={(e) => setWholeWords(e.target.checked)} />
          {t('Extend selections to whole words')}
        </label>
        <span className="gw-muted">
          {plural(doc.length, '{n} character', '{n} characters')} · {plural(segments.length, '{n} segment', '{n} segments')}
        </span>
        <button type="button" className="gw-icon-button" onClick={closeDocument} aria-label={t('Close source')} title={t('Close source')}>
          ×
        </button>
      </header>
      <div
        className="gw-reader-body"
        ref={containerRef}
        onClick={onClick}
        onMouseDown={caret.onMouseDown}
        onKeyDown={caret.onKeyDown}
        onFocus={caret.onFocus}
        data-document={doc.id}
        tabIndex={0}
        role="document"
        aria-label={t('Text of {name}', { name: doc.name })}
        aria-describedby="gw-reader-keys"
      >
        <div ref={caretRef} className="gw-caret" aria-hidden="true" style={{ display: 'none' }} />
        <Virtuoso
          key={doc.id}
          ref={virtuosoRef}
          data={chunks}
          computeItemKey={(_, chunk) => `${doc.id}:${chunk.index}`}
          increaseViewportBy={{ top: 1200, bottom: 1200 }}
          itemContent={renderChunk}
          className="gw-reader-scroll"
        />
      </div>
      <p id="gw-reader-keys" className="gw-sr-only">
        {t('Arrow keys move the caret, Ctrl with an arrow by word; Shift selects. C codes the selection, I codes it in vivo, L with the last concept. Alt with the up or down arrow goes to the next coded passage, Enter opens it.')}
      </p>
      <div className="gw-sr-only" aria-live="polite" data-user-text>
        {spoken}
      </div>
      {textSelection && textSelection.documentId === doc.id && <CodingBar selection={textSelection} />}
      {popover && <SegmentPopover ids={popover.ids} x={popover.x} y={popover.y} onClose={() => setPopover(null)} />}
    </section>
  );
}
