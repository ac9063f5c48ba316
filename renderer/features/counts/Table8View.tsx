// The study's Table 8 for this project: per paradigm component its main categories, concepts and
// final codes, the totals, and what is not yet in the model, updated with every change.

import { COMPONENT_HINTS } from '../../../shared/domain/paradigm';
import { api } from '../../api/client';
import { num, plural, t } from '../../i18n/t';
import { useParadigmCounts } from '../../state/project-data';
import { useStore } from '../../state/store';
import { download } from '../../components/download';
import { CompareTable } from '../study/CompareTable';
import { useCompare } from '../study/useStudy';
import { componentLabel, useLabelLanguage } from '../study/labels';
import { CountBasisBar } from '../team/CountBasisBar';

export function Table8View() {
  const counts = useParadigmCounts();
  const setFocus = useStore((s) => s.setFocus);
  const setView = useStore((s) => s.setView);
  const toast = useStore((s) => s.toast);
  const compare = useCompare();
  const lang = useLabelLanguage((s) => s.lang);
  if (!counts) return null;
  // A project that reproduces a study shows its reported figures beside the reproduced ones.
  const reproducing = compare?.rows.some((r) => r.reported !== null) ?? false;
  const u = counts.unassigned;
  const shared = counts.sharedConcepts;

  const exportCsv = async (which: 'export.table8Csv' | 'export.segmentsCsv') => {
    try {
      const file = await api.call(which, {});
      download(file.filename, file.csv);
    } catch (error) {
      toast('error', (error as Error).message);
    }
  };

  return (
    <section className="gw-table8" aria-label={t('Table 8: counts per paradigm component')}>
      <header className="gw-table8-header">
        <div>
          <h2>{t('Counts per paradigm component')}</h2>
          <p className="gw-muted">
            {t('As in the study’s Table 8: a component’s main categories are those placed in it; its concepts are the distinct concepts filed under them or their sub-categories; its final codes are the segments coded with those concepts.')}
          </p>
        </div>
        <div className="gw-toolbar">
          <button type="button" className="gw-button" onClick={() => void exportCsv('export.table8Csv')}>
            {t('Export table (CSV)')}
          </button>
          <button type="button" className="gw-button" onClick={() => void exportCsv('export.segmentsCsv')}>
            {t('Export all segments (CSV)')}
          </button>
        </div>
      </header>
      <CountBasisBar />
      {reproducing && compare && <CompareTable compare={compare} />}
      {!reproducing && (
      <table className="gw-table" data-testid="table8">
        <thead>
          <tr>
            <th scope="col">{t('Paradigm component')}</th>
            <th scope="col">{t('Main categories')}</th>
            <th scope="col">{t('Concepts')}</th>
            <th scope="col">{t('Final codes')}</th>
          </tr>
        </thead>
        <tbody>
          {counts.rows.map((row) => (
            <tr key={row.component} data-component={row.component}>
              <th scope="row">
                <button
                  type="button"
                  className="gw-link"
                  title={t(COMPONENT_HINTS[row.component])}
                  onClick={() => {
                    setFocus({ kind: 'component', key: row.component });
                    setView('coding');
                  }}
                >
                  {componentLabel(row.component, lang)}
                </button>
              </th>
              <td>{num(row.mainCategories)}</td>
              <td>{num(row.concepts)}</td>
              <td>{num(row.finalCodes)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr data-component="total" className="gw-total">
            <th scope="row">{t('Total')}</th>
            <td>{num(counts.totals.mainCategories)}</td>
            <td>{num(counts.totals.concepts)}</td>
            <td>{num(counts.totals.finalCodes)}</td>
          </tr>
          <tr data-component="unassigned" className="gw-unassigned">
            <th scope="row">{t('Not in any component')}</th>
            <td>{num(u.mainCategories)}</td>
            <td>{num(u.conceptsUnfiled + u.conceptsOutsideComponents)}</td>
            <td>{num(u.finalCodes)}</td>
          </tr>
        </tfoot>
      </table>
      )}
      <div className="gw-notes">
        {shared.length > 0 ? (
          <p className="gw-note" data-testid="shared-note">
            {t('{concepts} filed under more than one component, so counted in each of those rows and once in the total: the rows add up to {c} concepts and {f} final codes, the total is {tc} and {tf}.', {
              concepts: plural(shared.length, '{n} concept is', '{n} concepts are'),
              c: counts.sums.concepts,
              f: counts.sums.finalCodes,
              tc: counts.totals.concepts,
              tf: counts.totals.finalCodes,
            })}{' '}
            <bdi>{shared.map((s) => s.label).join('، ')}</bdi>
          </p>
        ) : (
          <p className="gw-note">{t('The total counts every concept and final code once. No concept is filed under two components, so the rows add up to the total.')}</p>
        )}
        {(u.mainCategories > 0 || u.conceptsUnfiled > 0 || u.conceptsOutsideComponents > 0) && (
          <p className="gw-note gw-warning">
            {t('Not yet in the model: {m} main categories in no component, {c} concepts in no category, {o} concepts only in categories outside every component. They are not counted above until you place them.', {
              m: u.mainCategories,
              c: u.conceptsUnfiled,
              o: u.conceptsOutsideComponents,
            })}
          </p>
        )}
      </div>
    </section>
  );
}
