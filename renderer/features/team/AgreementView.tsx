// The intercoder agreement view: two coders, the sources and concepts compared, the least overlap,
// and each level's figures (overall and per concept) with what the level means stated on screen;
// the disagreements below, each one click from its passage in the reader and one decision from the
// consensus coding. Exports the figures as CSV or XLSX.

import { useEffect, useMemo, useState } from 'react';
import type { Input } from '../../../shared/api/contract';
import type { AgreementLevel } from '../../../shared/domain/agreement/levels';
import type { CoderId, ConceptId, DocumentId } from '../../../shared/domain/ids';
import { api } from '../../api/client';
import { downloadBase64 } from '../../components/download';
import { num, plural, t } from '../../i18n/t';
import { useProjectQueryResult } from '../../state/use-project-query';
import { useStore } from '../../state/store';
import { AgreementFigures } from './AgreementFigures';
import { levelExplanationText, levelTitle, overlapPercent } from './agreement-text';
import { coderName } from './coder-name';
import { DisagreementList } from './DisagreementList';
import { useCoders } from './team-store';

const LEVELS: AgreementLevel[] = ['presence', 'frequency', 'overlap'];
/** The least overlaps offered for the passage level, in percent (MAXQDA's default is 90). */
const OVERLAPS = [50, 60, 66, 70, 75, 80, 85, 90, 95, 100];
/** Stands for the input while two coders are not chosen (never sent). */
const NO_INPUT = { coderA: 0, coderB: 0 } as unknown as Input<'agreement.compute'>;

