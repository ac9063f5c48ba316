// The report of a REFI-QDA import: per file, what came in (and what was already in the project),
// the unit positions were read in and how well it fits, what was not imported (counted and listed
// by reason) and the warnings, with the rule codes are mapped by. A refused file shows its reason.

import { num, plural, t } from '../../i18n/t';
import { translated } from '../../i18n/message';
import type { ExchangeImportResult } from '../../../shared/domain/exchange-import';
import { closeExchangeReport, useExchange, type ExchangeOutcome } from './exchange-store';
import { kindText, mappingRule, unitText } from './texts';
import './exchange.css';

function CameIn({ result }: { result: ExchangeImportResult }) {
  const { written: w, alreadyThere: there } = result;
  const rows: [string, number, number | null][] = [
    [t('Sources'), w.sources, there.sources],
    [t('Categories'), w.categories, there.categories],
    [t('Concepts'), w.concepts, there.concepts],
    [t('Coded passages'), w.passages, there.passages],
    [t('Memos'), w.memos, null],
    [t('Attributes'), w.attributes, null],
    [t('Coders'), w.coders, null],
  ];
  return (
    <table className="gw-exchange-counts" data-testid="exchange-came-in">
      <thead>
        <tr>
          <th scope="col">{t('What came in')}</th>
          <th scope="col">{t('New')}</th>
          <th scope="col">{t('Already in the project')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([label, n, matched]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            <td>{num(n)}</td>
            <td>{matched === null ? '' : num(matched)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function FileReport({ outcome }: { outcome: ExchangeOutcome }) {
  if ('error' in outcome) {
    return (
      <section className="gw-exchange-file gw-exchange-refused" aria-label={outcome.file}>
        <h3>{t('“{file}” was not imported', { file: outcome.file })}</h3>
        <p dir="auto" className="gw-import-failed" data-testid="exchange-error">
          {outcome.error}
        </p>
        <p className="gw-muted">{t('The project is unchanged.')}</p>
      </section>
    );
  }
  const { result } = outcome;
  const { report } = result;
  return (
    <section className="gw-exchange-file" aria-label={outcome.file}>
      <h3>
        {report.format === 'qdc' ? t('Codebook “{file}”', { file: outcome.file }) : t('Project “{file}”', { file: outcome.file })}
        {report.origin && (
          <span className="gw-muted">
            {' '}
            · {t('written by {origin}', { origin: report.origin })}
          </span>
        )}
      </h3>
      <CameIn result={result} />
      {result.sources.length > 0 && (
        <ul className="gw-exchange-sources" aria-label={t('Sources')}>
          {result.sources.map((s, i) => (
            <li key={i}>
              <bdi>{s.name}</bdi>{' '}
              <span className="gw-muted">
                {s.status === 'matched' ? t('already in the project') : t('new')} · {plural(s.passages, '{n} coded passage', '{n} coded passages')}
              </span>
            </li>
          ))}
        </ul>
      )}
      {report.positions.share !== null && (
        <p data-testid="exchange-positions">
          {t('Positions read as {unit}: {share} of the selections start and end on word boundaries.', {
            unit: unitText(report.positions.unit),
            share: t('{pct} %', { pct: Math.round(report.positions.share * 100) }),
          })}
        </p>
      )}
      <h4>{t('Not imported')}</h4>
      {report.leftOut.length === 0 ? (
        <p className="gw-muted">{t('Nothing was left out.')}</p>
      ) : (
        <ul className="gw-exchange-left-out" data-testid="exchange-left-out">
          {report.leftOut.map((g) => (
            <li key={g.kind} data-kind={g.kind}>
              <details>
                <summary>
                  {kindText(g.kind)} <span className="gw-count">{num(g.count)}</span>
                </summary>
                <ul>
                  {g.items.map((item, i) => (
                    <li key={i} className="gw-exchange-item">
                      {g.itemsSaid?.[i] ? translated(g.itemsSaid[i]) : item}
                    </li>
                  ))}
                </ul>
              </details>
            </li>
          ))}
        </ul>
      )}
      {report.warnings.length > 0 && (
        <>
          <h4>{t('Warnings')}</h4>
          <ul className="gw-exchange-warnings" data-testid="exchange-warnings">
            {report.warnings.map((w, i) => (
              <li key={i} className="gw-exchange-item">
                {report.warningsSaid?.[i] ? translated(report.warningsSaid[i]) : w}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

export function ExchangeReport() {
  const { pending, outcomes } = useExchange();
  if (pending.length === 0 && outcomes.length === 0) return null;
  const running = pending.length > 0;
  return (
    <div className="gw-modal-backdrop" onMouseDown={closeExchangeReport}>
      <div
        className="gw-modal gw-exchange-report"
        role="dialog"
        aria-modal="true"
        aria-labelledby="gw-exchange-title"
        aria-busy={running}
        onMouseDown={(e) => e.stopPropagation()}
      >
        <h2 id="gw-exchange-title">{running ? t('Importing “{file}”…', { file: pending[0]! }) : t('Import of REFI-QDA files')}</h2>
        {outcomes.map((o, i) => (
          <FileReport key={`${o.file}-${i}`} outcome={o} />
        ))}
        <details className="gw-exchange-rule">
          <summary>{t('How codes become categories and concepts')}</summary>
          <ul>
            {mappingRule().map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </details>
        <div className="gw-modal-actions">
          <button type="button" className="gw-button gw-primary" autoFocus disabled={running} onClick={closeExchangeReport}>
            {t('OK')}
          </button>
        </div>
      </div>
    </div>
  );
}
