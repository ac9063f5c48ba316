// The paradigm model drawn as the Diagrams view draws it, with what changed marked: new main
// categories and those that grew are highlighted with their added concepts · final codes, and
// each component says what it gained. Exportable as SVG and PNG like every drawing.

import { useMemo, useRef } from 'react';
import type { ChangeView } from '../../../shared/domain/change-view';
import type { ParadigmInput } from '../../charts/paradigm-layout';
import { layoutParadigm } from '../../charts/paradigm-layout';
import { SceneSvg } from '../../charts/SceneSvg';
import { plural, t } from '../../i18n/t';
import { paradigmInput } from '../diagrams/chart-inputs';
import { ExportButtons } from '../diagrams/ExportButtons';
import { useChartMeasure, useIsRtl } from '../diagrams/use-chart-measure';
import { useMainCategoryCounts } from '../diagrams/use-main-category-counts';
import { signed } from './texts';

/** The change of a component's figures in words: "+1 concept · +3 final codes", nothing when none. */
function componentChange(before: { concepts: number; finalCodes: number; mainCategories: number }, now: typeof before): string | undefined {
  const parts: string[] = [];
  const m = now.mainCategories - before.mainCategories;
  const c = now.concepts - before.concepts;
  const f = now.finalCodes - before.finalCodes;
  if (m) parts.push(plural(Math.abs(m), '{sign} main category', '{sign} main categories', { sign: signed(m) }));
  if (c) parts.push(plural(Math.abs(c), '{sign} concept', '{sign} concepts', { sign: signed(c) }));
  if (f) parts.push(plural(Math.abs(f), '{sign} final code', '{sign} final codes', { sign: signed(f) }));
  return parts.length ? parts.join(' · ') : undefined;
}

export function ChangeDiagram({ view, projectName }: { view: ChangeView; projectName: string }) {
  const counts = useMainCategoryCounts();
  const measure = useChartMeasure();
  const root = useRef<HTMLDivElement>(null);
  const svg = useRef<SVGSVGElement>(null);
  const rtl = useIsRtl(root);
  const scene = useMemo(() => {
    if (!counts || !measure) return null;
    const base = paradigmInput(counts, projectName);
    const marks = new Map(view.diagram.mainCategories.map((m) => [m.id as number, m]));
    const boxes = {} as ParadigmInput['boxes'];
    for (const [key, box] of Object.entries(base.boxes) as [keyof ParadigmInput['boxes'], ParadigmInput['boxes'][keyof ParadigmInput['boxes']]][]) {
      const c = view.diagram.components.find((x) => x.component === key);
      boxes[key] = {
        ...box,
        change: c ? componentChange(c.before, c.now) : undefined,
        categories: box.categories.map((cat) => {
          const m = cat.id === undefined ? undefined : marks.get(cat.id);
          if (!m || !(m.isNew || m.grown)) return cat;
          const before = m.before ?? { concepts: 0, finalCodes: 0 };
          const change = `${signed(m.now.concepts - before.concepts)} · ${signed(m.now.finalCodes - before.finalCodes)}`;
          return { ...cat, mark: m.isNew ? ('new' as const) : ('grown' as const), change: m.isNew ? t('new: {change}', { change }) : change };
        }),
      };
    }
    const title =
      view.against.kind === 'baseline'
        ? t('Paradigm model: {project}, since {baseline}', { project: `\u2068${projectName}\u2069`, baseline: `\u2068${view.against.name}\u2069` })
        : t('Paradigm model: {project}, what {wave} added', { project: `\u2068${projectName}\u2069`, wave: `\u2068${view.against.name}\u2069` });
    return layoutParadigm(
      {
        ...base,
        title,
        boxes,
        marksLegend: t('Marked: new main categories (amber) and main categories that gained concepts or final codes (green), with what they gained (concepts · final codes); under each component, what it gained.'),
      },
      measure,
      { rtl },
    );
  }, [counts, measure, view, projectName, rtl]);

  return (
    <div className="gw-evo-diagram" ref={root}>
      <div className="gw-diagram-bar">
        <span />
        <ExportButtons svg={svg} name={t('{project} - paradigm model, what changed', { project: projectName })} />
      </div>
      <div className="gw-diagram-canvas">{scene ? <SceneSvg ref={svg} scene={scene} testId="change-diagram" /> : <p className="gw-muted">{t('Loading…')}</p>}</div>
    </div>
  );
}