export function AgreementView() {
  const run = useStore((s) => s.run);
  const toast = useStore((s) => s.toast);
  const coders = useCoders();
  const people = coders.filter((c) => c.segmentCount > 0 || c.kind === 'person');
  const [a, setA] = useState<CoderId | null>(null);
  const [b, setB] = useState<CoderId | null>(null);
  const [sources, setSources] = useState<DocumentId[] | undefined>(undefined);
  const [concepts, setConcepts] = useState<ConceptId[] | undefined>(undefined);
  const [percent, setPercent] = useState('90');
  const [level, setLevel] = useState<AgreementLevel>('overlap');

  // The first two coders with passages, until the user chooses.
  useEffect(() => {
    const coded = people.filter((c) => c.kind === 'person' && c.segmentCount > 0);
    if (a === null && coded[0]) setA(coded[0].id);
    if (b === null && coded[1]) setB(coded[1].id);
  }, [people, a, b]);

  const share = Number(percent) / 100;
  const input = useMemo(
    () => (a !== null && b !== null && a !== b && share > 0 && share <= 1 ? { coderA: a, coderB: b, documentIds: sources, conceptIds: concepts, minOverlap: share } : null),
    [a, b, sources, concepts, share],
  );
  // A keyed answer: fetched again when a change touches the coders' passages or their adjudication
  // (a decision below), and kept on screen while the figures for a new choice are on their way.
  const computed = useProjectQueryResult('agreement.compute', input ?? NO_INPUT, { enabled: input !== null, keepPrevious: true });
  const view = input ? (computed.answer ?? null) : null;
  const problem = input && computed.error ? computed.error.message : null;

  const exportAs = async (format: 'csv' | 'xlsx') => {
    if (!input) return;
    try {
      const file = await api.call('agreement.export', { agreement: input, format });
      downloadBase64(file.filename, file.dataBase64, file.mime);
    } catch (error) {
      toast('error', (error as Error).message);
    }
  };

  const report = view?.report[level];
  return (
    <section className="gw-agreement" aria-label={t('Intercoder agreement')}>
      <header className="gw-agreement-header">
        <div>
          <h2>{t('Intercoder agreement')}</h2>
          <p className="gw-muted">{t('Two coders who coded the same sources apart, compared at three levels. Choose the coders, the sources and concepts, and the least overlap for the passage level.')}</p>
        </div>
        <div className="gw-toolbar">
          <button type="button" className="gw-button" disabled={!view} onClick={() => void exportAs('csv')}>
            {t('Export (CSV)')}
          </button>
          <button type="button" className="gw-button" disabled={!view} onClick={() => void exportAs('xlsx')}>
            {t('Export (XLSX)')}
          </button>
        </div>
      </header>
      <div className="gw-agreement-controls">
        <label>
          {t('Coder A')}{' '}
          <select className="gw-input" value={a ?? ''} onChange={(e) => setA(Number(e.target.value) as CoderId)} data-testid="coder-a">
            <option value="" disabled />
            {people.map((c) => (
              <option key={c.id} value={c.id}>
                {coderName(c)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('Coder B')}{' '}
          <select className="gw-input" value={b ?? ''} onChange={(e) => setB(Number(e.target.value) as CoderId)} data-testid="coder-b">
            <option value="" disabled />
            {people.map((c) => (
              <option key={c.id} value={c.id}>
                {coderName(c)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('Least overlap (%)')}{' '}
          <select className="gw-input" value={percent} onChange={(e) => setPercent(e.target.value)} data-testid="least-overlap">
            {OVERLAPS.map((p) => (
              <option key={p} value={String(p)}>
                {num(p)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {a !== null && a === b && <p className="gw-form-problem">{t('Choose two different coders.')}</p>}
      {people.filter((c) => c.segmentCount > 0).length < 2 && (
        <p className="gw-empty">{t('Agreement needs two coders who coded the same sources. Prepare copies for coders, let each code apart, and merge their copies here.')}</p>
      )}
      {problem && <p className="gw-form-problem">{problem}</p>}
      {view && (
        <>
          <details className="gw-agreement-scope">
            <summary>
              {t('Compared: {s} of {all} sources, {c} concepts', { s: view.sources.length, all: view.codedSources.length, c: view.concepts.length })}
            </summary>
            <fieldset>
              <legend>{t('Sources')}</legend>
              {view.codedSources.map((s) => (
                <label key={s.id} className="gw-agreement-check">
                  <input
                    type="checkbox"
                    checked={view.sources.some((x) => x.id === s.id)}
                    onChange={(e) => {
                      const now = view.sources.map((x) => x.id as DocumentId);
                      setSources(e.target.checked ? [...now, s.id as DocumentId] : now.filter((x) => x !== s.id));
                    }}
                  />{' '}
                  <bdi>{s.name}</bdi> <span className="gw-muted">{s.byA && s.byB ? t('(both coded it)') : s.byA ? t('(only A coded it)') : t('(only B coded it)')}</span>
                </label>
              ))}
            </fieldset>
            <fieldset>
              <legend>{t('Concepts')}</legend>
              <button type="button" className="gw-link" onClick={() => setConcepts(undefined)}>
                {t('Every concept either coder used')}
              </button>
              {view.concepts.map((c) => (
                <label key={c.id} className="gw-agreement-check">
                  <input
                    type="checkbox"
                    checked
                    onChange={() => setConcepts(view.concepts.map((x) => x.id as ConceptId).filter((x) => x !== c.id))}
                  />{' '}
                  <span className="gw-swatch" style={{ background: c.color }} /> <bdi>{c.label}</bdi>
                </label>
              ))}
            </fieldset>
          </details>
          <nav className="gw-agreement-tabs" role="tablist" aria-label={t('Levels')}>
            {LEVELS.map((l) => (
              <button key={l} type="button" role="tab" aria-selected={level === l} className={level === l ? 'gw-tab gw-active' : 'gw-tab'} onClick={() => setLevel(l)}>
                {levelTitle(l)}
              </button>
            ))}
          </nav>
          {report && (
            <div className="gw-agreement-level" data-level={level}>
              <p className="gw-agreement-explanation" data-testid="level-explanation">
                {levelExplanationText(level, overlapPercent(view.report.minOverlap))}
              </p>
              <AgreementFigures report={report} view={view} />
              <div className="gw-agreement-disagreements-head">
                <h3>{plural(report.disagreements.length, '{n} disagreement', '{n} disagreements')}</h3>
                {level === 'overlap' && (
                  <button
                    type="button"
                    className="gw-button"
                    onClick={() => input && void run('adjudication.acceptAgreements', input).then((r) => r && toast('info', plural(r.added, '{n} agreed passage went into the consensus.', '{n} agreed passages went into the consensus.')))}
                  >
                    {t('Accept the agreed passages into the consensus')}
                  </button>
                )}
              </div>
              <DisagreementList report={report} view={view} />
              <p className="gw-muted">{t('Coder A: {a} · Coder B: {b} · {n} passages compared', { a: coderName(view.coderA), b: coderName(view.coderB), n: Object.keys(view.passageText).length })}</p>
            </div>
          )}
        </>
      )}
    </section>
  );
}
