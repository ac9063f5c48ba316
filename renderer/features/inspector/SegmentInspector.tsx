// Details of one coded segment: its concept, source, text and position, its memo, and uncoding.

import type { SegmentId } from '../../../shared/domain/ids';
import { num, t } from '../../i18n/t';
import { useStore } from '../../state/store';
import { useProjectQueryResult } from '../../state/use-project-query';
import { MemoEditor } from './MemoEditor';

export function SegmentInspector({ id }: { id: SegmentId }) {
  const run = useStore((s) => s.run);
  const setFocus = useStore((s) => s.setFocus);
  const jumpTo = useStore((s) => s.jumpTo);
  const { answer, error } = useProjectQueryResult('segment.get', { id });
  const segment = error ? null : answer;

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
