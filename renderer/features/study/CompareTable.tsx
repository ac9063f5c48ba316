// Table 8 of a project that reproduces a published study: per component the reproduced figures
// beside the reported ones, the difference and the reason, and the readings the study admits,
// each a radio group; choosing an option is one undoable step and the figures follow at once.

import './study.css';
import { useState } from 'react';
import type { CompareRow, CountsCompare, ReadingInfo } from '../../../shared/domain/study';
import { COLUMNS } from './texts';
import { num, signed, t } from '../../i18n/t';
import { useParadigmCounts } from '../../state/project-data';
import { studyNote, translated } from '../../i18n/message';
import { useStore } from '../../state/store';
import { componentGloss, componentLabel, glossed, useLabelLanguage } from './labels';


export function CompareTable({ compare }: { compare: CountsCompare }) {
  const lang = useLabelLanguage((s) => s.lang);
  const mainRows = useParadigmCounts()?.mainCategoryRows ?? [];
  const [showMain, setShowMain] = useState(false);
  const setFocus = useStore((s) => s.setFocus);
  const setView = useStore((s) => s.setView);
  const rowLabel = (row: CompareRow) =>
    row.component === 'total' ? t('Total') : componentLabel(row.component, lang);
  return (
    <>
      <div className="gw-toolbar gw-compare-tools">
        <label className="gw-check">
          <input type="checkbox" checked={showMain} onChange={(e) => setShowMain(e.target.checked)} /> {t('Show each component’s main categories')}
        </label>
      </div>
      <table className="gw-table gw-compare" data-testid="table8-compare">
        <thead>
          <tr>
            <th scope="col" rowSpan={2}>
              {t('Paradigm component')}
            </th>
            {COLUMNS.map((c) => (
              <th scope="colgroup" colSpan={3} key={c.key} className="gw-group-head">
                {t(c.title)}
              </th>
            ))}
            <th scope="col" rowSpan={2}>
              {t('Why they differ')}
            </th>
          </tr>
          <tr>
            {COLUMNS.map((c) => [
              <th scope="col" key={`${c.key}-r`} className="gw-sub-head">{t('reproduced')}</th>,
              <th scope="col" key={`${c.key}-p`} className="gw-sub-head">{t('reported')}</th>,
              <th scope="col" key={`${c.key}-d`} className="gw-sub-head">{t('difference')}</th>,
            ])}
          </tr>
        </thead>
        <tbody>
          {compare.rows.map((row) => [
            <tr key={row.component} data-component={row.component} className={row.component === 'total' ? 'gw-total' : undefined}>
              <th scope="row">
                {row.component === 'total' ? (
                  rowLabel(row)
                ) : (
                  <button
                    type="button"
                    className="gw-link"
                    title={componentGloss(row.component, lang)}
                    onClick={() => {
                      setFocus({ kind: 'component', key: row.component as Exclude<CompareRow['component'], 'total'> });
                      setView('coding');
                    }}
                  >
                    <bdi>{rowLabel(row)}</bdi>
                  </button>
                )}
              </th>
              {COLUMNS.map((c) => {
                const diff = row.difference?.[c.key];
                return [
                  <td key={`${c.key}-r`} data-col={`${c.key}-reproduced`}>{num(row.reproduced[c.key])}</td>,
                  <td key={`${c.key}-p`} data-col={`${c.key}-reported`} className="gw-reported">{row.reported?.[c.key] === undefined ? '–' : num(row.reported[c.key])}</td>,
                  <td key={`${c.key}-d`} data-col={`${c.key}-difference`} className={diff ? 'gw-diff gw-diff-off' : 'gw-diff'}>
                    {diff === undefined ? '–' : signed(diff)}
                  </td>,
                ];
              })}
              <td className="gw-reason">{row.reasonSaid ? translated(row.reasonSaid) : (row.reason ?? '')}</td>
            </tr>,
            ...(showMain && row.component !== 'total'
              ? mainRows
                  .filter((m) => m.component === row.component)
                  .map((m) => (
                    <tr key={`main-${m.id}`} className="gw-main-row" data-main={m.code ?? m.id}>
                      <th scope="row" className="gw-main-label">
                        <bdi>{glossed(m, lang)}</bdi> <span className="gw-code gw-muted" dir="ltr">{m.code}</span>
                      </th>
                      <td>{num(1)}</td>
                      <td />
                      <td />
                      <td>{num(m.concepts)}</td>
                      <td />
                      <td />
                      <td>{num(m.finalCodes)}</td>
                      <td />
                      <td />
                      <td />
                    </tr>
                  ))
              : []),
          ])}
        </tbody>
      </table>
      {compare.finalCodesNote && (
        <p className="gw-note" data-testid="final-codes-note">
          {t('Final codes reproduced are the passages coded in this project, 0 until you code. The 785 reported cannot be checked: the study does not publish its coded segments.')}
        </p>
      )}
      <Readings readings={compare.readings} lang={lang} />
    </>
  );
}

function Readings({ readings, lang }: { readings: ReadingInfo[]; lang: 'fa' | 'en' }) {
  const run = useStore((s) => s.run);
  if (readings.length === 0) return null;
  return (
    <div className="gw-readings">
      {readings.map((reading) => (
        <fieldset key={reading.key} className="gw-reading" data-reading={reading.key}>
          <legend>
            <bdi>{glossed({ labelFa: reading.labelFa, labelEn: reading.labelEn }, lang)}</bdi>
          </legend>
          <p className="gw-muted gw-small">{studyNote(reading.explanation)}</p>
          {reading.options.map((option) => (
            <label key={option.key} className="gw-reading-option" data-option={option.key}>
              <input
                type="radio"
                name={`reading-${reading.key}`}
                checked={option.active}
                onChange={() => void run('reading.choose', { reading: reading.key, option: option.key })}
              />
              <span>
                <bdi className="gw-strong">{glossed({ labelFa: option.labelFa, labelEn: option.labelEn }, lang)}</bdi>
                {option.interpretation && <span className="gw-badge">{t('an interpretation')}</span>}
                <span className="gw-muted gw-small gw-block">{studyNote(option.explanation)}</span>
              </span>
            </label>
          ))}
        </fieldset>
      ))}
    </div>
  );
}
