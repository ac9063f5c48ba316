// Theoretical saturation from the data: new concepts per source and their running total, in
// coding or publication order, overall or for one paradigm component, with the stopping rule the
// researcher sets marked where it is first met, and the source where each concept first appeared.

import { useMemo, useRef } from 'react';
import { create } from 'zustand';
import { COMPONENT_KEYS, type ComponentKey } from '../../../shared/domain/paradigm';
import type { SaturationOrder, StoppingRule } from '../../../shared/domain/saturation';
import { layoutSaturation } from '../../charts/saturation-layout';
import { SceneSvg } from '../../charts/SceneSvg';
import { num, plural, t } from '../../i18n/t';
import { useStore } from '../../state/store';
import { ExportButtons } from '../diagrams/ExportButtons';
import { useChartMeasure, useIsRtl } from '../diagrams/use-chart-measure';
import { componentLabel, useLabelLanguage } from '../study/labels';
import { ExportFileButtons } from './ExportFileButtons';
import { FilterBar, NO_FILTER, toFilter, type FilterState } from './FilterBar';
import { conceptName, ruleText } from './texts';
import { useAnswer } from './use-answer';
import './evolution.css';
import { NumberField } from '../../components/NumberField';

type RuleKind = 'none' | StoppingRule['kind'];

interface Settings {
  order: SaturationOrder;
  curve: 'overall' | ComponentKey | 'none';
  ruleKind: RuleKind;
  k: number;
  percent: number;
  filter: FilterState;
}

/** The curve's settings last for the session, across views (the rule is the researcher's choice). */
const useSettings = create<Settings & { set(change: Partial<Settings>): void }>()((set) => ({
  order: 'coding',
  curve: 'overall',
  ruleKind: 'no-new',
  k: 3,
  percent: 5,
  filter: NO_FILTER,
  set: (change) => set(change),
}));

