// The Diagrams view: the paradigm model, the count cascade and the PRISMA flow diagram of the open
// project, drawn with d3 from live data and exportable as SVG and PNG.

import { useRef } from 'react';
import { onTabListKeys } from '../../components/arrow-focus';
import { TABS, useDiagramTab } from './texts';
import { t } from '../../i18n/t';
import { useStore } from '../../state/store';
import { CascadeChart } from './CascadeChart';
import { ParadigmDiagram } from './ParadigmDiagram';
import { PrismaPanel } from './PrismaPanel';
import { usePrismaSources, type PrismaSources } from './prisma-source';
import { useChartMeasure, useIsRtl } from './use-chart-measure';
import { useMainCategoryCounts } from './use-main-category-counts';
import './diagrams.css';



export function DiagramsView({ prisma }: { prisma?: PrismaSources }) {
  const { tab, setTab } = useDiagramTab();
  const project = useStore((s) => s.project);
  const counts = useMainCategoryCounts();
  const measure = useChartMeasure();
  const root = useRef<HTMLElement>(null);
  const rtl = useIsRtl(root);
  const hooked = usePrismaSources();
  const sources = prisma ?? hooked;
  const name = project?.name ?? '';

  return (
    <section className="gw-diagrams" ref={root} aria-label={t('Diagrams')}>
      <div className="gw-diagram-tabs" role="tablist" aria-label={t('Diagrams')} onKeyDown={onTabListKeys}>
        {TABS.map((x) => (
          <button key={x.key} type="button" role="tab" data-tab={x.key} aria-selected={tab === x.key} tabIndex={tab === x.key ? 0 : -1} className={tab === x.key ? 'gw-tab gw-active' : 'gw-tab'} onClick={() => setTab(x.key)}>
            {t(x.label)}
          </button>
        ))}
      </div>
      <div className="gw-diagram-panel" role="tabpanel" aria-label={t(TABS.find((x) => x.key === tab)!.label)}>
        {!measure ? (
          <p className="gw-muted">{t('Loading…')}</p>
        ) : tab === 'prisma' ? (
          <PrismaPanel sources={sources} measure={measure} rtl={rtl} projectName={name} />
        ) : !counts ? (
          <p className="gw-muted">{t('Loading…')}</p>
        ) : tab === 'paradigm' ? (
          <ParadigmDiagram counts={counts} measure={measure} rtl={rtl} projectName={name} />
        ) : (
          <CascadeChart counts={counts} measure={measure} rtl={rtl} projectName={name} />
        )}
      </div>
    </section>
  );
}
