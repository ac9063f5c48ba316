// Self-assessment: create dated assessments, rate each item of each dimension on the levels (or
// not applicable), see each dimension's level and the overall level by the rule stated here, the
// radar, a comparison with another assessment, and export (JSON, CSV, printable HTML).

import { useEffect, useState } from 'react';
import type { Assessment, AssessmentId, AssessmentSummary, MaturityModel, RatingValue } from '../../../shared/domain/maturity';
import { assess, formatScore, RULE_TEXT_EN, RULE_TEXT_FA } from '../../../shared/domain/maturity';
import { api } from '../../api/client';
import { RadarChart } from '../../charts/RadarChart';
import { confirmAction } from '../../components/confirm';
import { currentLanguage, digits, t } from '../../i18n/t';
import { useStore } from '../../state/store';
import { MIME, saveText } from './files';
import { type LabelLang, pick, useAssessment } from './use-maturity';

const COLORS = ['#2563eb', '#dc2626'];
const today = () => new Date().toISOString().slice(0, 10);

interface Props {
  model: MaturityModel;
  lang: LabelLang;
  assessments: AssessmentSummary[];
  assessment: Assessment | null;
  onOpen(id: AssessmentId | null): void;
}

export function AssessmentPanel({ model, lang, assessments, assessment, onOpen }: Props) {
  const run = useStore((s) => s.run);
  const toast = useStore((s) => s.toast);
  const [name, setName] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [date, setDate] = useState(today());
  const [compareId, setCompareId] = useState<AssessmentId | null>(null);
  const other = useAssessment(compareId !== null && compareId !== assessment?.id && assessments.some((a) => a.id === compareId) ? compareId : null);

  const create = async () => {
    const a = await run('assessment.create', { name: name.trim(), organisation: organisation.trim(), assessedOn: date });
    if (!a) return;
    setName('');
    setOrganisation('');
    onOpen(a.id);
  };

  const exportAs = async (kind: 'json' | 'csv' | 'html') => {
    if (!assessment) return;
    try {
      const f =
        kind === 'json'
          ? await api.call('assessment.exportJson', { id: assessment.id })
          : kind === 'csv'
            ? await api.call('assessment.exportCsv', { id: assessment.id, labels: lang })
            : await api.call('assessment.exportHtml', { id: assessment.id, labels: lang });
      saveText(f.filename, f.text, MIME[kind]);
    } catch (error) {
      toast('error', (error as Error).message);
    }
  };

  const remove = async () => {
    if (!assessment) return;
    const yes = await confirmAction({
      title: t('Delete the assessment “{name}”?', { name: assessment.name }),
      message: t('Its ratings are deleted with it. You can undo this.'),
      confirmLabel: t('Delete'),
      danger: true,
    });
    if (yes && (await run('assessment.delete', { id: assessment.id })) !== undefined) onOpen(null);
  };

  const result = assessment ? assess(model, assessment.ratings) : null;
  const otherResult = other ? assess(model, other.ratings) : null;
  const ratingOf = new Map(assessment?.ratings.map((r) => [`${r.dimensionId}:${r.conceptId}`, r.value]) ?? []);
  const levelName = (value: number | null) => {
    const l = value === null ? undefined : model.levels[value - 1];
    return <bdi>{l ? `${l.value}. ${pick(l, lang)}` : t('Not determined')}</bdi>;
  };
  const reasonText = (reason: string | null) =>
    reason === 'no-items'
      ? t('no applicable items')
      : reason === 'too-few-rated'
        ? t('fewer than half of its applicable items rated')
        : '';

  return (
    <div className="gw-assessment">
      <div className="gw-assessment-bar">
        <label className="gw-field">
          <span>{t('Assessment')}</span>
          <select
            aria-label={t('Open assessment')}
            value={assessment?.id ?? ''}
            onChange={(e) => onOpen(e.target.value ? (Number(e.target.value) as AssessmentId) : null)}
          >
            <option value="">{t('— choose —')}</option>
            {assessments.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name} ({digits(a.assessedOn)})
              </option>
            ))}
          </select>
        </label>
        <form
          className="gw-new-assessment"
          onSubmit={(e) => {
            e.preventDefault();
            void create();
          }}
        >
          <label className="gw-field">
            <span>{t('Name')}</span>
            <input dir="auto" value={name} onChange={(e) => setName(e.target.value)} aria-label={t('Assessment name')} />
          </label>
          <label className="gw-field">
            <span>{t('Organisation')}</span>
            <input dir="auto" value={organisation} onChange={(e) => setOrganisation(e.target.value)} aria-label={t('Organisation')} />
          </label>
          <label className="gw-field">
            <span>{t('Date')}</span>
            <input type="date" value={date} onChange={(e) => setDate(e.target.value)} aria-label={t('Assessment date')} />
          </label>
          <button type="submit" className="gw-button gw-primary" disabled={!name.trim() || !date}>
            {t('New assessment')}
          </button>
        </form>
      </div>

      <details className="gw-rule" open>
        <summary>{t('How the levels are computed')}</summary>
        {/* The rule in the interface language (both wordings live in shared/domain/maturity.ts). */}
        {currentLanguage() === 'fa' ? (
          <p lang="fa" dir="rtl">
            {RULE_TEXT_FA}
          </p>
        ) : (
          <p lang="en" dir="ltr">
            {RULE_TEXT_EN}
          </p>
        )}
      </details>

      {!assessment || !result ? (
        <p className="gw-muted">{assessments.length ? t('Open an assessment, or start a new one.') : t('No assessments yet: start one above.')}</p>
      ) : (
        <>
          <div className="gw-assessment-head">
            <h3>
              <bdi>{assessment.name}</bdi>{' '}
              <span className="gw-muted">
                {assessment.organisation && <bdi>{assessment.organisation}</bdi>} · {digits(assessment.assessedOn)}
              </span>
            </h3>
            <div className="gw-toolbar">
              <button type="button" className="gw-button" onClick={() => void exportAs('json')}>
                {t('Export assessment (JSON)')}
              </button>
              <button type="button" className="gw-button" onClick={() => void exportAs('csv')}>
                CSV
              </button>
              <button type="button" className="gw-button" onClick={() => void exportAs('html')}>
                {t('Printable report (HTML)')}
              </button>
              <button type="button" className="gw-button gw-danger" onClick={() => void remove()}>
                {t('Delete assessment')}
              </button>
            </div>
          </div>
          <details className="gw-assessment-details">
            <summary>{t('Edit name, organisation and date')}</summary>
            <div className="gw-new-assessment">
              <SavedField label={t('Name')} value={assessment.name} onSave={(v) => v.trim() && void run('assessment.update', { id: assessment.id, name: v.trim() })} />
              <SavedField label={t('Organisation')} value={assessment.organisation} onSave={(v) => void run('assessment.update', { id: assessment.id, organisation: v.trim() })} />
              <SavedField label={t('Date')} type="date" value={assessment.assessedOn} onSave={(v) => v && void run('assessment.update', { id: assessment.id, assessedOn: v })} />
            </div>
          </details>
          <p className="gw-overall" data-testid="overall-level">
            {t('Overall level')}: <strong>{levelName(result.overall.level)}</strong> · {t('mean score')} {formatScore(result.overall.score)}
            {result.overall.notDetermined > 0 && (
              <span className="gw-muted"> ({t('{n} dimensions not determined', { n: result.overall.notDetermined })})</span>
            )}
          </p>

          <div className="gw-assessment-body">
            <div className="gw-results">
              <label className="gw-field gw-compare">
                <span>{t('Compare with')}</span>
                <select
                  aria-label={t('Compare with')}
                  value={compareId ?? ''}
                  onChange={(e) => setCompareId(e.target.value ? (Number(e.target.value) as AssessmentId) : null)}
                >
                  <option value="">{t('— none —')}</option>
                  {assessments
                    .filter((a) => a.id !== assessment.id)
                    .map((a) => (
                      <option key={a.id} value={a.id}>
                        {a.name} ({digits(a.assessedOn)})
                      </option>
                    ))}
                </select>
              </label>
              <table className="gw-table gw-results-table" data-testid="dimension-results">
                <thead>
                  <tr>
                    <th scope="col">{t('Dimension')}</th>
                    <th scope="col">{t('Rated')}</th>
                    <th scope="col">{t('Score')}</th>
                    <th scope="col">{t('Level')}</th>
                    {other && otherResult && <th scope="col">{other.name}</th>}
                  </tr>
                </thead>
                <tbody>
                  {model.dimensions.map((d, i) => {
                    const r = result.dimensions[i]!;
                    const o = otherResult?.dimensions[i];
                    return (
                      <tr key={d.id} data-dimension={pick(d, 'en') || pick(d, 'fa')}>
                        <th scope="row">
                          <bdi>{pick(d, lang)}</bdi>
                        </th>
                        <td>
                          {r.rated} / {r.applicable}
                        </td>
                        <td>{formatScore(r.score)}</td>
                        <td data-testid="result-level" title={reasonText(r.notDetermined)}>
                          {levelName(r.level)}
                        </td>
                        {o && (
                          <td>
                            {formatScore(o.score)} · {levelName(o.level)}
                          </td>
                        )}
                      </tr>
                    );
                  })}
                </tbody>
              </table>
              <RadarChart
                axes={model.dimensions.map((d) => pick(d, lang))}
                levelLabels={model.levels.map((l) => pick(l, lang))}
                rtl={lang === 'fa'}
                title={t('Radar of the dimension scores')}
                series={[
                  { name: assessment.name, values: result.dimensions.map((d) => d.score), color: COLORS[0]! },
                  ...(other && otherResult ? [{ name: other.name, values: otherResult.dimensions.map((d) => d.score), color: COLORS[1]! }] : []),
                ]}
              />
              <div className="gw-legend">
                <span>
                  <i style={{ background: COLORS[0] }} /> <bdi>{assessment.name}</bdi>
                </span>
                {other && (
                  <span>
                    <i style={{ background: COLORS[1] }} /> <bdi>{other.name}</bdi>
                  </span>
                )}
              </div>
            </div>

            <div className="gw-ratings" aria-label={t('Ratings')}>
              {model.dimensions.map((d, i) => {
                const r = result.dimensions[i]!;
                return (
                  <section key={d.id} className="gw-rating-group" data-dimension={pick(d, 'en') || pick(d, 'fa')}>
                    <h4>
                      <bdi>{pick(d, lang)}</bdi>{' '}
                      <span className="gw-muted">
                        {levelName(r.level)}
                        {r.notDetermined && ` (${reasonText(r.notDetermined)})`}
                      </span>
                    </h4>
                    {d.items.length === 0 && <p className="gw-muted">{t('No items: map main categories to this dimension.')}</p>}
                    <ul>
                      {d.items.map((item) => {
                        const value = ratingOf.get(`${d.id}:${item.conceptId}`);
                        return (
                          <li key={item.conceptId}>
                            <span className="gw-item-label">
                              {item.code && <span className="gw-code">{item.code}</span>} <bdi>{item.label}</bdi>
                            </span>
                            <select
                              aria-label={t('Rating of {item}', { item: item.label })}
                              value={value === undefined ? '' : String(value)}
                              onChange={(e) => {
                                const v = e.target.value;
                                const next: RatingValue | null = v === '' ? null : v === 'na' ? 'na' : Number(v);
                                void run('assessment.rate', { assessmentId: assessment.id, dimensionId: d.id, conceptId: item.conceptId, value: next });
                              }}
                            >
                              <option value="">{t('— unrated —')}</option>
                              {model.levels.map((l) => (
                                <option key={l.id} value={l.value}>
                                  {l.value}. {pick(l, lang)}
                                </option>
                              ))}
                              <option value="na">{t('Not applicable')}</option>
                            </select>
                          </li>
                        );
                      })}
                    </ul>
                  </section>
                );
              })}
            </div>
          </div>
        </>
      )}
    </div>
  );
}

/** A field saved when it loses focus (or on Enter), showing the stored value again after a change elsewhere. */
function SavedField({ label, value, type, onSave }: { label: string; value: string; type?: string; onSave(v: string): void }) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  const save = () => text !== value && onSave(text);
  return (
    <label className="gw-field">
      <span>{label}</span>
      <input dir="auto" type={type} value={text} onChange={(e) => setText(e.target.value)} onBlur={save} onKeyDown={(e) => e.key === 'Enter' && save()} />
    </label>
  );
}