export function SaturationView() {
  const project = useStore((s) => s.project);
  const lang = useLabelLanguage((s) => s.lang);
  const { order, curve, ruleKind, k, percent, filter, set } = useSettings();
  const setOrder = (order: SaturationOrder) => set({ order });
  const setCurve = (curve: Settings['curve']) => set({ curve });
  const setRuleKind = (ruleKind: RuleKind) => set({ ruleKind });
  const setK = (k: number) => set({ k });
  const setPercent = (percent: number) => set({ percent });
  const setFilter = (filter: FilterState) => set({ filter });
  const rule: StoppingRule | null =
    ruleKind === 'none' || !(k >= 1) ? null : ruleKind === 'no-new' ? { kind: 'no-new', k } : { kind: 'share-new', k, percent: percent > 0 && percent <= 100 ? percent : 5 };
  const input = { order, rule, filter: toFilter(filter) };
  const { value: report, error } = useAnswer('saturation.report', input);
  const measure = useChartMeasure();
  const root = useRef<HTMLElement>(null);
  const svg = useRef<SVGSVGElement>(null);
  const rtl = useIsRtl(root);

  const chosen = report ? (curve === 'overall' ? report.overall : report.perComponent[curve]) : undefined;
  const curveName = curve === 'overall' ? t('all components') : curve === 'none' ? t('concepts in no component') : componentLabel(curve, lang);
  const scene = useMemo(() => {
    if (!report || !chosen || !measure) return null;
    const met = chosen.metAt;
    return layoutSaturation(
      {
        title: t('Saturation: {project} ({curve})', { project: `\u2068${project?.name ?? ''}\u2069`, curve: curveName }),
        subtitle: `${order === 'coding' ? t('Sources in coding order (when each source’s first passage was coded).') : t('Sources in publication order (year, then name; sources without a year last).')} ${ruleText(rule)}.`,
        added: chosen.added,
        cumulative: chosen.cumulative,
        metAt: met,
        metLabel:
          met === null
            ? ''
            : t('Stopping rule met at source {n}: {source}', { n: met + 1, source: report.points[met]!.name }),
        xLabel: order === 'coding' ? t('Sources in coding order') : t('Sources in publication order'),
        yLabel: t('Concepts found (cumulative)'),
        legendCumulative: t('Concepts found so far'),
        legendAdded: t('New concepts in the source'),
        format: num,
      },
      measure,
      { rtl, width: 980 },
    );
  }, [report, chosen, measure, rtl, order, rule?.kind, k, percent, curveName, project?.name]);

  return (
    <section className="gw-analysis" ref={root} aria-label={t('Saturation')}>
      <h2>{t('Saturation')}</h2>
      <p className="gw-muted">
        {t('A concept is new in the first source where it is coded. The curve flattens as sources stop bringing new concepts; the stopping rule says when to call it saturated. Sources without passages are left out.')}
      </p>
      <div className="gw-analysis-bar">
        <label>
          {t('Order')}
          <select value={order} onChange={(e) => setOrder(e.target.value as SaturationOrder)}>
            <option value="coding">{t('coding order')}</option>
            <option value="year">{t('publication order')}</option>
          </select>
        </label>
        <label>
          {t('Curve')}
          <select value={curve} onChange={(e) => setCurve(e.target.value as typeof curve)}>
            <option value="overall">{t('all components')}</option>
            {COMPONENT_KEYS.map((key) => (
              <option key={key} value={key}>
                {componentLabel(key, lang)}
              </option>
            ))}
            <option value="none">{t('concepts in no component')}</option>
          </select>
        </label>
        <label>
          {t('Stopping rule')}
          <select value={ruleKind} onChange={(e) => setRuleKind(e.target.value as RuleKind)}>
            <option value="none">{t('none')}</option>
            <option value="no-new">{t('no new concept in the last k sources')}</option>
            <option value="share-new">{t('fewer than p % new in the last k sources')}</option>
          </select>
        </label>
        {ruleKind !== 'none' && (
          <label>
            {t('k (sources)')}
            <NumberField value={k} onChange={(v) => setK(Math.floor(Number(v)))} />
          </label>
        )}
        {ruleKind === 'share-new' && (
          <label>
            {t('p (%)')}
            <NumberField decimal value={percent} onChange={(v) => setPercent(Number(v))} />
          </label>
        )}
        <ExportFileButtons view={{ kind: 'saturation', ...input }} />
      </div>
      <FilterBar value={filter} onChange={setFilter} />
      {error && <p className="gw-note gw-warning">{error}</p>}
      {report && chosen && (
        <>
          <p data-testid="saturation-verdict" className={chosen.metAt === null ? 'gw-note' : 'gw-note gw-ok'}>
            {report.points.length === 0
              ? t('No source has a coded passage yet.')
              : chosen.metAt === null
                ? t('{concepts} from {sources}; the stopping rule is not met.', {
                    concepts: plural(chosen.cumulative.at(-1) ?? 0, '{n} concept', '{n} concepts'),
                    sources: plural(report.points.length, '{n} source', '{n} sources'),
                  })
                : t('{concepts} from {sources}; the stopping rule is met at source {n} ({source}).', {
                    concepts: plural(chosen.cumulative.at(-1) ?? 0, '{n} concept', '{n} concepts'),
                    sources: plural(report.points.length, '{n} source', '{n} sources'),
                    n: chosen.metAt + 1,
                    source: report.points[chosen.metAt]!.name,
                  })}
          </p>
          <div className="gw-diagram-bar">
            <span />
            <ExportButtons svg={svg} name={t('{project} - saturation curve', { project: project?.name ?? '' })} />
          </div>
          <div className="gw-diagram-canvas">{scene && <SceneSvg ref={svg} scene={scene} testId="saturation-chart" />}</div>
          <div className="gw-analysis-split">
            <section>
              <h3>{t('Sources in order')}</h3>
              <table className="gw-table gw-saturation-sources" data-testid="saturation-sources">
                <thead>
                  <tr>
                    <th scope="col">#</th>
                    <th scope="col">{t('Source')}</th>
                    <th scope="col">{t('Year')}</th>
                    <th scope="col">{t('Passages')}</th>
                    <th scope="col">{t('New concepts')}</th>
                    <th scope="col">{t('So far')}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.points.map((p, i) => (
                    <tr key={p.documentId} data-source={p.name} className={chosen.metAt === i ? 'gw-met' : undefined}>
                      <td>{num(p.position)}</td>
                      <th scope="row">
                        <bdi>{p.name}</bdi>
                      </th>
                      <td>{p.year === null ? '—' : num(p.year)}</td>
                      <td>{num(p.passages)}</td>
                      <td>{num(chosen.added[i]!)}</td>
                      <td>{num(chosen.cumulative[i]!)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {report.notCoded.length > 0 && (
                <p className="gw-muted">
                  {t('Left out, no passage coded: {sources}', { sources: report.notCoded.map((d) => report.sources[d] ?? '').join('، ') })}
                </p>
              )}
            </section>
            <section>
              <h3>{t('Where each concept first appeared')}</h3>
              <ol className="gw-first-list" data-testid="first-appearances">
                {report.firstAppearance.map((f) => (
                  <li key={f.conceptId} data-concept={report.concepts[f.conceptId]?.label}>
                    <bdi>{conceptName(report.concepts[f.conceptId], lang, f.conceptId)}</bdi>
                    <span className="gw-muted">
                      {' — '}
                      {t('source {n}: {source}', { n: f.position, source: report.sources[f.documentId] ?? '' })}
                    </span>
                  </li>
                ))}
              </ol>
            </section>
          </div>
        </>
      )}
    </section>
  );
}
