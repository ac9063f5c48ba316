// Handlers for open coding: code a passage with a concept (existing or new, in-vivo included),
// uncode it, and retrieve segments by source, concept, category or component.

import { GroundworkError } from '../../../shared/api/errors';
import { paletteColor } from '../../../shared/domain/colors';
import { contextAround, inVivoLabel, rangeProblem, tightenRange } from '../../../shared/domain/range';
import { matchKey } from '../../../shared/domain/normalize';
import { requireFound, runCommand } from '../../../db/commands';
import { allConceptLabels, conceptCount, getConcept, insertConcept } from '../../../db/codebook';
import { getDocument, getDocumentText } from '../../../db/documents';
import type { SegmentRow } from '../../../shared/domain/model';
import { type ListedSegment, deleteSegment, findSegment, getSegment, getSegmentRow, insertSegment, listSegments, segmentMarks } from '../../../db/segments';
import { requireProject } from '../backend';
import { checkConceptLabel } from './codebook';
import type { HandlerGroup } from './types';
import { quoted } from './types';

/** Lists never show the context, and thousands of segments travel lighter without it. */
const withoutContext = ({ contextBefore: _b, contextAfter: _a, ...row }: ListedSegment): SegmentRow => row;

export const segmentHandlers = {
  'segment.code': ({ documentId, start, end, conceptId, newConcept }, backend) => {
    const project = requireProject(backend);
    const document = requireFound(getDocument(project.read, documentId), 'That source');
    const text = getDocumentText(project.read, documentId)!;
    const problem = rangeProblem(text, { start, end });
    if (problem) throw new GroundworkError('invalid-input', problem);
    const range = tightenRange(text, { start, end });
    if (!range) throw new GroundworkError('invalid-input', 'The selection holds only spaces; select some words.');
    const selected = text.slice(range.start, range.end);
    const context = contextAround(text, range);

    // An in-vivo concept takes the selected words; if a concept with those words exists, it is reused.
    let existing = conceptId ? requireFound(getConcept(project.read, conceptId), 'That concept') : undefined;
    let label = newConcept?.inVivo ? inVivoLabel(selected) : newConcept?.label ?? '';
    if (newConcept) {
      const twin = newConcept.inVivo ? allConceptLabels(project.read).find((c) => matchKey(c.label) === matchKey(label)) : undefined;
      if (twin) existing = getConcept(project.read, twin.id);
      else checkConceptLabel(project.read, label);
    }
    if (existing) {
      label = existing.label;
      const twin = findSegment(project.read, { documentId, conceptId: existing.id, ...range });
      if (twin) throw new GroundworkError('conflict', `This passage is already coded with ${quoted(label)}.`);
    }
    const what = newConcept && !existing ? `Code with new ${newConcept.inVivo ? 'in-vivo ' : ''}concept` : 'Code with';
    const id = runCommand(project, { kind: 'segment.code', label: `${what} ${quoted(label)} in ${quoted(document.name)}` }, (db) => {
      const concept =
        existing?.id ??
        insertConcept(db, { label, color: newConcept?.color ?? paletteColor(conceptCount(db)), inVivo: newConcept?.inVivo ?? false });
      return insertSegment(db, {
        documentId,
        conceptId: concept,
        ...range,
        text: selected,
        contextBefore: context.before,
        contextAfter: context.after,
      });
    });
    return getSegment(project.read, id)!;
  },
  'segment.uncode': ({ id }, backend) => {
    const project = requireProject(backend);
    const segment = requireFound(getSegment(project.read, id), 'That segment');
    const concept = getConcept(project.read, segment.conceptId);
    const document = getDocument(project.read, segment.documentId);
    runCommand(
      project,
      { kind: 'segment.uncode', label: `Uncode ${quoted(concept?.label ?? '?')} in ${quoted(document?.name ?? '?')}` },
      (db) => deleteSegment(db, id),
    );
    return null;
  },
  'segment.get': ({ id }, backend) => withoutContext(requireFound(getSegmentRow(requireProject(backend).read, id), 'That segment')),
  'segment.forDocument': ({ documentId }, backend) => segmentMarks(requireProject(backend).read, documentId),
  'segment.list': ({ scope }, backend) => listSegments(requireProject(backend).read, scope).map(withoutContext),
} satisfies HandlerGroup<'segment.code' | 'segment.uncode' | 'segment.get' | 'segment.forDocument' | 'segment.list'>;
