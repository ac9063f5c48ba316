// The change report: against a baseline, or one wave against the others. New concepts with the
// sources and passages that brought them, concepts with more passages, new categories and main
// categories, moved concepts, Table 8 before | now | change, the maturity dimensions' new items,
// and the paradigm diagram with new and grown main categories marked.

import type { ChangeView } from '../../../shared/domain/change-view';
import { COMPONENT_KEYS, type ComponentKey } from '../../../shared/domain/paradigm';
import type { CountRow } from '../../../shared/domain/model';
import { num, plural, t } from '../../i18n/t';
import { useStore } from '../../state/store';
import { componentLabel, useLabelLanguage } from '../study/labels';
import { ChangeDiagram } from './ChangeDiagram';
import { categoryName, conceptName, dateTime, signed } from './texts';

const MEASURES = ['mainCategories', 'concepts', 'finalCodes'] as const;

function Table8Change({ view }: { view: ChangeView }) {
  const lang = useLabelLanguage((s) => s.lang);
  const cells = (row: { before: CountRow; now: CountRow; change: CountRow }) =>
    MEASURES.flatMap((m) => [
      <td key={`${m}-b`} data-col={`${m}-before`}>{num(row.before[m])}</td>,
      <td key={`${m}-n`} data-col={`${m}-now`}>{num(row.now[m])}</td>,
      <td key={`${m}-c`} data-col={`${m}-change`} className={row.change[m] > 0 ? 'gw-up' : row.change[m] < 0 ? 'gw-down' : undefined}>
        {signed(row.change[m])}
      </td>,
    ]);
  return (
    <table className="gw-table gw-evo-table8" data-testid="change-table8">
      <thead>
        <tr>
          <th scope="col" rowSpan={2}>{t('Paradigm component')}</th>
          <th scope="colgroup" colSpan={3}>{t('Main categories')}</th>
          <th scope="colgroup" colSpan={3}>{t('Concepts')}</th>
          <th scope="colgroup" colSpan={3}>{t('Final codes')}</th>
        </tr>
        <tr>
          {MEASURES.flatMap((m) => [
            <th key={`${m}-b`} scope="col">{t('before')}</th>,
            <th key={`${m}-n`} scope="col">{t('now')}</th>,
            <th key={`${m}-c`} scope="col">{t('change')}</th>,
          ])}
        </tr>
      </thead>
      <tbody>
        {COMPONENT_KEYS.map((k) => {
          const row = view.table8.find((r) => r.component === k);
          return row ? (
            <tr key={k} data-component={k}>
              <th scope="row">{componentLabel(k, lang)}</th>
              {cells(row)}
            </tr>
          ) : null;
        })}
      </tbody>
      <tfoot>
        <tr className="gw-total" data-component="total">
          <th scope="row">{t('Total')}</th>
          {cells(view.table8Totals)}
        </tr>
      </tfoot>
    </table>
  );
}

