// The baselines of the project: "Freeze the model as a baseline…", the ones frozen so far (and a
// study's published figures), each to compare the project with, rename or delete.

import { useState } from 'react';
import type { BaselineSummary } from '../../../shared/domain/change-view';
import { confirmAction } from '../../components/confirm';
import { plural, t } from '../../i18n/t';
import { useStore } from '../../state/store';
import { dateTime } from './texts';
import type { Against } from './EvolutionView';

export function BaselinesPanel({ baselines, against, onChoose }: { baselines: BaselineSummary[]; against: Against | null; onChoose: (a: Against) => void }) {
  const run = useStore((s) => s.run);
  const [naming, setNaming] = useState<string | null>(null);

  const freeze = async () => {
    const name = naming?.trim();
    if (!name) return;
    const made = await run('baseline.freeze', { name });
    if (made) {
      setNaming(null);
      onChoose({ kind: 'baseline', id: made.id });
    }
  };

  return (
    <section className="gw-evo-panel" aria-labelledby="gw-baselines-title">
      <h3 id="gw-baselines-title">{t('Baselines')}</h3>
      {naming === null ? (
        <button type="button" className="gw-button gw-primary" onClick={() => setNaming(t('Baseline of {date}', { date: new Date().toLocaleDateString() }))}>
          {t('Freeze the model as a baseline…')}
        </button>
      ) : (
        <form
          className="gw-evo-form"
          onSubmit={(event) => {
            event.preventDefault();
            void freeze();
          }}
        >
          <label>
            {t('Name of the baseline')}
            <input type="text" value={naming} autoFocus onChange={(e) => setNaming(e.target.value)} dir="auto" />
          </label>
          <p className="gw-muted">{t('Keeps the codebook, its filings and placements, Table 8 and the maturity dimensions as they are now. Later changes never alter it.')}</p>
          <div className="gw-toolbar">
            <button type="submit" className="gw-button gw-primary" disabled={!naming.trim()}>
              {t('Freeze')}
            </button>
            <button type="button" className="gw-button" onClick={() => setNaming(null)}>
              {t('Cancel')}
            </button>
          </div>
        </form>
      )}
      {baselines.length === 0 ? (
        <p className="gw-muted">{t('No baseline yet.')}</p>
      ) : (
        <ul className="gw-evo-list" aria-label={t('Baselines')}>
          {baselines.map((b) => {
            const chosen = against?.kind === 'baseline' && against.id === b.id;
            return (
              <li key={b.id} className={chosen ? 'gw-chosen' : undefined} data-baseline={b.name}>
                <button type="button" className="gw-evo-choose" aria-pressed={chosen} onClick={() => onChoose({ kind: 'baseline', id: b.id })}>
                  <bdi className="gw-evo-name">{b.name}</bdi>
                  <span className="gw-muted">
                    {b.kind === 'reported' ? t('Published figures') : t('Frozen {date}', { date: dateTime(b.createdAt) })}
                    {' · '}
                    {plural(b.totals.concepts, '{n} concept', '{n} concepts')} · {plural(b.totals.finalCodes, '{n} final code', '{n} final codes')}
                  </span>
                </button>
                {b.kind === 'frozen' && (
                  <button
                    type="button"
                    className="gw-icon-button"
                    aria-label={t('Delete baseline {name}', { name: b.name })}
                    title={t('Delete baseline {name}', { name: b.name })}
                    onClick={async () => {
                      const ok = await confirmAction({
                        title: t('Delete baseline {name}', { name: b.name }),
                        message: t('The picture of the model it keeps goes with it ({n} main categories). Ctrl+Z brings it back.', { n: b.mainCategories }),
                        confirmLabel: t('Delete'),
                        danger: true,
                      });
                      if (ok) await run('baseline.delete', { id: b.id });
                    }}
                  >
                    ×
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
