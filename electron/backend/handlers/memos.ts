// The memo handler: one plain-text memo on a source, concept, category, component or segment.
// Typing pauses save often; saves of the same memo close together are one undo step.

import { GroundworkError } from '../../../shared/api/errors';
import type { MemoTarget } from '../../../shared/domain/model';
import { COMPONENT_LABELS } from '../../../shared/domain/paradigm';
import { setCategoryMemo, setComponentMemo, setConceptMemo } from '../../../db/codebook';
import { setDocumentMemo } from '../../../db/documents';
import type { WritableDB } from '../../../db/handles';
import { setSegmentMemo } from '../../../db/segments';
import { requireStore } from '../backend';
import type { HandlerGroup } from './types';

const NOUN: Record<MemoTarget['kind'], string> = {
  document: 'source',
  concept: 'concept',
  category: 'category',
  component: 'component',
  segment: 'segment',
};

function write(db: WritableDB, target: MemoTarget, text: string): Promise<number> {
  switch (target.kind) {
    case 'document':
      return setDocumentMemo(db, target.id, text);
    case 'concept':
      return setConceptMemo(db, target.id, text);
    case 'category':
      return setCategoryMemo(db, target.id, text);
    case 'component':
      return setComponentMemo(db, target.key, text);
    case 'segment':
      return setSegmentMemo(db, target.id, text);
  }
}

export const memoHandlers = {
  'memo.set': async ({ target, text }, backend) => {
    const key = target.kind === 'component' ? target.key : String(target.id);
    const label = target.kind === 'component' ? `Edit memo of ${COMPONENT_LABELS[target.key]}` : `Edit memo of a ${NOUN[target.kind]}`;
    await requireStore(backend).write({ kind: 'memo.set', label, coalesceKey: `memo:${target.kind}:${key}` }, async (db) => {
      if ((await write(db, target, text)) === 0) throw new GroundworkError('not-found', `That ${NOUN[target.kind]} does not exist (any more).`);
    });
    return null;
  },
} satisfies HandlerGroup<'memo.set'>;
