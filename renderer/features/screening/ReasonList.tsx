// The project's exclusion reasons: add, rename (double-click), delete while unused.

import { useState } from 'react';
import { InlineEdit } from '../../components/InlineEdit';
import { num, t } from '../../i18n/t';
import { useStore } from '../../state/store';
import { useReasons } from '../corpus/corpus-store';

export function ReasonList() {
  const reasons = useReasons();
  const run = useStore((s) => s.run);
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  return (
    <section className="gw-panel gw-reasons" aria-label={t('Exclusion reasons')}>
      <header className="gw-panel-header">
        <h2>{t('Exclusion reasons')}</h2>
        <button type="button" className="gw-small-button" onClick={() => setEditing('new')}>
          {t('+ Reason')}
        </button>
      </header>
      <ol className="gw-reason-list">
        {reasons.map((r) => (
          <li key={r.id}>
            {editing === r.id ? (
              <InlineEdit value={r.name} label={t('Rename reason')} onDone={async (name) => {
                setEditing(null);
                if (name) await run('reason.rename', { id: r.id, name });
              }} />
            ) : (
              <span className="gw-list-label" onDoubleClick={() => setEditing(r.id)} title={t('Double-click to rename')}>
                <bdi>{t(r.name)}</bdi>
              </span>
            )}
            <span className="gw-muted">{num(r.uses)}</span>
            <button type="button" className="gw-small-button" onClick={() => setEditing(r.id)} aria-label={t('Rename “{name}”', { name: r.name })}>
              ✎
            </button>
            <button
              type="button"
              className="gw-small-button"
              disabled={r.uses > 0}
              title={r.uses > 0 ? t('In use: it can only be renamed') : t('Delete')}
              aria-label={t('Delete “{name}”', { name: r.name })}
              onClick={() => void run('reason.delete', { id: r.id })}
            >
              ×
            </button>
          </li>
        ))}
        {editing === 'new' && (
          <li>
            <InlineEdit value="" label={t('New reason')} placeholder={t('New reason')} onDone={async (name) => {
              setEditing(null);
              if (name) await run('reason.create', { name });
            }} />
          </li>
        )}
      </ol>
    </section>
  );
}
