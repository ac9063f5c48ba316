// Coding the current text selection: with an existing concept, a new one, in vivo, or the last
// concept used. Each is one backend command, so one undo step. Its highlight is drawn from the
// answer at once; the counts and lists it changed follow when fetched again.

import type { ConceptId } from '../../../shared/domain/ids';
import { inVivoLabel } from '../../../shared/domain/range';
import { paintCoded } from '../../state/optimistic';
import { useStore, type TextSelection } from '../../state/store';

export type CodeWith = { conceptId: ConceptId } | { label: string } | { inVivo: true };

export async function codeSelection(selection: TextSelection, how: CodeWith): Promise<boolean> {
  const { run, rememberConcept, setTextSelection } = useStore.getState();
  const where = { documentId: selection.documentId, start: selection.start, end: selection.end };
  const newLabel = 'label' in how ? how.label.trim() : 'inVivo' in how ? inVivoLabel(selection.text) : null;
  const segment = await run(
    'segment.code',
    'conceptId' in how
      ? { ...where, conceptId: how.conceptId }
      : 'label' in how
        ? { ...where, newConcept: { label: how.label } }
        : { ...where, newConcept: { inVivo: true } },
    (coded) => {
      paintCoded(coded, newLabel);
      rememberConcept(coded.conceptId);
      setTextSelection(null);
      window.getSelection()?.removeAllRanges();
    },
  );
  return segment !== undefined;
}
