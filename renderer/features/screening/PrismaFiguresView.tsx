// The live PRISMA 2020 figures as boxes, top to bottom as the flow diagram reads; **Flow diagram**
// opens the d3 PRISMA 2020 diagram drawn from the same figures (Diagrams → Screening).

import type { PrismaFigures } from '../../../shared/domain/prisma';
import { count, t } from '../../i18n/t';
import { useStore } from '../../state/store';
import { useDiagramTab } from '../diagrams/texts';

const n = (value: number | null | undefined) => (value === null || value === undefined ? t('not reported') : count(value));

export function PrismaFiguresView({ figures }: { figures: PrismaFigures }) {
  const excludedAtEligibility = (figures.excludedAtEligibility ?? []).reduce((sum, r) => sum + r.count, 0);
  const box = (label: string, value: number | null | undefined, id: string, side?: React.ReactNode) => (
    <div className="gw-prisma-row">
      <div className="gw-prisma-box" data-prisma={id}>
        <span>{label}</span>
        <strong>{n(value)}</strong>
      </div>
      {side}
    </div>
  );
  return (
    <section className="gw-panel gw-prisma" aria-label={t('PRISMA 2020 figures')} data-testid="prisma-figures">
      <header className="gw-panel-header">
        <h2>{t('PRISMA 2020 flow')}</h2>
        <span className="gw-muted">{t('live')}</span>
        <button
          type="button"
          className="gw-small-button"
          onClick={() => {
            useDiagramTab.getState().setTab('prisma');
            useStore.getState().setView('diagrams');
          }}
        >
          {t('Flow diagram')}
        </button>
      </header>
      {box(
        t('Records identified'),
        figures.identified,
        'identified',
        <div className="gw-prisma-box gw-prisma-side" data-prisma="duplicatesRemoved">
          <span>{t('Duplicates removed')}</span>
          <strong>{n(figures.duplicatesRemoved)}</strong>
        </div>,
      )}
      {box(
        t('Records screened'),
        figures.screened,
        'screened',
        <div className="gw-prisma-box gw-prisma-side" data-prisma="excludedAtScreening">
          <span>{t('Excluded at screening')}</span>
          <strong>{n(figures.excludedAtScreening)}</strong>
        </div>,
      )}
      {box(
        t('Reports assessed for eligibility'),
        figures.assessedForEligibility,
        'assessedForEligibility',
        <div className="gw-prisma-box gw-prisma-side" data-prisma="excludedAtEligibility">
          <span>{t('Excluded at eligibility')}</span>
          <strong>{n(excludedAtEligibility)}</strong>
          {(figures.excludedAtEligibility ?? []).map((r) => (
            <span key={r.reason} className="gw-prisma-reason">
              <bdi>{t(r.reason)}</bdi>: {count(r.count)}
            </span>
          ))}
        </div>,
      )}
      {box(t('Studies included'), figures.included, 'included')}
      {figures.awaiting !== undefined && (
        <p className="gw-muted" data-prisma="awaiting">
          {t('Awaiting a decision: {n}', { n: figures.awaiting })}
        </p>
      )}
    </section>
  );
}
