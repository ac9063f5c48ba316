// Corpus statistics: records per stage, per year and per type, as tables with a d3 bar chart.
// (Word frequencies are a separate component of the search feature.)

import { max, scaleBand, scaleLinear } from 'd3';
import { useState } from 'react';
import { num, t, year } from '../../i18n/t';
import { useCorpusStats } from './corpus-store';
import { stageLabel, typeLabel } from './labels';

interface Bar {
  label: string;
  count: number;
}

function BarChart({ bars, title }: { bars: Bar[]; title: string }) {
  const width = 300;
  const rowHeight = 20;
  const labelWidth = 110;
  const height = bars.length * rowHeight;
  const y = scaleBand<string>().domain(bars.map((b) => b.label)).range([0, height]).padding(0.2);
  const x = scaleLinear().domain([0, max(bars, (b) => b.count) || 1]).range([0, width - labelWidth - 40]);
  return (
    <svg className="gw-bar-chart" width={width} height={height} role="img" aria-label={title} viewBox={`0 0 ${width} ${height}`}>
      {bars.map((b) => (
        <g key={b.label} transform={`translate(0, ${y(b.label) ?? 0})`}>
          <text x={labelWidth - 6} y={y.bandwidth() / 2} dy="0.35em" textAnchor="end" className="gw-bar-label">
            {b.label}
          </text>
          <rect x={labelWidth} width={x(b.count)} height={y.bandwidth()} className="gw-bar" />
          <text x={labelWidth + x(b.count) + 4} y={y.bandwidth() / 2} dy="0.35em" className="gw-bar-value">
            {num(b.count)}
          </text>
        </g>
      ))}
    </svg>
  );
}

export function CorpusStatsSection() {
  const stats = useCorpusStats();
  const [by, setBy] = useState<'stage' | 'year' | 'type'>('stage');
  if (!stats) return null;
  const bars: Bar[] =
    by === 'stage'
      ? stats.byStage.map((s) => ({ label: stageLabel(s.stage), count: s.count }))
      : by === 'year'
        ? stats.byYear.map((s) => ({ label: s.year === null ? t('no year') : year(s.year), count: s.count }))
        : stats.byType.map((s) => ({ label: typeLabel(s.type), count: s.count }));
  const title = by === 'stage' ? t('Records per stage') : by === 'year' ? t('Records per year') : t('Records per type');
  return (
    <section className="gw-panel gw-corpus-stats" aria-label={t('Corpus statistics')} data-testid="corpus-stats">
      <header className="gw-panel-header">
        <h2>{t('Corpus statistics')}</h2>
        <span className="gw-muted">{t('{n} records, {m} with full text', { n: stats.total, m: stats.withText })}</span>
      </header>
      <div className="gw-row" role="group" aria-label={t('Count records by')}>
        {(['stage', 'year', 'type'] as const).map((k) => (
          <button key={k} type="button" className={by === k ? 'gw-chip gw-active' : 'gw-chip'} aria-pressed={by === k} onClick={() => setBy(k)}>
            {k === 'stage' ? t('per stage') : k === 'year' ? t('per year') : t('per type')}
          </button>
        ))}
      </div>
      <table className="gw-table gw-compact">
        <thead>
          <tr>
            <th scope="col">{by === 'stage' ? t('Stage') : by === 'year' ? t('Year') : t('Type')}</th>
            <th scope="col">{t('Records')}</th>
          </tr>
        </thead>
        <tbody>
          {bars.map((b) => (
            <tr key={b.label}>
              <th scope="row">{b.label}</th>
              <td>{num(b.count)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <BarChart bars={bars} title={title} />
    </section>
  );
}
