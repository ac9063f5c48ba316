// The paradigm model of the open project (the study's Figure 5), live from its counts.

import { useMemo, useRef } from 'react';
import type { MainCategoryCounts } from '../../../shared/domain/main-category-counts';
import { layoutParadigm } from '../../charts/paradigm-layout';
import { SceneSvg } from '../../charts/SceneSvg';
import type { Measure } from '../../charts/text-layout';
import { t } from '../../i18n/t';
import { useStore } from '../../state/store';
import type { CategoryId } from '../../../shared/domain/ids';
import { isComponentKey } from '../../../shared/domain/paradigm';
import { paradigmInput } from './chart-inputs';
import { ExportButtons } from './ExportButtons';

export function ParadigmDiagram({ counts, measure, rtl, projectName }: { counts: MainCategoryCounts; measure: Measure; rtl: boolean; projectName: string }) {
  const svg = useRef<SVGSVGElement>(null);
  const setFocus = useStore((s) => s.setFocus);
  const setView = useStore((s) => s.setView);
  // A main category or component name in the drawing opens it in the code system, as Table 8 does.
  const onLink = (link: string) => {
    const [kind, value = ''] = link.split(':');
    if (kind === 'category') setFocus({ kind: 'category', id: Number(value) as CategoryId });
    else if (kind === 'component' && isComponentKey(value)) setFocus({ kind: 'component', key: value });
    else return;
    setView('coding');
  };
  const scene = useMemo(() => layoutParadigm(paradigmInput(counts, projectName), measure, { rtl }), [counts, projectName, measure, rtl]);
  return (
    <>
      <div className="gw-diagram-bar">
        <p className="gw-muted">
          {t('Causal conditions lead to the core phenomenon, which the strategies answer, with their consequences; context and intervening conditions bear on the strategies.')}
        </p>
        <ExportButtons svg={svg} name={t('{project} - paradigm model', { project: projectName })} />
      </div>
      <div className="gw-diagram-canvas" tabIndex={0} role="region" aria-label={t('The drawing')}>
        <SceneSvg ref={svg} scene={scene} testId="paradigm-diagram" onLink={onLink} />
      </div>
    </>
  );
}
