// The matrix: one column per level (its name, description and characteristics), one row per
// dimension (its counts and main categories); with an assessment open, each row marks the level
// the dimension reaches and its score.

import type { Assessment, DimensionId, MaturityModel } from '../../../shared/domain/maturity';
import { assess, formatScore } from '../../../shared/domain/maturity';
import { digits, num, plural, t } from '../../i18n/t';
import { type LabelLang, pick } from './use-maturity';

interface Props {
  model: MaturityModel;
  lang: LabelLang;
  selected: DimensionId | null;
  onSelect(id: DimensionId): void;
  assessment: Assessment | null;
}

export function MaturityMatrix({ model, lang, selected, onSelect, assessment }: Props) {
  const result = assessment ? assess(model, assessment.ratings) : null;
  const fa = lang === 'fa';
  return (
    <div className="gw-matrix-wrap">
      {assessment && (
        <p className="gw-note" data-testid="matrix-assessment">
          {t('Showing the assessment “{name}” ({date}).', { name: assessment.name, date: digits(assessment.assessedOn) })}
        </p>
      )}
      <table className="gw-matrix" data-testid="maturity-matrix">
        <thead>
          <tr>
            <th scope="col" className="gw-matrix-corner">
              {t('Dimension')}
            </th>
            {model.levels.map((l) => (
              <th scope="col" key={l.id} data-level={l.value}>
                <span className="gw-level-number">{num(l.value)}</span> <bdi>{pick(l, lang)}</bdi>
              </th>
            ))}
          </tr>
          <tr className="gw-matrix-characteristics">
            <th scope="row">{t('What the level means')}</th>
            {model.levels.map((l) => {
              const items = fa ? l.characteristicsFa : l.characteristicsEn;
              return (
                <td key={l.id}>
                  <p dir="auto">{fa ? l.descriptionFa : l.descriptionEn}</p>
                  {items.length > 0 && (
                    <details>
                      <summary>{plural(items.length, '{n} characteristic', '{n} characteristics')}</summary>
                      <ul>
                        {items.map((c, i) => (
                          <li key={i} dir="auto">
                            {c}
                          </li>
                        ))}
                      </ul>
                    </details>
                  )}
                </td>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {model.dimensions.length === 0 && (
            <tr>
              <td colSpan={model.levels.length + 1} className="gw-muted">
                {t('No dimensions yet. Add one below and tick the main categories whose concepts become its items.')}
              </td>
            </tr>
          )}
          {model.dimensions.map((d, index) => {
            const r = result?.dimensions[index];
            return (
              <tr
                key={d.id}
                data-dimension={pick(d, 'en') || pick(d, 'fa')}
                className={selected === d.id ? 'gw-selected' : undefined}
                onClick={() => onSelect(d.id)}
              >
                <th scope="row">
                  <button type="button" className="gw-link gw-dimension-name" dir="auto" onClick={() => onSelect(d.id)}>
                    <bdi>{pick(d, lang)}</bdi>
                  </button>
                  <div className="gw-dimension-counts" data-testid="dimension-counts">
                    {[
                      plural(d.counts.mainCategories, '{n} main category', '{n} main categories'),
                      plural(d.counts.concepts, '{n} concept', '{n} concepts'),
                      plural(d.counts.finalCodes, '{n} final code', '{n} final codes'),
                    ].join(' · ')}
                  </div>
                  <div className="gw-chips">
                    {d.categories.map((c) => (
                      <span key={c.id} className="gw-chip" title={c.isMain ? undefined : t('Now a sub-category')}>
                        {c.code && <span className="gw-code">{c.code}</span>} <bdi>{c.name}</bdi>
                      </span>
                    ))}
                  </div>
                </th>
                {model.levels.map((l) => {
                  const reached = r?.level !== null && r?.level !== undefined && l.value <= r.level;
                  const here = r?.level === l.value;
                  return (
                    <td key={l.id} className={reached ? 'gw-reached' : undefined} data-level={l.value}>
                      {here && r && (
                        <span className="gw-rating-mark" data-testid="dimension-level">
                          {t('Level {level} · score {score}', { level: l.value, score: formatScore(r.score) })}
                        </span>
                      )}
                      {r && r.level === null && l.value === 1 && (
                        <span className="gw-muted" data-testid="dimension-level">
                          {t('Not determined')}
                        </span>
                      )}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
