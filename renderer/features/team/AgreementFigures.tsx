// One level's figures: overall and per concept, each coefficient with its value in the
// interface's digits, or a dash whose title says why it is not defined.

import type { Coefficient } from '../../../shared/domain/agreement/coefficients';
import type { AgreementFigures as Figures, LevelReport } from '../../../shared/domain/agreement/levels';
import type { AgreementView } from '../../../shared/domain/team';
import { num, t } from '../../i18n/t';
import { fixed, percentText, reasonText } from './agreement-text';

function Value({ c }: { c: Coefficient | undefined }) {
  if (!c) return <td />;
  if (c.value === null)
    return (
      <td className="gw-muted" title={c.reason ? reasonText(c.reason) : undefined}>
        –
      </td>
    );
  // A negative figure keeps its minus before the digits in the right-to-left interface too.
  return (
    <td>
      <span dir="ltr">{fixed(c.value, 3)}</span>
    </td>
  );
}

const pct = (x: number | null | undefined) => (x === null || x === undefined ? '–' : percentText(x, 1));

function Row({ name, f, level, head }: { name: React.ReactNode; f: Figures; level: LevelReport['level']; head?: boolean }) {
  return (
    <tr className={head ? 'gw-total' : undefined}>
      <th scope="row">{name}</th>
      <td>{num(f.units)}</td>
      <td>{num(f.agreements)}</td>
      <td>{pct(f.percent)}</td>
      {level !== 'overlap' && <td>{pct(f.percentWhereUsed)}</td>}
      <Value c={f.cohenKappa} />
      <Value c={f.brennanPrediger} />
      <td>{num(f.categories)}</td>
      {level === 'presence' && <Value c={f.krippendorffAlpha} />}
    </tr>
  );
}

export function AgreementFigures({ report, view }: { report: LevelReport; view: AgreementView }) {
  const label = new Map(view.concepts.map((c) => [c.id as number, c]));
  return (
    <table className="gw-table gw-agreement-figures" data-testid="agreement-figures">
      <thead>
        <tr>
          <th scope="col">{t('Concept')}</th>
          <th scope="col">{t('Units')}</th>
          <th scope="col">{t('Agree')}</th>
          <th scope="col">{t('Percent agreement')}</th>
          {report.level !== 'overlap' && <th scope="col">{t('Where used')}</th>}
          <th scope="col">{t('Cohen’s κ')}</th>
          <th scope="col">{t('Brennan & Prediger’s κ')}</th>
          <th scope="col">{t('q')}</th>
          {report.level === 'presence' && <th scope="col">{t('Krippendorff’s α')}</th>}
        </tr>
      </thead>
      <tbody>
        <Row name={t('All concepts')} f={report.overall} level={report.level} head />
        {report.perConcept.map((c) => (
          <Row
            key={c.conceptId}
            name={
              <>
                <span className="gw-swatch" style={{ background: label.get(c.conceptId)?.color }} /> <bdi>{label.get(c.conceptId)?.label}</bdi>
              </>
            }
            f={c}
            level={report.level}
          />
        ))}
      </tbody>
    </table>
  );
}
