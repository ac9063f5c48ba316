// Retrieved segments: every segment of the focused concept, category (sub-categories included),
// component or source, with its source and text, read a page at a time as the list scrolls.
// Clicking one opens the source at the passage.

import { useRef } from 'react';
import { Virtuoso } from 'react-virtuoso';
import type { SegmentScope } from '../../../shared/domain/model';
import { COMPONENT_LABELS } from '../../../shared/domain/paradigm';
import { useInterfaceLanguage } from '../../i18n/language';
import { num, plural, t } from '../../i18n/t';
import { moveFocus } from '../../components/arrow-focus';
import { useCodebook, useDocuments } from '../../state/project-data';
import { useStore, type Focus } from '../../state/store';
import { SegmentCitation } from '../corpus/SegmentCitation';
import { useCoderOnly } from '../team/team-store';
import { useSegmentPages } from './use-segment-pages';

function scopeOf(focus: Focus | null): SegmentScope | null {
  if (!focus) return null;
  switch (focus.kind) {
    case 'concept':
      return { kind: 'concept', id: focus.id };
    case 'category':
      return { kind: 'category', id: focus.id };
    case 'component':
      return { kind: 'component', key: focus.key };
    case 'document':
      return { kind: 'document', id: focus.id };
    case 'unassigned':
      return { kind: 'unassigned' };
    case 'segment':
    case 'record':
      return null;
  }
}

export function RetrievedSegments() {
  const focus = useStore((s) => s.focus);
  const codebook = useCodebook();
  const documents = useDocuments();
  const jumpTo = useStore((s) => s.jumpTo);
  const setFocus = useStore((s) => s.setFocus);
  const listRef = useRef<HTMLDivElement>(null);
  // Handed to the list as its context, so the rows it keeps mounted are redrawn in a new language.
  const language = useInterfaceLanguage((s) => s.language);
  const scope = scopeOf(focus);
  // Whose passages the window shows (the coder menu): filtered by the query, so the count and pages agree.
  const { rows, total, more } = useSegmentPages(scope, useCoderOnly());

  const title = (() => {
    if (!focus || !scope) return t('Retrieved segments');
    switch (focus.kind) {
      case 'concept':
        return codebook.concepts.find((c) => c.id === focus.id)?.label ?? '';
      case 'category':
        return codebook.categories.find((c) => c.id === focus.id)?.name ?? '';
      case 'component':
        return t(COMPONENT_LABELS[focus.key]);
      case 'document':
        return documents.find((d) => d.id === focus.id)?.name ?? '';
      default:
        return t('Not in any component');
    }
  })();

  return (
    <section className="gw-panel gw-segments" aria-label={t('Retrieved segments')}>
      <header className="gw-panel-header">
        <h2>
          {t('Retrieved segments')}
          {scope && (
            <>
              {' · '}
              <bdi>{title}</bdi>
            </>
          )}
        </h2>
        {scope && <span className="gw-muted">{plural(total, '{n} segment', '{n} segments')}</span>}
      </header>
      {!scope ? (
        <p className="gw-empty">{t('Select a concept, category, component or source to list its coded segments.')}</p>
      ) : rows.length === 0 ? (
        <p className="gw-empty">{t('No coded segments here yet.')}</p>
      ) : (
        // Thousands of segments stay quick: only the rows in view are in the page. Up/Down move
        // between them, Enter opens the source at the passage.
        <div className="gw-segment-list-wrap" ref={listRef} onKeyDown={(event) => moveFocus(event, listRef.current, '.gw-segment-item')} data-testid="retrieved-segments">
        <Virtuoso
          className="gw-segment-list"
          data={rows}
          context={language}
          computeItemKey={(_, row) => row.id}
          endReached={more}
          increaseViewportBy={400}
          itemContent={(_, row) => (
            <button
              type="button"
              className="gw-segment-item"
              onClick={() => void jumpTo({ documentId: row.documentId, start: row.start, end: row.end, segmentId: row.id })}
              onDoubleClick={() => setFocus({ kind: 'segment', id: row.id })}
              title={t('Open the source at this passage (double-click for its details and memo)')}
            >
              <span className="gw-segment-meta">
                <span className="gw-swatch" style={{ background: row.conceptColor }} />
                <bdi className="gw-strong">{row.conceptLabel}</bdi>
                <span className="gw-muted">
                  · <bdi>{row.documentName}</bdi> <SegmentCitation documentId={row.documentId} page={row.page} /> · {num(row.start)}–{num(row.end)}
                  {row.coderName && (
                    <>
                      {' · '}
                      <bdi className="gw-coder-name">{row.coderName}</bdi>
                    </>
                  )}
                </span>
                {row.memo && <span className="gw-memo-mark">✎</span>}
              </span>
              <span className="gw-segment-text" dir="auto">
                {row.text.length > 400 ? `${row.text.slice(0, 399)}…` : row.text}
              </span>
            </button>
          )}
        />
        </div>
      )}
    </section>
  );
}
