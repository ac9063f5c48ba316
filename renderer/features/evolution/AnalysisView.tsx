// The analysis views researchers know from MAXQDA and ATLAS.ti: the source × concept matrix (rows
// and columns collapsible to waves, main categories, components; a heat map), concept
// co-occurrence (a table and a chord diagram) and concept × attribute (a crosstab and a concept's
// passages over the years). Each filtered by wave, stage and attribute, each exportable.

import { useMemo, useRef, useState } from 'react';
import type { SourceAttribute } from '../../../shared/domain/waves';
import { SOURCE_ATTRIBUTES } from '../../../shared/domain/waves';
import { layoutBars } from '../../charts/bars-layout';
import { SceneSvg } from '../../charts/SceneSvg';
import { num, plural, t } from '../../i18n/t';
import { useStore } from '../../state/store';
import { ExportButtons } from '../diagrams/ExportButtons';
import { useChartMeasure, useIsRtl } from '../diagrams/use-chart-measure';
import { useLabelLanguage } from '../study/labels';
import { ChordDiagram } from './ChordDiagram';
import { ExportFileButtons } from './ExportFileButtons';
import { FilterBar, NO_FILTER, toFilter, type FilterState } from './FilterBar';
import { HeatTable } from './HeatTable';
import { attributeName, axisLabel } from './texts';
import { useAnswer } from './use-answer';
import './evolution.css';
import { NumberField } from '../../components/NumberField';

type Tab = 'matrix' | 'cooccurrence' | 'crosstab';
type Axis = 'concept' | 'category' | 'component';

function AxisSelect({ value, onChange, label }: { value: Axis; onChange: (a: Axis) => void; label: string }) {
  return (
    <label>
      {label}
      <select value={value} onChange={(e) => onChange(e.target.value as Axis)}>
        <option value="concept">{t('concepts')}</option>
        <option value="category">{t('main categories')}</option>
        <option value="component">{t('paradigm components')}</option>
      </select>
    </label>
  );
}

function MatrixTab({ filter }: { filter: FilterState }) {
  const [rows, setRows] = useState<'source' | 'wave'>('source');
  const [columns, setColumns] = useState<Axis>('concept');
  const [numbers, setNumbers] = useState(true);
  const input = { rows, columns, filter: toFilter(filter) };
  const { value: m, error } = useAnswer('analysis.matrix', input);
  return (
    <>
      <div className="gw-analysis-bar">
        <label>
          {t('Rows')}
          <select value={rows} onChange={(e) => setRows(e.target.value as 'source' | 'wave')}>
            <option value="source">{t('sources')}</option>
            <option value="wave">{t('waves')}</option>
          </select>
        </label>
        <AxisSelect value={columns} onChange={setColumns} label={t('Columns')} />
        <label className="gw-check">
          <span>
            <input type="checkbox" checked={numbers} onChange={(e) => setNumbers(e.target.checked)} /> {t('Show the numbers')}
          </span>
        </label>
        <ExportFileButtons view={{ kind: 'matrix', ...input }} />
      </div>
      {error && <p className="gw-note gw-warning">{error}</p>}
      {m && (
        <>
          <p className="gw-muted">{t('Passages per cell; a passage counts once in a cell, however many of its concept’s filings lead there. {n} passages in all.', { n: m.total })}</p>
          <HeatTable {...m} corner={rows === 'source' ? t('Source') : t('Wave')} numbers={numbers} testId="matrix" />
        </>
      )}
    </>
  );
}

function CooccurrenceTab({ filter }: { filter: FilterState }) {
  const lang = useLabelLanguage((s) => s.lang);
  const project = useStore((s) => s.project);
  const [mode, setMode] = useState<'overlap' | 'paragraph'>('overlap');
  const [limit, setLimit] = useState(20);
  const input = { mode, limit, filter: toFilter(filter) };
  const { value: co, error } = useAnswer('analysis.cooccurrence', input);
  const svg = useRef<SVGSVGElement>(null);
  return (
    <>
      <div className="gw-analysis-bar">
        <label>
          {t('Two concepts co-occur when')}
          <select value={mode} onChange={(e) => setMode(e.target.value as 'overlap' | 'paragraph')}>
            <option value="overlap">{t('their passages overlap')}</option>
            <option value="paragraph">{t('they are coded in the same paragraph')}</option>
          </select>
        </label>
        <label>
          {t('Concepts shown (most passages first)')}
          <NumberField value={limit} onChange={(v) => setLimit(Math.max(2, Math.min(200, Math.floor(Number(v)) || 2)))} />
        </label>
        <ExportFileButtons view={{ kind: 'cooccurrence', ...input }} />
      </div>
      {error && <p className="gw-note gw-warning">{error}</p>}
      {co && (
        <>
          <p className="gw-muted">
            {mode === 'overlap'
              ? t('Each cell: pairs of passages of the two concepts, in one source, that share at least one character. The diagonal: the concept’s own passages.')
              : t('Each cell: paragraphs where both concepts have a passage. The diagonal: the paragraphs the concept is coded in.')}{' '}
            {co.omitted > 0 && plural(co.omitted, '{n} concept with fewer passages is left out.', '{n} concepts with fewer passages are left out.')}
          </p>
          <div className="gw-analysis-split">
            <HeatTable rows={co.concepts} columns={co.concepts} cells={co.counts} corner={t('Concept')} testId="cooccurrence" />
            <div>
              {co.pairs.length === 0 ? (
                <p className="gw-muted">{t('No two concepts co-occur.')}</p>
              ) : (
                <>
                  <ExportButtons svg={svg} name={t('{project} - co-occurrence', { project: project?.name ?? '' })} />
                  <ChordDiagram ref={svg} labels={co.concepts.map((c) => axisLabel(c, lang))} counts={co.counts} title={t('Concept co-occurrence: {project}', { project: project?.name ?? '' })} />
                </>
              )}
            </div>
          </div>
        </>
      )}
    </>
  );
}

