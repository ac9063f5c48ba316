// Details of a paradigm component: what it means, its counts, its memo.

import { COMPONENT_HINTS, COMPONENT_LABELS, type ComponentKey } from '../../../shared/domain/paradigm';
import { num, t } from '../../i18n/t';
import { useCodebook, useParadigmCounts } from '../../state/project-data';
import { useStore } from '../../state/store';
import { MemoEditor } from './MemoEditor';

export function ComponentInspector({ componentKey }: { componentKey: ComponentKey }) {
  const codebook = useCodebook();
  const counts = useParadigmCounts();
  const component = codebook.components.find((c) => c.key === componentKey);
  const row = counts?.rows.find((r) => r.component === componentKey);
  const mains = codebook.categories.filter((c) => c.parentId === null && c.component === componentKey);
  return (
    <section className="gw-panel gw-inspector" aria-label={t('Details')}>
      <p className="gw-kind">{t('Paradigm component')}</p>
      <h2>{t(COMPONENT_LABELS[componentKey])}</h2>
      <p className="gw-muted">{t(COMPONENT_HINTS[componentKey])}</p>
      {row && (
        <dl className="gw-facts">
          <dt>{t('Main categories')}</dt>
          <dd>{num(row.mainCategories)}</dd>
          <dt>{t('Concepts')}</dt>
          <dd>{num(row.concepts)}</dd>
          <dt>{t('Final codes')}</dt>
          <dd>{num(row.finalCodes)}</dd>
        </dl>
      )}
      {mains.length === 0 && <p className="gw-hint">{t('Drag a main category onto this component in the code system, or choose the component in a category’s details.')}</p>}
      <MemoEditor target={{ kind: 'component', key: componentKey }} value={component?.memo ?? ''} />
    </section>
  );
}
