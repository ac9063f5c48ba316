// Details of one coded segment: its concept, source, text and position, its memo, and uncoding.

import type { SegmentId } from '../../../shared/domain/ids';
import type { SegmentRow } from '../../../shared/domain/model';
import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { num, t } from '../../i18n/t';
import { useStore } from '../../state/store';
import { MemoEditor } from './MemoEditor';

export function SegmentInspector({ id }: { id: SegmentId }) {
  const revision = useStore((s) => s.revision);
  const run = useStore((s) => s.run);
  const setFocus = useStore((s) => s.setFocus);
  const jumpTo = useStore((s) => s.jumpTo);
  const [segment, setSegment] = useState<SegmentRow | null | undefined>(undefined);

  useEffect(() => {
    let live = true;
    api.call('segment.get', { id }).then(
      (row) => live && setSegment(row),
      () => live && setSegment(null),
    );
    return () => {
      live = false;
    };
  }, [id, revision]);

  if (segment === undefined) return <section className="gw-panel gw-inspector" />;
  if (segment === null) {
    return (
      <section className="gw-panel gw-inspector" aria-label={t('Details')}>
        <p className="gw-empty">{t('This segment no longer exists.')}</p>
      </section>
    );
  }
  return (
    <section className="gw-panel gw-inspector" aria-label={t('Details')}>
      <p className="gw-kind">{t('Segment')}</p>
      <div className="gw-title-row">
        <span className="gw-swatch" style={{ background: segment.conceptColor }} />
        <h2 dir="auto">{segment.conceptLabel}</h2>
      </div>
      <blockquote className="gw-quote" dir="auto">
        {segment.text}
      </blockquote>
      <dl className="gw-facts">
        <dt>{t('Source')}</dt>
        <dd dir="auto" data-user-text>{segment.documentName}</dd>
        <dt>{t('Position')}</dt>
        <dd>
          {num(segment.start)}–{num(segment.end)}
        </dd>
      </dl>
      <div className="gw-row gw-actions">
        <button type="button" className="gw-button" onClick={() => void jumpTo({ documentId: segment.documentId, start: segment.start, end: segment.end, segmentId: segment.id })}>
          {t('Show in source')}
        </button>
        <button
          type="button"
          className="gw-button gw-danger"
          onClick={async () => {
            if ((await run('segment.uncode', { id: segment.id })) !== undefined) setFocus({ kind: 'concept', id: segment.conceptId });
          }}
        >
          {t('Uncode')}
        </button>
      </div>
      <MemoEditor target={{ kind: 'segment', id: segment.id }} value={segment.memo} />
    </section>
  );
}
