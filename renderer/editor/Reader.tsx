// The source reader: the open source's paragraphs in chunks, only those near the viewport mounted
// (long books stay fluid), each paragraph in its own direction, coded passages highlighted. It
// turns the page's selection into offsets for coding and a click on a highlight into a popover.

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Virtuoso, type VirtuosoHandle } from 'react-virtuoso';
import type { SegmentMark } from '../../shared/domain/model';
import type { ConceptId, SegmentId } from '../../shared/domain/ids';
import { paragraphAt } from '../../shared/domain/text';
import { plural, t } from '../i18n/t';
import { useStore } from '../state/store';
import { ChunkView } from './ChunkView';
import { withPage } from './page-markers';
import { chunkOfParagraph, chunkParagraphs, layoutParagraph, segmentsIn, type Chunk } from './layout';
import { selectionOffsets } from './selection';
import { SegmentPopover } from '../features/coding/SegmentPopover';
import { CodingBar } from '../features/coding/CodingBar';
import { useCoderShown } from '../features/team/team-store';

const FLASH_MS = 1600;

export function Reader() {
  const openDoc = useStore((s) => s.openDoc);
  const all = useStore((s) => s.docSegments);
  // Blind coding: the passages of coders this window does not show are not drawn.
  const shown = useCoderShown();
  const segments = useMemo(() => all.filter((s) => shown(s.coderId)), [all, shown]);
  const concepts = useStore((s) => s.codebook.concepts);
  const jump = useStore((s) => s.jump);
  const textSelection = useStore((s) => s.textSelection);
  const setTextSelection = useStore((s) => s.setTextSelection);
  const closeDocument = useStore((s) => s.closeDocument);
  const containerRef = useRef<HTMLDivElement>(null);
  const virtuosoRef = useRef<VirtuosoHandle>(null);
  const [popover, setPopover] = useState<{ ids: SegmentId[]; x: number; y: number } | null>(null);

  const chunks = useMemo(() => (openDoc ? chunkParagraphs(openDoc.paragraphs) : []), [openDoc]);
  const colors = useMemo(() => new Map<ConceptId, string>(concepts.map((c) => [c.id, c.color])), [concepts]);
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

  // The page's selection, read whenever it changes: inside the reader it becomes the passage to code.
  useEffect(() => {
    const onChange = () => {
      const root = containerRef.current;
      if (!root || !openDoc) return;
      const selection = window.getSelection();
      const range = selectionOffsets(selection, root);
      if (!range) {
        // Focus moving into the coding bar collapses the page selection; the passage stays chosen.
        if (document.activeElement?.closest('.gw-coding-bar')) return;
        if (useStore.getState().textSelection) setTextSelection(null);
        return;
      }
      const rect = selection!.getRangeAt(0).getBoundingClientRect();
      setTextSelection({
        documentId: openDoc.document.id,
        ...range,
        text: openDoc.text.slice(range.start, range.end),
        rect: { top: rect.top, left: rect.left, bottom: rect.bottom, right: rect.right },
      });
      setPopover(null);
    };
    document.addEventListener('selectionchange', onChange);
    return () => document.removeEventListener('selectionchange', onChange);
  }, [openDoc, setTextSelection]);

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
  const { document: doc } = openDoc;
  return (
    <section className="gw-reader" aria-label={t('Reader')}>
      <header className="gw-panel-header gw-reader-header">
        <h2 dir="auto" title={doc.originalName}>
          {doc.name}
        </h2>
        <span className="gw-muted">
          {plural(doc.length, '{n} character', '{n} characters')} · {plural(segments.length, '{n} segment', '{n} segments')}
        </span>
        <button type="button" className="gw-icon-button" onClick={closeDocument} aria-label={t('Close source')} title={t('Close source')}>
          ×
        </button>
      </header>
      <div className="gw-reader-body" ref={containerRef} onClick={onClick} data-document={doc.id}>
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
      {textSelection && textSelection.documentId === doc.id && <CodingBar selection={textSelection} />}
      {popover && <SegmentPopover ids={popover.ids} x={popover.x} y={popover.y} onClose={() => setPopover(null)} />}
    </section>
  );
}
