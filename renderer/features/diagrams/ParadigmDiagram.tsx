// The paradigm model of the open project (the study's Figure 5), live from its counts.

import { useMemo, useRef } from 'react';
import type { MainCategoryCounts } from '../../../shared/domain/main-category-counts';
import { layoutParadigm } from '../../charts/paradigm-layout';
import { SceneSvg } from '../../charts/SceneSvg';
import type { Measure } from '../../charts/text-layout';
import { t } from '../../i18n/t';
import { paradigmInput } from './chart-inputs';
import { ExportButtons } from './ExportButtons';

export function ParadigmDiagram({ counts, measure, rtl, projectName }: { counts: MainCategoryCounts; measure: Measure; rtl: boolean; projectName: string }) {
  const svg = useRef<SVGSVGElement>(null);
  const scene = useMemo(() => layoutParadigm(paradigmInput(counts, projectName), measure, { rtl }), [counts, projectName, measure, rtl]);
  return (
    <>
      <div className="gw-diagram-bar">
        <p className="gw-muted">
          {t('Causal conditions lead to the core phenomenon, which the strategies answer, with their consequences; context and intervening conditions bear on the strategies.')}
        </p>
        <ExportButtons svg={svg} name={t('{project} - paradigm model', { project: projectName })} />
      </div>
      <div className="gw-diagram-canvas">
        <SceneSvg ref={svg} scene={scene} testId="paradigm-diagram" />
      </div>
    </>
  );
}
