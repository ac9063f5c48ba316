// The disagreements of one level: each with the coders' passages (a click opens the passage in the
// reader) and the adjudication: coder A's, coder B's, both or neither go into the consensus coding.

import type { CodedPassage, Disagreement, LevelReport } from '../../../shared/domain/agreement/levels';
import type { SegmentId } from '../../../shared/domain/ids';
import type { AgreementView, Verdict } from '../../../shared/domain/team';
import { num, t } from '../../i18n/t';
import { useStore } from '../../state/store';
import { percentText } from './agreement-text';

function PassageLink({ p, view }: { p: CodedPassage; view: AgreementView }) {
  const jumpTo = useStore((s) => s.jumpTo);
  const concept = view.concepts.find((c) => c.id === p.conceptId);
  return (
    <button
      type="button"
      className="gw-agreement-passage"
      title={t('Open the passage in the reader')}
      onClick={() => void jumpTo({ documentId: p.documentId, start: p.start, end: p.end, segmentId: p.id })}
    >
      <span className="gw-swatch" style={{ background: concept?.color }} /> <bdi className="gw-strong">{concept?.label}</bdi>{' '}
      <span className="gw-muted">
        {num(p.start)}–{num(p.end)}
      </span>{' '}
      <span dir="auto" className="gw-agreement-text">
        {view.passageText[p.id]}
      </span>
    </button>
  );
}

/** The decision already given on these passages, if every one of them was decided. */
function decided(a: CodedPassage[], b: CodedPassage[], view: AgreementView): Verdict | null {
  const all = [...a, ...b];
  if (all.length === 0 || !all.every((p) => view.verdicts[p.id])) return null;
  const yesA = a.length > 0 && a.every((p) => view.verdicts[p.id] === 'accepted');
  const yesB = b.length > 0 && b.every((p) => view.verdicts[p.id] === 'accepted');
  return yesA && yesB ? 'both' : yesA ? 'a' : yesB ? 'b' : 'neither';
}

function verdictText(v: Verdict): string {
  switch (v) {
    case 'a':
      return t('Decided: coder A’s');
    case 'b':
      return t('Decided: coder B’s');
    case 'both':
      return t('Decided: both');
    case 'neither':
      return t('Decided: neither');
  }
}

function Adjudicate({ a, b, view }: { a: CodedPassage[]; b: CodedPassage[]; view: AgreementView }) {
  const run = useStore((s) => s.run);
  const now = decided(a, b, view);
  const decide = (verdict: Verdict) =>
    void run('adjudication.decide', { passagesA: a.map((p) => p.id as SegmentId), passagesB: b.map((p) => p.id as SegmentId), verdict });
  const options: { v: Verdict; label: string; show: boolean }[] = [
    { v: 'a', label: t('A'), show: a.length > 0 },
    { v: 'b', label: t('B'), show: b.length > 0 },
    { v: 'both', label: t('Both'), show: a.length > 0 && b.length > 0 },
    { v: 'neither', label: t('Neither'), show: true },
  ];
  return (
    <div className="gw-adjudicate" role="group" aria-label={t('Into the consensus')}>
      {options
        .filter((o) => o.show)
        .map((o) => (
          <button key={o.v} type="button" className={now === o.v ? 'gw-button gw-primary' : 'gw-button'} aria-pressed={now === o.v} onClick={() => decide(o.v)}>
            {o.label}
          </button>
        ))}
      {now && <span className="gw-muted gw-verdict">{verdictText(now)}</span>}
    </div>
  );
}

export function DisagreementList({ report, view }: { report: LevelReport; view: AgreementView }) {
  const source = new Map(view.sources.map((s) => [s.id as number, s.name]));
  if (report.disagreements.length === 0) return <p className="gw-empty">{t('The two coders agree on every unit here.')}</p>;
  return (
    <table className="gw-table gw-disagreements" data-testid="disagreements">
      <thead>
        <tr>
          <th scope="col">{t('Source')}</th>
          <th scope="col">{t('Coder A')}</th>
          <th scope="col">{t('Coder B')}</th>
          {report.level === 'overlap' && <th scope="col">{t('Overlap')}</th>}
          <th scope="col">{t('Into the consensus')}</th>
        </tr>
      </thead>
      <tbody>
        {(report.disagreements as Disagreement[]).map((d, i) => {
          const a = d.level === 'overlap' ? (d.passageA ? [d.passageA] : []) : d.passagesA;
          const b = d.level === 'overlap' ? (d.passageB ? [d.passageB] : []) : d.passagesB;
          return (
            <tr key={i} data-testid="disagreement">
              <td>
                <bdi>{source.get(d.documentId)}</bdi>
              </td>
              <td>
                {d.level !== 'overlap' && <span className="gw-muted">{t('{n} passages', { n: d.countA })} </span>}
                {a.length === 0 ? <span className="gw-muted">{t('nothing')}</span> : a.map((p) => <PassageLink key={p.id} p={p} view={view} />)}
              </td>
              <td>
                {d.level !== 'overlap' && <span className="gw-muted">{t('{n} passages', { n: d.countB })} </span>}
                {b.length === 0 ? <span className="gw-muted">{t('nothing')}</span> : b.map((p) => <PassageLink key={p.id} p={p} view={view} />)}
              </td>
              {d.level === 'overlap' && (
                <td>
                  {d.passageA && d.passageB
                    ? percentText(d.share * 100, 0)
                    : d.nearest
                      ? t('nearest {p}', { p: percentText(d.nearest.share * 100, 0) })
                      : '–'}
                </td>
              )}
              <td>
                <Adjudicate a={a} b={b} view={view} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
