// Undo and redo buttons with what they would undo or redo, and the list of recent actions in a
// popover that closes on Esc or a click outside and gives focus back to its button.

import { useRef, useState, type RefObject } from 'react';
import { useDialog } from '../../components/use-dialog';
import { locale, t } from '../../i18n/t';
import { useHistoryState } from '../../state/project-data';
import { useStore } from '../../state/store';
import { historyLabel } from './history-label';
import { HistoryLimits } from './HistoryLimits';

export function HistoryMenu() {
  const history = useHistoryState();
  const undo = useStore((s) => s.undo);
  const redo = useStore((s) => s.redo);
  const [open, setOpen] = useState(false);
  const toggleRef = useRef<HTMLButtonElement>(null);
  // The arrows turn with the reading direction: undo points back, which is right in Persian.
  const [back, forward] = document.documentElement.dir === 'rtl' ? ['↷', '↶'] : ['↶', '↷'];
  return (
    <div className="gw-history">
      <button
        type="button"
        className="gw-button"
        disabled={!history?.undo}
        onClick={() => void undo()}
        title={history?.undo ? t('Undo: {label} (Ctrl+Z)', { label: historyLabel(history.undo.label, history.undo.said) }) : t('Nothing to undo')}
        aria-label={t('Undo')}
      >
        {back} {t('Undo')}
      </button>
      <button
        type="button"
        className="gw-button"
        disabled={!history?.redo}
        onClick={() => void redo()}
        title={history?.redo ? t('Redo: {label} (Ctrl+Shift+Z)', { label: historyLabel(history.redo.label, history.redo.said) }) : t('Nothing to redo')}
        aria-label={t('Redo')}
      >
        {forward} {t('Redo')}
      </button>
      <button
        ref={toggleRef}
        type="button"
        className="gw-button"
        aria-expanded={open}
        aria-controls={open ? 'gw-history-list' : undefined}
        aria-haspopup="dialog"
        onClick={() => setOpen(!open)}
      >
        {t('History')}
      </button>
      {open && <HistoryList toggleRef={toggleRef} onClose={() => setOpen(false)} />}
    </div>
  );
}

function HistoryList({ toggleRef, onClose }: { toggleRef: RefObject<HTMLButtonElement | null>; onClose(): void }) {
  const history = useHistoryState();
  const ref = useRef<HTMLDivElement>(null);
  useDialog(ref, { onClose, ignore: toggleRef });
  return (
    <div ref={ref} id="gw-history-list" className="gw-history-list" role="dialog" aria-labelledby="gw-history-title" tabIndex={-1}>
      <h3 id="gw-history-title" className="gw-sr-only">
        {t('History')}
      </h3>
      {history && history.entries.length > 0 ? (
        <ol>
          {history.entries.map((entry) => (
            <li key={entry.id} className={entry.state === 'undone' ? 'gw-undone' : undefined}>
              {/* The step and its time each keep their own order: a Persian label never swaps with the time. */}
              <bdi>{historyLabel(entry.label, entry.said)}</bdi>
              <span className="gw-muted">
                {' · '}
                {entry.actorName && (
                  <>
                    <bdi className="gw-history-actor">{entry.actorName}</bdi>
                    {' · '}
                  </>
                )}
                <bdi>{new Date(entry.createdAt).toLocaleTimeString(locale())}</bdi>
              </span>
              {entry.state === 'undone' && <span className="gw-sr-only"> ({t('undone')})</span>}
            </li>
          ))}
        </ol>
      ) : (
        <p className="gw-empty">{t('Nothing done yet.')}</p>
      )}
      <HistoryLimits />
    </div>
  );
}
