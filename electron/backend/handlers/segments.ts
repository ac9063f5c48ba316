// Handlers for open coding: code a passage with a concept (existing or new, in-vivo included),
// uncode it, and retrieve segments by source, concept, category or component.

import { fail, GroundworkError } from '../../../shared/api/errors';
import { say } from '../../../shared/domain/message';
import { paletteColor } from '../../../shared/domain/colors';
import { contextAround, inVivoLabel, rangeProblem, tightenRange } from '../../../shared/domain/range';
import { matchKey } from '../../../shared/domain/normalize';
import { requireFound } from '../../../db/command-log';
import { allConceptLabels, conceptCount, getConcept, insertConcept } from '../../../db/codebook';
import { getDocument, getDocumentText } from '../../../db/documents';
import type { SegmentRow } from '../../../shared/domain/model';
import {
  type ListedSegment,
  deleteSegment,
  findSegment,
  getSegment,
  getSegmentRow,
  insertSegment,
  listSegments,
  pageSegments,
  segmentMarks,
} from '../../../db/segments';
import { coderOfActor } from '../../../db/coders';
import { requireStore } from '../backend';
import { checkConceptLabel } from './codebook';
import type { HandlerGroup } from './types';
import { short } from './types';

/** Rows per page of segment.page when the caller does not say. */
const DEFAULT_PAGE = 200;

/** Lists never show the context, and thousands of segments travel lighter without it. */
const withoutContext = ({ contextBefore: _b, contextAfter: _a, ...row }: ListedSegment): SegmentRow => row;

export const segmentHandlers = {
  'segment.code': ({ documentId, start, end, conceptId, newConcept }, backend) => {
    const store = requireStore(backend);
    return store.write({ kind: 'segment.code', label: say('Code a passage') }, async (db, command) => {
      // The passage is this window's coder's (team coding); one coder codes a passage once.
      const coderId = await coderOfActor(db, store.actor);
      const document = requireFound(await getDocument(db, documentId), 'That source');
      const text = (await getDocumentText(db, documentId))!;
      const problem = rangeProblem(text, { start, end });
      if (problem) throw new GroundworkError('invalid-input', problem);
      const range = tightenRange(text, { start, end });
      if (!range) fail('invalid-input', 'The selection holds only spaces; select some words.');
      const selected = text.slice(range.start, range.end);
      const context = contextAround(text, range);

      // An in-vivo concept takes the selected words; if a concept with those words exists, it is reused.
      let existing = conceptId ? requireFound(await getConcept(db, conceptId), 'That concept') : undefined;
      let label = newConcept?.inVivo ? inVivoLabel(selected) : (newConcept?.label ?? '');
      if (newConcept) {
        const twin = newConcept.inVivo ? (await allConceptLabels(db)).find((c) => matchKey(c.label) === matchKey(label)) : undefined;
        if (twin) existing = await getConcept(db, twin.id);
        else await checkConceptLabel(db, label);
      }
      if (existing) {
        label = existing.label;
        const twin = await findSegment(db, { documentId, conceptId: existing.id, ...range, coderId });
        if (twin) fail('conflict', 'This passage is already coded with “{a}”.', { a: short(label) });
      }
      const names = { a: short(label), b: short(document.name) };
      if (!newConcept || existing) command.setLabel(say('Code with “{a}” in “{b}”', names));
      else command.setLabel(newConcept.inVivo ? say('Code with new in-vivo concept “{a}” in “{b}”', names) : say('Code with new concept “{a}” in “{b}”', names));
      const concept =
        existing?.id ??
        (await insertConcept(db, { label, color: newConcept?.color ?? paletteColor(await conceptCount(db)), inVivo: newConcept?.inVivo ?? false }));
      const id = await insertSegment(db, {
        documentId,
        conceptId: concept,
        ...range,
        text: selected,
        contextBefore: context.before,
        contextAfter: context.after,
        coderId,
      });
      return (await getSegment(db, id))!;
    });
  },
  'segment.uncode': ({ id }, backend) =>
    requireStore(backend).write({ kind: 'segment.uncode', label: say('Uncode a passage') }, async (db, command) => {
      const segment = requireFound(await getSegment(db, id), 'That segment');
      const concept = await getConcept(db, segment.conceptId);
      const document = await getDocument(db, segment.documentId);
      command.setLabel(say('Uncode “{a}” in “{b}”', { a: short(concept?.label ?? '?'), b: short(document?.name ?? '?') }));
      await deleteSegment(db, id);
      return null;
    }),
  'segment.get': ({ id }, backend) =>
    requireStore(backend).read(async (db) => withoutContext(requireFound(await getSegmentRow(db, id), 'That segment'))),
  'segment.forDocument': ({ documentId }, backend) => requireStore(backend).read((db) => segmentMarks(db, documentId)),
  'segment.list': ({ scope }, backend) => requireStore(backend).read(async (db) => (await listSegments(db, scope)).map(withoutContext)),
  'segment.page': ({ scope, cursor, limit, coder }, backend) =>
    requireStore(backend).read(async (db) => {
      const page = await pageSegments(db, scope, { cursor, limit: limit ?? DEFAULT_PAGE, coder });
      return { ...page, rows: page.rows.map(withoutContext) };
    }),
} satisfies HandlerGroup<'segment.code' | 'segment.uncode' | 'segment.get' | 'segment.forDocument' | 'segment.list' | 'segment.page'>;
