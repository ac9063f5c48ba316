// Details of a category: colour, place in the tree, paradigm component (main categories), counts, memo.

import { COMPONENT_KEYS, COMPONENT_LABELS, type ComponentKey } from '../../../shared/domain/paradigm';
import type { CategoryId } from '../../../shared/domain/ids';
import { plural, t } from '../../i18n/t';
import { useCodebook } from '../../state/project-data';
import { useStore } from '../../state/store';
import { deleteCategory } from '../codebook/actions';
import { indexCodebook } from '../codebook/tree-model';
import { CategoryPath } from './CategoryPath';
import { ColouredTitle } from './ColouredTitle';
import { MemoEditor } from './MemoEditor';
import { StudyDetails } from '../study/StudyDetails';

export function CategoryInspector({ id }: { id: CategoryId }) {
  const codebook = useCodebook();
  const run = useStore((s) => s.run);
  const category = codebook.categories.find((c) => c.id === id);
  if (!category) return null;
  const index = indexCodebook(codebook);
  const concepts = index.subtreeConcepts(category.id);
  // A category can move under any category but itself and those below it.
  const below = new Set<CategoryId>([category.id, ...index.descendants(category.id).map((c) => c.id)]);
  const parents = codebook.categories.filter((c) => !below.has(c.id));
  return (
    <section className="gw-panel gw-inspector" aria-label={t('Details')}>
      <p className="gw-kind">{category.parentId === null ? t('Main category') : t('Sub-category')}</p>
      <ColouredTitle title={category.name} color={category.color} onColor={(color) => void run('category.update', { id: category.id, color })} />
      <StudyDetails item={category} />
      {category.parentId !== null && (
        <p className="gw-muted">
          {t('In')} <CategoryPath id={category.parentId} />
        </p>
      )}
      <p>
        {plural(concepts.size, '{n} concept', '{n} concepts')} · {plural(codebook.concepts.filter((c) => concepts.has(c.id)).reduce((n, c) => n + c.segmentCount, 0), '{n} segment', '{n} segments')}
      </p>
      {category.parentId === null && (
        <label className="gw-field">
          <span className="gw-field-label">{t('Paradigm component')}</span>
          <select
            className="gw-select"
            value={category.component ?? ''}
            aria-label={t('Paradigm component')}
            onChange={(e) =>
              void run('component.assign', { categoryId: category.id, component: (e.target.value || null) as ComponentKey | null })
            }
          >
            <option value="">{t('— none —')}</option>
            {COMPONENT_KEYS.map((key) => (
              <option key={key} value={key}>
                {t(COMPONENT_LABELS[key])}
              </option>
            ))}
          </select>
        </label>
      )}
      <label className="gw-field">
        <span className="gw-field-label">{t('Place')}</span>
        <select
          className="gw-select"
          aria-label={t('Parent category')}
          value={category.parentId ?? ''}
          onChange={(e) => void run('category.move', { id: category.id, parentId: e.target.value ? (Number(e.target.value) as CategoryId) : null })}
        >
          <option value="">{t('Main category (top level)')}</option>
          {parents.map((c) => (
            <option key={c.id} value={c.id}>
              {t('Sub-category of {name}', { name: c.name })}
            </option>
          ))}
        </select>
      </label>
      <div className="gw-row gw-actions">
        <button type="button" className="gw-button gw-danger" onClick={() => void deleteCategory(category, codebook)}>
          {t('Delete…')}
        </button>
      </div>
      <MemoEditor target={{ kind: 'category', id: category.id }} value={category.memo} />
    </section>
  );
}
