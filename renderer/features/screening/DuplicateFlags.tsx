// Possible duplicates (same DOI, or near-same title and year): merge one into the other (the kept
// record takes what it lacks and the source link) or dismiss the flag. Both undoable.

import { authorName, type RecordSummary } from '../../../shared/domain/records';
import { num, t, year } from '../../i18n/t';
import { useStore } from '../../state/store';
import { useDuplicateFlags, useRecords } from '../corpus/corpus-store';

const describe = (r: RecordSummary) => [r.authors[0] ? authorName(r.authors[0]) : '', r.year === null ? '' : year(r.year), r.origin].filter(Boolean).join(' · ');

export function DuplicateFlags() {
  const duplicates = useDuplicateFlags();
  const records = useRecords();
  const run = useStore((s) => s.run);
  if (duplicates.length === 0) return null;
  return (
    <section className="gw-panel gw-duplicates" aria-label={t('Possible duplicates')}>
      <header className="gw-panel-header">
        <h2>
          {t('Possible duplicates')} <span className="gw-muted">{num(duplicates.length)}</span>
        </h2>
      </header>
      <ul className="gw-duplicate-list">
        {duplicates.map((flag) => {
          const a = records.find((r) => r.id === flag.a);
          const b = records.find((r) => r.id === flag.b);
          if (!a || !b) return null;
          // Keep the record that has the full text, else the older one.
          const [keep, drop] = b.documentId !== null && a.documentId === null ? [b, a] : [a, b];
          return (
            <li key={`${flag.a}:${flag.b}`} className="gw-duplicate" data-testid="duplicate-flag">
              <p className="gw-muted">{flag.why === 'doi' ? t('Same DOI') : t('Near-same title, same year')}</p>
              <p dir="auto">
                <bdi>{a.title}</bdi> <span className="gw-muted">({describe(a)})</span>
              </p>
              <p dir="auto">
                <bdi>{b.title}</bdi> <span className="gw-muted">({describe(b)})</span>
              </p>
              <div className="gw-row">
                <button type="button" className="gw-small-button" onClick={() => void run('record.merge', { keepId: keep.id, dropId: drop.id })}>
                  {t('Merge')}
                </button>
                <button type="button" className="gw-small-button" onClick={() => void run('record.dismissDuplicate', { a: a.id, b: b.id })}>
                  {t('Not a duplicate')}
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
