// Codebook actions that need a word with the user first: deleting says exactly what goes with it.

import type { Category, Codebook, Concept } from '../../../shared/domain/model';
import { confirmAction } from '../../components/confirm';
import { plural, t } from '../../i18n/t';
import { useStore } from '../../state/store';
import { indexCodebook } from './tree-model';

export async function deleteConcept(concept: Concept, codebook: Codebook): Promise<void> {
  const filings = codebook.filings.filter((f) => f.conceptId === concept.id).length;
  const ok = await confirmAction({
    title: t('Delete the concept “{label}”?', { label: concept.label }),
    message: [
      concept.segmentCount > 0
        ? t('Its {segments} will be deleted with it; the text of your sources is not changed.', {
            segments: plural(concept.segmentCount, '{n} coded segment', '{n} coded segments'),
          })
        : t('It has no coded segments.'),
      filings > 0 ? plural(filings, 'It leaves the category it is filed under.', 'It leaves the {n} categories it is filed under.') : '',
      t('You can undo this with Ctrl+Z.'),
    ]
      .filter(Boolean)
      .join(' '),
    confirmLabel: t('Delete concept'),
    danger: true,
  });
  if (!ok) return;
  const { run, setFocus } = useStore.getState();
  if (await run('concept.delete', { id: concept.id })) setFocus(null);
}

export async function deleteCategory(category: Category, codebook: Codebook): Promise<void> {
  const index = indexCodebook(codebook);
  const subs = index.descendants(category.id);
  const concepts = index.subtreeConcepts(category.id);
  const message = [
    subs.length > 0
      ? plural(subs.length, 'Its sub-category {names} goes with it.', 'Its {n} sub-categories go with it: {names}.', {
          names: subs.map((s) => s.name).join(', '),
        })
      : '',
    concepts.size > 0
      ? plural(
          concepts.size,
          'The concept filed there stays in the codebook with all its segments; if it is filed nowhere else, it will show under “Concepts in no category”.',
          'The {n} concepts filed there stay in the codebook with all their segments; those filed nowhere else will show under “Concepts in no category”.',
        )
      : t('No concepts are filed there.'),
    category.component ? t('It also leaves its paradigm component.') : '',
    t('You can undo this with Ctrl+Z.'),
  ]
    .filter(Boolean)
    .join(' ');
  const ok = await confirmAction({
    title: t('Delete the category “{name}”?', { name: category.name }),
    message,
    confirmLabel: t('Delete category'),
    danger: true,
  });
  if (!ok) return;
  const { run, setFocus } = useStore.getState();
  if (await run('category.delete', { id: category.id })) setFocus(null);
}
