// Details of what is not yet in the paradigm model.

import { t } from '../../i18n/t';
import { useParadigmCounts } from '../../state/project-data';
import { useStore } from '../../state/store';

export function UnassignedInspector() {
  const counts = useParadigmCounts();
  const u = counts?.unassigned;
  return (
    <section className="gw-panel gw-inspector" aria-label={t('Details')}>
      <h2>{t('Not yet in the paradigm model')}</h2>
      {u && (
        <p>
          {t('{m} main categories in no component, {c} concepts in no category, {o} concepts in categories outside every component; {s} segments are not counted in any component.', {
            m: u.mainCategories,
            c: u.conceptsUnfiled,
            o: u.conceptsOutsideComponents,
            s: u.finalCodes,
          })}
        </p>
      )}
    </section>
  );
}
