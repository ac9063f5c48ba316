// What a click on a highlight shows: every segment covering that spot, with its concept, and the
// ways to act on it (uncode, open its memo, find its concept in the code system).

import { useRef } from 'react';
import { useDialog } from '../../components/use-dialog';
import type { SegmentId } from '../../../shared/domain/ids';
import { t } from '../../i18n/t';
import { conceptLabel, useLabelLanguage } from '../study/labels';
import { useConcepts, useDocumentMarks } from '../../state/project-data';
import { useStore } from '../../state/store';

/** As .gw-popover's inline-size in app.css. */
const WIDTH = 340;

interface Props {
  ids: SegmentId[];
  x: number;
  y: number;
  onClose(): void;
}

export function SegmentPopover({ ids, x, y, onClose }: Props) {
  const lang = useLabelLanguage((s) => s.lang);
  const openId = useStore((s) => s.openDoc?.document.id);
  const all = useDocumentMarks(openId);
  const text = useStore((s) => s.openDoc?.text ?? '');
  const segments = all.filter((seg) => ids.includes(seg.id));
  const concepts = useConcepts();
  const run = useStore((s) => s.run);
  const setFocus = useStore((s) => s.setFocus);
  const ref = useRef<HTMLDivElement>(null);
  useDialog(ref, { onClose });

  if (segments.length === 0) return null;
  // Opens towards the interface's reading direction from the click, and stays on screen.
  const anchor = document.documentElement.dir === 'rtl' ? x + 40 - WIDTH : x - 40;
  return (
    <div
      ref={ref}
      className="gw-popover"
      style={{ top: Math.min(y + 12, window.innerHeight - 60 - segments.length * 70), left: Math.max(8, Math.min(anchor, window.innerWidth - WIDTH - 20)) }}
      role="dialog"
      aria-labelledby="gw-popover-title"
    >
      <h3 id="gw-popover-title">{t('Coded here')}</h3>
      <ul>
        {segments.map((segment) => {
          const concept = concepts.find((c) => c.id === segment.conceptId);
          return (
            <li key={segment.id} className="gw-popover-segment">
              <div className="gw-row">
                <span className="gw-swatch" style={{ background: concept?.color }} />
                <bdi className="gw-strong">{concept && conceptLabel(concept, lang)}</bdi>
              </div>
              <div className="gw-excerpt" dir="auto">
                {segment.end - segment.start > 120 ? `${text.slice(segment.start, segment.start + 119)}…` : text.slice(segment.start, segment.end)}
              </div>
              <div className="gw-row gw-actions">
                <button
                  type="button"
                  className="gw-link"
                  onClick={() => {
                    setFocus({ kind: 'segment', id: segment.id });
                    onClose();
                  }}
                >
                  {segment.hasMemo ? t('Memo ✎') : t('Add memo')}
                </button>
                <button
                  type="button"
                  className="gw-link"
                  onClick={() => {
                    setFocus({ kind: 'concept', id: segment.conceptId });
                    onClose();
                  }}
                >
                  {t('Show concept')}
                </button>
                <button
                  type="button"
                  className="gw-link gw-danger"
                  onClick={async () => {
                    await run('segment.uncode', { id: segment.id });
                    onClose();
                  }}
                >
                  {t('Uncode')}
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
