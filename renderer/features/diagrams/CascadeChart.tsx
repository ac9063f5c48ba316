// The count cascade of the open project: final codes → concepts → main categories → components,
// and which main categories feed which component.

import { useMemo, useRef, useState } from 'react';
import type { MainCategoryCounts } from '../../../shared/domain/main-category-counts';
import { layoutCascade } from '../../charts/cascade-layout';
import { SceneSvg } from '../../charts/SceneSvg';
import type { Measure } from '../../charts/text-layout';
import { t } from '../../i18n/t';
import { cascadeInput } from './chart-inputs';
import { ExportButtons } from './ExportButtons';

export function CascadeChart({ counts, measure, rtl, projectName }: { counts: MainCategoryCounts; measure: Measure; rtl: boolean; projectName: string }) {
  const svg = useRef<SVGSVGElement>(null);
  const [weight, setWeight] = useState<'finalCodes' | 'concepts'>('finalCodes');
  const scene = useMemo(() => layoutCascade(cascadeInput(counts, projectName, weight), measure, { rtl }), [counts, projectName, weight, measure, rtl]);
  return (
    <>
      <div className="gw-diagram-bar">
        <label className="gw-diagram-option">
          {t('Band thickness')}{' '}
          <select value={weight} onChange={(e) => setWeight(e.target.value as typeof weight)}>
            <option value="finalCodes">{t('Final codes')}</option>
            <option value="concepts">{t('Concepts')}</option>
          </select>
        </label>
        <ExportButtons svg={svg} name={t('{project} - count cascade', { project: projectName })} />
      </div>
      <div className="gw-diagram-canvas" tabIndex={0} role="region" aria-label={t('The drawing')}>
        <SceneSvg ref={svg} scene={scene} testId="cascade-chart" />
      </div>
    </>
  );
}
