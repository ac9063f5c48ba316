// Details of a concept: colour, segments, the categories it is filed under, its memo.

import type { CategoryId, ConceptId } from '../../../shared/domain/ids';
import { plural, t } from '../../i18n/t';
import { useCodebook } from '../../state/project-data';
import { useStore } from '../../state/store';
import { deleteConcept } from '../codebook/actions';
import { CategoryPath } from './CategoryPath';
import { ColouredTitle } from './ColouredTitle';
import { MemoEditor } from './MemoEditor';
import { StudyDetails } from '../study/StudyDetails';
import { SynonymEditor } from '../search/SynonymEditor';

export function ConceptInspector({ id }: { id: ConceptId }) {
  const codebook = useCodebook();
  const run = useStore((s) => s.run);
  const concept = codebook.concepts.find((c) => c.id === id);
  if (!concept) return null;
  const filedIn = codebook.filings.filter((f) => f.conceptId === concept.id).map((f) => f.categoryId);
  const others = codebook.categories.filter((c) => !filedIn.includes(c.id));
  return (
    <section className="gw-panel gw-inspector" aria-label={t('Details')}>
      <p className="gw-kind">{concept.inVivo ? t('Concept (in vivo)') : t('Concept')}</p>
      <ColouredTitle title={concept.label} color={concept.color} onColor={(color) => void run('concept.update', { id: concept.id, color })} />
      <StudyDetails item={concept} />
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
      <SynonymEditor id={concept.id} />
      <MemoEditor target={{ kind: 'concept', id: concept.id }} value={concept.memo} />
    </section>
  );
}