export function ChangeReport({ view, projectName }: { view: ChangeView; projectName: string }) {
  const lang = useLabelLanguage((s) => s.lang);
  const jumpTo = useStore((s) => s.jumpTo);
  const concept = (id: number) => conceptName(view.concepts[id], lang, id);
  const category = (id: number | null) => (id === null ? '' : categoryName(view.categories[id], lang, id));
  const components = (ks: readonly ComponentKey[]) => (ks.length ? ks.map((k) => componentLabel(k, lang)).join('، ') : t('no component'));
  const isWave = view.against.kind === 'wave';
  const newMains = new Set<number>(view.newMainCategories.map((c) => c.categoryId));
  const otherNew = view.newCategories.filter((c) => !newMains.has(c.categoryId));

  return (
    <div className="gw-evo-report" data-testid="change-report">
      <ul className="gw-evo-summary" aria-label={t('Summary')}>
        <li data-testid="summary-new-concepts">{plural(view.newConcepts.length, '{n} new concept', '{n} new concepts')}</li>
        <li data-testid="summary-grown">{plural(view.grownConcepts.length, '{n} concept with more passages', '{n} concepts with more passages')}</li>
        {!isWave && <li data-testid="summary-new-main">{plural(view.newMainCategories.length, '{n} new main category', '{n} new main categories')}</li>}
        {!isWave && <li data-testid="summary-new-categories">{plural(otherNew.length, '{n} new sub-category', '{n} new sub-categories')}</li>}
        {!isWave && <li data-testid="summary-moved">{plural(view.movedConcepts.length, '{n} moved concept', '{n} moved concepts')}</li>}
      </ul>

      <h3>{t('Table 8: before | now | change')}</h3>
      {isWave && <p className="gw-muted">{t('“Before” is the model without what this wave alone brought: the concepts all of whose passages lie in it, and its passages. Main categories are the codebook’s.')}</p>}
      <Table8Change view={view} />

      <h3>{t('The paradigm model, with what changed marked')}</h3>
      <ChangeDiagram view={view} projectName={projectName} />

      <h3>{t('New concepts')}</h3>
      {view.newConcepts.length === 0 ? (
        <p className="gw-muted">{t('None.')}</p>
      ) : (
        <ul className="gw-evo-items" data-testid="new-concepts">
          {view.newConcepts.map((c) => (
            <li key={c.conceptId} data-concept={c.label}>
              <div>
                <bdi className="gw-evo-name">{concept(c.conceptId)}</bdi>{' '}
                <span className="gw-muted">
                  {c.categories.length
                    ? t('in {categories} · {components}', { categories: c.categories.map(category).join('، '), components: components(c.components) })
                    : t('not filed in a category yet')}
                </span>
              </div>
              <div className="gw-muted">
                {t('Brought by {sources}', { sources: c.sources.map((s) => view.sources[s] ?? `#${s}`).join('، ') })}
                {c.waves.length > 0 && ` · ${t('wave {waves}', { waves: c.waves.join('، ') })}`}
              </div>
              <ul className="gw-evo-passages">
                {c.passages.map((id) => {
                  const p = view.passages[id];
                  if (!p) return null;
                  return (
                    <li key={id}>
                      <button type="button" className="gw-link" onClick={() => void jumpTo({ documentId: p.documentId, start: p.start, end: p.end, segmentId: id as never })}>
                        «<bdi>{p.text.length > 140 ? `${p.text.slice(0, 139)}…` : p.text}</bdi>»
                      </button>{' '}
                      <span className="gw-muted">
                        <bdi>{view.sources[p.documentId]}</bdi>
                      </span>
                    </li>
                  );
                })}
              </ul>
            </li>
          ))}
        </ul>
      )}

      <h3>{t('Concepts with more passages')}</h3>
      {view.grownConcepts.length === 0 ? (
        <p className="gw-muted">{t('None.')}</p>
      ) : (
        <table className="gw-table gw-evo-compact" data-testid="grown-concepts">
          <thead>
            <tr>
              <th scope="col">{t('Concept')}</th>
              <th scope="col">{t('before')}</th>
              <th scope="col">{t('now')}</th>
              <th scope="col">{t('change')}</th>
              <th scope="col">{t('By wave')}</th>
            </tr>
          </thead>
          <tbody>
            {view.grownConcepts.map((c) => (
              <tr key={c.conceptId} data-concept={c.label}>
                <th scope="row">
                  <bdi>{concept(c.conceptId)}</bdi>
                </th>
                <td>{num(c.before)}</td>
                <td>{num(c.now)}</td>
                <td className="gw-up">{signed(c.change)}</td>
                <td>
                  {Object.entries(c.byWave).map(([w, n]) => (
                    <span key={w} className="gw-evo-wave">
                      <bdi>{w}</bdi> {num(n)}
                    </span>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {!isWave && (
        <>
          <h3>{t('New main categories and categories')}</h3>
          {view.newMainCategories.length === 0 && otherNew.length === 0 ? (
            <p className="gw-muted">{t('None.')}</p>
          ) : (
            <ul className="gw-evo-items" data-testid="new-categories">
              {view.newMainCategories.map((c) => (
                <li key={c.categoryId} data-category={c.name}>
                  <bdi className="gw-evo-name">{category(c.categoryId)}</bdi>{' '}
                  <span className="gw-muted">
                    {c.promoted ? t('main category (was a sub-category)') : t('main category')} · {c.component ? componentLabel(c.component, lang) : t('no component')}
                  </span>
                </li>
              ))}
              {otherNew.map((c) => (
                <li key={c.categoryId} data-category={c.name}>
                  <bdi className="gw-evo-name">{category(c.categoryId)}</bdi>{' '}
                  <span className="gw-muted">{t('sub-category of {parent}', { parent: category(c.parentId) })}</span>
                </li>
              ))}
            </ul>
          )}

          <h3>{t('Moved concepts')}</h3>
          {view.movedConcepts.length === 0 ? (
            <p className="gw-muted">{t('None.')}</p>
          ) : (
            <ul className="gw-evo-items" data-testid="moved-concepts">
              {view.movedConcepts.map((c) => (
                <li key={c.conceptId} data-concept={c.label}>
                  <bdi className="gw-evo-name">{concept(c.conceptId)}</bdi>{' '}
                  <span className="gw-muted">
                    {t('from {before} to {now}', {
                      before: c.categoriesBefore.map(category).join('، ') || t('no category'),
                      now: c.categoriesNow.map(category).join('، ') || t('no category'),
                    })}
                    {c.betweenComponents && ` (${t('from {before} to {now}', { before: components(c.componentsBefore), now: components(c.componentsNow) })})`}
                  </span>
                </li>
              ))}
            </ul>
          )}
          {view.removedConcepts.length > 0 && (
            <>
              <h3>{t('Concepts no longer in the project')}</h3>
              <p>
                <bdi>{view.removedConcepts.map((c) => concept(c.id)).join('، ')}</bdi>
              </p>
            </>
          )}
        </>
      )}

      <h3>{t('Maturity model: dimensions and their new items')}</h3>
      {view.maturity.length === 0 ? (
        <p className="gw-muted">{t('The project has no maturity dimensions.')}</p>
      ) : (
        <table className="gw-table gw-evo-compact" data-testid="maturity-change">
          <thead>
            <tr>
              <th scope="col">{t('Dimension')}</th>
              <th scope="col">{t('Items before')}</th>
              <th scope="col">{t('Items now')}</th>
              <th scope="col">{t('New items')}</th>
            </tr>
          </thead>
          <tbody>
            {view.maturity.map((d) => (
              <tr key={d.dimensionId} data-dimension={d.labelEn}>
                <th scope="row">
                  <bdi>{lang === 'fa' ? d.labelFa || d.labelEn : d.labelEn || d.labelFa}</bdi>
                  {d.isNew && <span className="gw-evo-badge">{t('new')}</span>}
                </th>
                <td>{num(d.itemsBefore)}</td>
                <td>{num(d.itemsNow)}</td>
                <td className="gw-evo-newitems">
                  <bdi>{d.newItems.map(concept).join('، ')}</bdi>
                  {d.removedItems.length > 0 && (
                    <span className="gw-muted"> {t('(no longer: {items})', { items: d.removedItems.map(concept).join('، ') })}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

/** The report's heading: what the project is compared with. */
export function changeTitle(view: ChangeView): string {
  return view.against.kind === 'baseline'
    ? view.against.baselineKind === 'reported'
      ? t('What changed since the published figures of {name}', { name: view.against.name })
      : t('What changed since {name}, frozen {date}', { name: view.against.name, date: dateTime(view.against.createdAt) })
    : t('What the wave {name} added, against the other waves', { name: view.against.name });
}