function CrosstabTab({ filter }: { filter: FilterState }) {
  const lang = useLabelLanguage((s) => s.lang);
  const project = useStore((s) => s.project);
  const [attribute, setAttribute] = useState<SourceAttribute>('year');
  const [axis, setAxis] = useState<Axis>('concept');
  const [row, setRow] = useState('');
  const input = { attribute, axis, filter: toFilter(filter) };
  const { value: x, error } = useAnswer('analysis.crosstab', input);
  const { value: years } = useAnswer('analysis.crosstab', { attribute: 'year', axis, filter: toFilter(filter) });
  const waves = useAnswer('wave.list', {}).value;
  const measure = useChartMeasure();
  const root = useRef<HTMLDivElement>(null);
  const rtl = useIsRtl(root);
  const svg = useRef<SVGSVGElement>(null);
  const chosen = years?.rows.findIndex((r) => r.key === row) ?? -1;
  const picked = chosen >= 0 ? chosen : 0;
  const scene = useMemo(() => {
    if (!years || !measure || years.rows.length === 0) return null;
    const item = years.rows[picked]!;
    return layoutBars(
      {
        title: t('Passages of {name} per publication year', { name: `\u2068${axisLabel(item, lang)}\u2069` }),
        bars: years.columns.map((c, j) => ({ label: c.kind === 'none' ? t('no year') : num(Number(c.label)), value: years.cells[picked]![j]! })),
        yLabel: t('Passages'),
        format: num,
      },
      measure,
      { rtl },
    );
  }, [years, picked, measure, rtl, lang]);
  return (
    <div ref={root}>
      <div className="gw-analysis-bar">
        <AxisSelect value={axis} onChange={setAxis} label={t('Rows')} />
        <label>
          {t('Columns')}
          <select value={attribute} onChange={(e) => setAttribute(e.target.value as SourceAttribute)}>
            {[...SOURCE_ATTRIBUTES, ...(waves?.attributes ?? [])].map((a) => (
              <option key={a} value={a}>
                {attributeName(a)}
              </option>
            ))}
          </select>
        </label>
        <ExportFileButtons view={{ kind: 'crosstab', ...input }} />
      </div>
      {error && <p className="gw-note gw-warning">{error}</p>}
      {x && <HeatTable {...x} corner={t('Passages')} testId="crosstab" footer={{ label: t('Sources with this value'), values: x.sourcesPerValue }} />}
      {years && years.rows.length > 0 && (
        <section className="gw-analysis-years">
          <div className="gw-analysis-bar">
            <label>
              {t('Over the publication years')}
              <select value={years.rows[picked]!.key} onChange={(e) => setRow(e.target.value)}>
                {years.rows.map((r) => (
                  <option key={r.key} value={r.key}>
                    {axisLabel(r, lang)}
                  </option>
                ))}
              </select>
            </label>
            <ExportButtons svg={svg} name={t('{project} - passages per year', { project: project?.name ?? '' })} />
          </div>
          <div className="gw-diagram-canvas">{scene && <SceneSvg ref={svg} scene={scene} testId="years-chart" />}</div>
        </section>
      )}
    </div>
  );
}

export function AnalysisView() {
  const [tab, setTab] = useState<Tab>('matrix');
  const [filter, setFilter] = useState<FilterState>(NO_FILTER);
  const tabs: { key: Tab; label: string }[] = [
    { key: 'matrix', label: t('Source × concept') },
    { key: 'cooccurrence', label: t('Co-occurrence') },
    { key: 'crosstab', label: t('Concept × attribute') },
  ];
  return (
    <section className="gw-analysis" aria-label={t('Analysis')}>
      <h2>{t('Analysis')}</h2>
      <div className="gw-diagram-tabs" role="tablist" aria-label={t('Analysis')}>
        {tabs.map((x) => (
          <button key={x.key} type="button" role="tab" aria-selected={tab === x.key} className={tab === x.key ? 'gw-tab gw-active' : 'gw-tab'} onClick={() => setTab(x.key)}>
            {x.label}
          </button>
        ))}
      </div>
      <FilterBar value={filter} onChange={setFilter} />
      <div role="tabpanel" aria-label={tabs.find((x) => x.key === tab)!.label}>
        {tab === 'matrix' ? <MatrixTab filter={filter} /> : tab === 'cooccurrence' ? <CooccurrenceTab filter={filter} /> : <CrosstabTab filter={filter} />}
      </div>
    </section>
  );
}
