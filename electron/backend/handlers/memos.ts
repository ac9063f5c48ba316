// The memo handler: one plain-text memo on a source, concept, category, component or segment.
// Typing pauses save often; saves of the same memo close together are one undo step.

import { fail } from '../../../shared/api/errors';
import { say, type Message } from '../../../shared/domain/message';
import type { MemoTarget } from '../../../shared/domain/model';
import { COMPONENT_LABELS } from '../../../shared/domain/paradigm';
import { setCategoryMemo, setComponentMemo, setConceptMemo } from '../../../db/codebook';
import { setDocumentMemo } from '../../../db/documents';
import type { WritableDB } from '../../../db/handles';
import { setSegmentMemo } from '../../../db/segments';
import { requireStore } from '../backend';
import type { HandlerGroup } from './types';

/** The step's label; a component is named (translated as its name is). */
const label = (target: MemoTarget): Message => {
  switch (target.kind) {
    case 'component':
      return say('Edit memo of {component}', { component: say(COMPONENT_LABELS[target.key]) });
    case 'document':
      return say('Edit memo of a source');
    case 'concept':
      return say('Edit memo of a concept');
    case 'category':
      return say('Edit memo of a category');
    case 'segment':
      return say('Edit memo of a segment');
  }
};

const MISSING: Record<MemoTarget['kind'], Message> = {
  document: say('That source'),
  concept: say('That concept'),
  category: say('That category'),
  component: say('That component'),
  segment: say('That segment'),
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
    await requireStore(backend).write({ kind: 'memo.set', label: label(target), coalesceKey: `memo:${target.kind}:${key}` }, async (db) => {
      if ((await write(db, target, text)) > 0) return;
      fail('not-found', '{what} does not exist (any more).', { what: MISSING[target.kind] });
    });
    return null;
  },
} satisfies HandlerGroup<'memo.set'>;
