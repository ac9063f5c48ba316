// The inspector: what the focused item is, what it holds, its memo, and the actions on it
// (rename, recolour, file under a category, place in a component, delete, uncode).

import { COMPONENT_HINTS, COMPONENT_KEYS, COMPONENT_LABELS, type ComponentKey } from '../../../shared/domain/paradigm';
import type { CategoryId } from '../../../shared/domain/ids';
import { confirmAction } from '../../components/confirm';
import { plural, t } from '../../i18n/t';
import { useStore } from '../../state/store';
import { deleteCategory, deleteConcept } from '../codebook/actions';
import { indexCodebook } from '../codebook/tree-model';
import { MemoEditor } from './MemoEditor';
import { SegmentInspector } from './SegmentInspector';

function CategoryPath({ id }: { id: CategoryId }) {
  const categories = useStore((s) => s.codebook.categories);
  const names: string[] = [];
  let current = categories.find((c) => c.id === id);
  while (current) {
    names.unshift(current.name);
    const parentId = current.parentId;
    current = parentId === null ? undefined : categories.find((c) => c.id === parentId);
  }
  return <bdi>{names.join(' › ')}</bdi>;
}

export function Inspector() {
  const focus = useStore((s) => s.focus);
  const codebook = useStore((s) => s.codebook);
  const documents = useStore((s) => s.documents);
  const counts = useStore((s) => s.counts);
  const run = useStore((s) => s.run);
  const setFocus = useStore((s) => s.setFocus);
  const openDocument = useStore((s) => s.openDocument);

  if (!focus) {
    return (
      <section className="gw-panel gw-inspector" aria-label={t('Details')}>
        <p className="gw-empty">{t('Select a source, concept, category or component to see its details and memo.')}</p>
      </section>
    );
  }

  if (focus.kind === 'segment') return <SegmentInspector id={focus.id} />;

  if (focus.kind === 'unassigned') {
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

  if (focus.kind === 'component') {
    const component = codebook.components.find((c) => c.key === focus.key);
    const row = counts?.rows.find((r) => r.component === focus.key);
    const mains = codebook.categories.filter((c) => c.parentId === null && c.component === focus.key);
    return (
      <section className="gw-panel gw-inspector" aria-label={t('Details')}>
        <p className="gw-kind">{t('Paradigm component')}</p>
        <h2>{t(COMPONENT_LABELS[focus.key])}</h2>
        <p className="gw-muted">{t(COMPONENT_HINTS[focus.key])}</p>
        {row && (
          <dl className="gw-facts">
            <dt>{t('Main categories')}</dt>
            <dd>{row.mainCategories}</dd>
            <dt>{t('Concepts')}</dt>
            <dd>{row.concepts}</dd>
            <dt>{t('Final codes')}</dt>
            <dd>{row.finalCodes}</dd>
          </dl>
        )}
        {mains.length === 0 && <p className="gw-hint">{t('Drag a main category onto this component in the code system, or choose the component in a category’s details.')}</p>}
        <MemoEditor target={{ kind: 'component', key: focus.key }} value={component?.memo ?? ''} />
      </section>
    );
  }

  if (focus.kind === 'document') {
    const doc = documents.find((d) => d.id === focus.id);
    if (!doc) return null;
    return (
      <section className="gw-panel gw-inspector" aria-label={t('Details')}>
        <p className="gw-kind">{t('Source')}</p>
        <h2 dir="auto">{doc.name}</h2>
        <dl className="gw-facts">
          <dt>{t('File')}</dt>
          <dd dir="auto">{doc.originalName}</dd>
          <dt>{t('Length')}</dt>
          <dd>{plural(doc.length, '{n} character', '{n} characters')}</dd>
          <dt>{t('Direction')}</dt>
          <dd>{doc.dir === 'rtl' ? t('right to left') : t('left to right')}</dd>
          <dt>{t('Segments')}</dt>
          <dd>{doc.segmentCount}</dd>
          <dt>SHA-256</dt>
          <dd className="gw-mono" title={doc.sha256}>
            {doc.sha256.slice(0, 16)}…
          </dd>
        </dl>
        <div className="gw-row gw-actions">
          <button type="button" className="gw-button" onClick={() => void openDocument(doc.id)}>
            {t('Open')}
          </button>
          <button
            type="button"
            className="gw-button gw-danger"
            onClick={async () => {
              const ok = await confirmAction({
                title: t('Delete the source “{name}”?', { name: doc.name }),
                message: `${
                  doc.segmentCount > 0
                    ? t('Its {segments} will be deleted with it; the concepts stay in the codebook.', {
                        segments: plural(doc.segmentCount, '{n} coded segment', '{n} coded segments'),
                      })
                    : t('It has no coded segments.')
                } ${t('You can undo this with Ctrl+Z.')}`,
                confirmLabel: t('Delete source'),
                danger: true,
              });
              if (ok && (await run('document.delete', { id: doc.id }))) setFocus(null);
            }}
          >
            {t('Delete…')}
          </button>
        </div>
        <MemoEditor target={{ kind: 'document', id: doc.id }} value={doc.memo} />
      </section>
    );
  }

  if (focus.kind === 'concept') {
    const concept = codebook.concepts.find((c) => c.id === focus.id);
    if (!concept) return null;
    const filedIn = codebook.filings.filter((f) => f.conceptId === concept.id).map((f) => f.categoryId);
    const others = codebook.categories.filter((c) => !filedIn.includes(c.id));
    return (
      <section className="gw-panel gw-inspector" aria-label={t('Details')}>
        <p className="gw-kind">{concept.inVivo ? t('Concept (in vivo)') : t('Concept')}</p>
        <div className="gw-title-row">
          <input
            type="color"
            className="gw-color"
            value={concept.color}
            aria-label={t('Colour')}
            onChange={(e) => void run('concept.update', { id: concept.id, color: e.target.value })}
          />
          <h2 dir="auto">{concept.label}</h2>
        </div>
        <p>{plural(concept.segmentCount, '{n} coded segment', '{n} coded segments')}</p>
        <h3 className="gw-field-label">{t('Filed under')}</h3>
        {filedIn.length === 0 ? (
          <p className="gw-muted">{t('No category yet.')}</p>
        ) : (
          <ul className="gw-chips">
            {filedIn.map((id) => (
              <li key={id} className="gw-chip">
                <CategoryPath id={id} />
                <button
                  type="button"
                  className="gw-chip-remove"
                  aria-label={t('Take out of this category')}
                  title={t('Take out of this category')}
                  onClick={() => void run('category.unfileConcepts', { categoryId: id, conceptIds: [concept.id] })}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
        {others.length > 0 && (
          <select
            className="gw-select"
            aria-label={t('File under a category')}
            value=""
            onChange={(e) => void run('category.fileConcepts', { categoryId: Number(e.target.value) as CategoryId, conceptIds: [concept.id] })}
          >
            <option value="">{t('File under a category…')}</option>
            {others.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        )}
        <div className="gw-row gw-actions">
          <button type="button" className="gw-button gw-danger" onClick={() => void deleteConcept(concept, codebook)}>
            {t('Delete…')}
          </button>
        </div>
        <MemoEditor target={{ kind: 'concept', id: concept.id }} value={concept.memo} />
      </section>
    );
  }

  const category = codebook.categories.find((c) => c.id === focus.id);
  if (!category) return null;
  const index = indexCodebook(codebook);
  const concepts = index.subtreeConcepts(category.id);
  const descendants = new Set<CategoryId>([category.id]);
  const collect = (id: CategoryId) => (index.children.get(id) ?? []).forEach((c) => (descendants.add(c.id), collect(c.id)));
  collect(category.id);
  const parents = codebook.categories.filter((c) => !descendants.has(c.id));
  return (
    <section className="gw-panel gw-inspector" aria-label={t('Details')}>
      <p className="gw-kind">{category.parentId === null ? t('Main category') : t('Sub-category')}</p>
      <div className="gw-title-row">
        <input
          type="color"
          className="gw-color"
          value={category.color}
          aria-label={t('Colour')}
          onChange={(e) => void run('category.update', { id: category.id, color: e.target.value })}
        />
        <h2 dir="auto">{category.name}</h2>
      </div>
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
