// Undo and redo buttons with what they would undo or redo, and the list of recent actions.

import { useState } from 'react';
import { locale, t } from '../../i18n/t';
import { useStore } from '../../state/store';
import { historyLabel } from './history-label';
import { HistoryLimits } from './HistoryLimits';

export function HistoryMenu() {
  const history = useStore((s) => s.history);
  const undo = useStore((s) => s.undo);
  const redo = useStore((s) => s.redo);
  const [open, setOpen] = useState(false);
  // The arrows turn with the reading direction: undo points back, which is right in Persian.
  const [back, forward] = document.documentElement.dir === 'rtl' ? ['↷', '↶'] : ['↶', '↷'];
  return (
    <div className="gw-history">
      <button
        type="button"
        className="gw-button"
        disabled={!history?.undo}
        onClick={() => void undo()}
        title={history?.undo ? t('Undo: {label} (Ctrl+Z)', { label: historyLabel(history.undo.label) }) : t('Nothing to undo')}
        aria-label={t('Undo')}
      >
        {back} {t('Undo')}
      </button>
      <button
        type="button"
        className="gw-button"
        disabled={!history?.redo}
        onClick={() => void redo()}
        title={history?.redo ? t('Redo: {label} (Ctrl+Shift+Z)', { label: historyLabel(history.redo.label) }) : t('Nothing to redo')}
        aria-label={t('Redo')}
      >
        {forward} {t('Redo')}
      </button>
      <button type="button" className="gw-button" aria-expanded={open} onClick={() => setOpen(!open)}>
        {t('History')}
      </button>
      {open && (
        <div className="gw-history-list" role="dialog" aria-label={t('History')} onMouseLeave={() => setOpen(false)}>
          {history && history.entries.length > 0 ? (
            <ol>
              {history.entries.map((entry) => (
                <li key={entry.id} className={entry.state === 'undone' ? 'gw-undone' : undefined} dir="auto">
                  {historyLabel(entry.label)}
                  <span className="gw-muted"> · {new Date(entry.createdAt).toLocaleTimeString(locale())}</span>
                </li>
              ))}
            </ol>
          ) : (
            <p className="gw-empty">{t('Nothing done yet.')}</p>
          )}
          <HistoryLimits />
        </div>
      )}
    </div>
  );
}
