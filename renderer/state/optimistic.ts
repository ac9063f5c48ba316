// What a change's answer lets the window show before anything is fetched again: a coded passage's
// highlight is drawn from the segment `segment.code` answers with. The refetch its touched set
// starts then brings the same data (kept by identity, so nothing is drawn twice) or corrects it.

import { paletteColor } from '../../shared/domain/colors';
import type { Concept, Segment, SegmentMark } from '../../shared/domain/model';
import { insertMark } from './mark-order';
import { heldAnswer, updateAnswer } from './query-client';

/**
 * Draws a passage just coded. A concept created with it is not in the held codebook yet: it is
 * added with the label it was given and the colour the backend gives a new concept (the palette
 * colour of the number of concepts), so the highlight has its colour at once.
 */
export function paintCoded(segment: Segment, newLabel: string | null): void {
  const mark: SegmentMark = {
    id: segment.id,
    conceptId: segment.conceptId,
    coderId: segment.coderId ?? null,
    start: segment.start,
    end: segment.end,
    hasMemo: segment.memo !== '',
  };
  updateAnswer('segment.forDocument', { documentId: segment.documentId }, (marks) => insertMark(marks, mark));
  const codebook = heldAnswer('codebook.get', {});
  if (!codebook || newLabel === null || codebook.concepts.some((c) => c.id === segment.conceptId)) return;
  const concept: Concept = {
    id: segment.conceptId,
    label: newLabel,
    color: paletteColor(codebook.concepts.length),
    inVivo: false,
    memo: '',
    createdAt: segment.createdAt,
    segmentCount: 1,
    code: null,
    labelFa: null,
    labelEn: null,
    notes: null,
  };
  updateAnswer('codebook.get', {}, (held) => ({ ...held, concepts: [...held.concepts, concept] }));
}
