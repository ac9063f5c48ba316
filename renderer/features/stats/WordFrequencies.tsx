// Word frequencies of the corpus (or one source): words normalised as search normalises them
// (letter forms, ZWNJ, harakat, digits), with the Persian, Arabic and English stop lists left out
// or kept, as a table and a d3 bar chart.

import { scaleBand, scaleLinear } from 'd3';
import { useState } from 'react';
import type { DocumentId } from '../../../shared/domain/ids';
import type { WordFrequencies as Frequencies } from '../../../shared/domain/search-model';
import { paragraphDirection } from '../../../shared/domain/text';
import { count, plural, t } from '../../i18n/t';
import { useDocuments } from '../../state/project-data';
import { useStore } from '../../state/store';
import { useProjectQueryResult } from '../../state/use-project-query';
import { useSearch } from '../search/search-store';
import '../search/search.css';

const SHOWN = 100;
const CHARTED = 30;

function BarChart({ data }: { data: Frequencies['words'] }) {
  const rows = data.slice(0, CHARTED);
  const width = 560;
  const labelWidth = 150;
  const barHeight = 20;
  const height = rows.length * barHeight + 24;
  const x = scaleLinear()
    .domain([0, Math.max(1, ...rows.map((r) => r.count))])
    .nice()
    .range([0, width - labelWidth - 50]);
  const y = scaleBand<string>()
    .domain(rows.map((r) => r.word))
    .range([0, rows.length * barHeight])
    .padding(0.2);
  return (
    <svg className="gw-wordfreq-chart" width={width} height={height} role="img" aria-label={t('The most frequent words as bars')} direction="ltr">
      {x.ticks(5).map((tick) => (
        <g key={tick} transform={`translate(${labelWidth + x(tick)},0)`}>
          <line y1={0} y2={rows.length * barHeight} stroke="#e2e1dc" />
          <text y={rows.length * barHeight + 16} textAnchor="middle" fontSize={11} fill="#6b6f76">
            {count(tick)}
          </text>
        </g>
      ))}
      {rows.map((r) => (
        <g key={r.word} transform={`translate(0,${y(r.word)})`}>
          {/* In an RTL text, "start" is the right-hand edge: both label kinds end at the bar. */}
          <text
            x={labelWidth - 8}
            y={y.bandwidth() / 2}
            dy="0.35em"
            textAnchor={paragraphDirection(r.word) === 'rtl' ? 'start' : 'end'}
            fontSize={13}
            direction={paragraphDirection(r.word)}
          >
            {r.written}
          </text>
          <rect x={labelWidth} width={x(r.count)} height={y.bandwidth()} fill="#2f5d8a" rx={2} />
          <text x={labelWidth + x(r.count) + 4} y={y.bandwidth() / 2} dy="0.35em" fontSize={11} fill="#6b6f76">
            {count(r.count)}
          </text>
        </g>
      ))}
    </svg>
  );
}

export function WordFrequencies() {
  const documents = useDocuments();
  const [source, setSource] = useState<DocumentId | 0>(0);
  const [stopWords, setStopWords] = useState(true);
  const frequencies = useProjectQueryResult('stats.wordFrequencies', { limit: SHOWN, stopWords, ...(source ? { documentIds: [source] } : {}) }, { keepPrevious: true });
  const data: Frequencies | null = frequencies.answer ?? null;
  const error = frequencies.error?.message ?? null;

  const searchFor = (word: string) => {
    useStore.getState().setView('coding');
    void useSearch.getState().search(word);
  };

  return (
    <section className="gw-wordfreq" aria-label={t('Word frequencies')}>
      <h2>{t('Word frequencies')}</h2>
      <div className="gw-wordfreq-controls">
        <select className="gw-select" value={source} onChange={(e) => setSource(Number(e.target.value) as DocumentId | 0)} aria-label={t('Sources counted')}>
          <option value={0}>{t('All sources')}</option>
          {documents.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>
        <label>
          <input type="checkbox" checked={stopWords} onChange={(e) => setStopWords(e.target.checked)} /> {t('Leave out stop words (Persian, Arabic, English)')}
        </label>
        {data && (
          <span className="gw-muted">
            {t('{words} in {sources}; {distinct} different', {
              words: plural(data.totalWords, '{n} word', '{n} words'),
              sources: plural(data.documents, '{n} source', '{n} sources'),
              distinct: count(data.distinctWords),
            })}
          </span>
        )}
      </div>
      <p className="gw-muted">{t('Words are counted as search finds them: letter forms, ZWNJ, harakat and digit sets made alike. Click a word to search for it.')}</p>
      {error && <p className="gw-search-error">{error}</p>}
      {data && data.words.length === 0 && <p className="gw-empty">{t('No words to count yet.')}</p>}
      {data && data.words.length > 0 && (
        <div className="gw-wordfreq-body">
          <table>
            <thead>
              <tr>
                <th>{t('Word')}</th>
                <th className="gw-num">{t('Count')}</th>
                <th className="gw-num">{t('Sources')}</th>
              </tr>
            </thead>
            <tbody>
              {data.words.map((w) => (
                <tr key={w.word}>
                  <td>
                    <button type="button" className="gw-link" dir="auto" data-user-text onClick={() => searchFor(w.word)}>
                      {w.written}
                    </button>
                  </td>
                  <td className="gw-num">{count(w.count)}</td>
                  <td className="gw-num">{count(w.documents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <BarChart data={data.words} />
        </div>
      )}
    </section>
  );
}
