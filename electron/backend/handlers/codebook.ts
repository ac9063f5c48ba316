// Handlers for the codebook: concepts, categories, filing concepts under categories, and placing
// main categories in paradigm components (axial and selective coding). Each change checks what it
// needs inside its own command, so the check and the change see the same project.

import { GroundworkError } from '../../../shared/api/errors';
import { paletteColor } from '../../../shared/domain/colors';
import type { CategoryId } from '../../../shared/domain/ids';
import { matchKey } from '../../../shared/domain/normalize';
import { COMPONENT_LABELS } from '../../../shared/domain/paradigm';
import { requireFound } from '../../../db/command-log';
import type { ReadableDB } from '../../../db/handles';
import {
  allConceptLabels,
  assignComponent,
  categoryCount,
  conceptCount,
  deleteCategory,
  deleteConcept,
  fileConcept,
  getCategory,
  getCodebook,
  getConcept,
  insertCategory,
  insertConcept,
  moveCategory,
  siblingNames,
  subtreeIds,
  unfileConcept,
  updateCategory,
  updateConcept,
} from '../../../db/codebook';
import { requireStore } from '../backend';
import type { HandlerGroup } from './types';
import { quoted } from './types';

/** Refuses a label another concept already has (compared after Persian/Arabic normalisation). */
export async function checkConceptLabel(db: ReadableDB, label: string, except?: number): Promise<void> {
  const key = matchKey(label);
  const labels = await allConceptLabels(db);
  // Concepts with different item codes (a codebook's D1.C01.01 and D5.C04.02) may share a label.
  const own = except === undefined ? null : (labels.find((c) => c.id === except)?.code ?? null);
  const twin = labels.find((c) => c.id !== except && matchKey(c.label) === key && !(own !== null && c.code !== null && c.code !== own));
  if (twin) throw new GroundworkError('conflict', `There is already a concept ${quoted(twin.label)}; use it, or choose another label.`);
}

async function checkSiblingName(db: ReadableDB, name: string, parentId: CategoryId | null, except?: CategoryId): Promise<void> {
  const key = matchKey(name);
  const twin = (await siblingNames(db, parentId)).find((c) => c.id !== except && matchKey(c.name) === key);
  if (twin) {
    const where = parentId === null ? 'among the main categories' : 'in that category';
    throw new GroundworkError('conflict', `There is already a category ${quoted(twin.name)} ${where}.`);
  }
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export const codebookHandlers = {
  'codebook.get': (_input, backend) => requireStore(backend).read(getCodebook),

  'concept.create': ({ label, color, inVivo }, backend) =>
    requireStore(backend).write({ kind: 'concept.create', label: `Create concept ${quoted(label)}` }, async (db) => {
      await checkConceptLabel(db, label);
      const id = await insertConcept(db, { label, color: color ?? paletteColor(await conceptCount(db)), inVivo: inVivo ?? false });
      return (await getConcept(db, id))!;
    }),
  'concept.update': ({ id, label, color }, backend) =>
    requireStore(backend).write({ kind: 'concept.update', label: 'Change a concept' }, async (db, command) => {
      const concept = requireFound(await getConcept(db, id), 'That concept');
      const renaming = label !== undefined && label !== concept.label;
      if (renaming) await checkConceptLabel(db, label, id);
      command.setLabel(renaming ? `Rename concept ${quoted(concept.label)} to ${quoted(label)}` : `Recolour concept ${quoted(concept.label)}`);
      await updateConcept(db, id, { label, color });
      return (await getConcept(db, id))!;
    }),
  'concept.delete': ({ id }, backend) =>
    requireStore(backend).write({ kind: 'concept.delete', label: 'Delete a concept' }, async (db, command) => {
      const concept = requireFound(await getConcept(db, id), 'That concept');
      command.setLabel(`Delete concept ${quoted(concept.label)} and its ${plural(concept.segmentCount, 'segment')}`);
      return { deletedSegments: await deleteConcept(db, id) };
    }),

  'category.create': ({ name, parentId, color }, backend) =>
    requireStore(backend).write({ kind: 'category.create', label: `Create main category ${quoted(name)}` }, async (db, command) => {
      const parent = parentId ? requireFound(await getCategory(db, parentId), 'The parent category') : null;
      await checkSiblingName(db, name, parent?.id ?? null);
      if (parent) command.setLabel(`Create sub-category ${quoted(name)} in ${quoted(parent.name)}`);
      const id = await insertCategory(db, {
        name,
        color: color ?? parent?.color ?? paletteColor((await categoryCount(db)) + 5),
        parentId: parent?.id ?? null,
      });
      return (await getCategory(db, id))!;
    }),
  'category.update': ({ id, name, color }, backend) =>
    requireStore(backend).write({ kind: 'category.update', label: 'Change a category' }, async (db, command) => {
      const category = requireFound(await getCategory(db, id), 'That category');
      const renaming = name !== undefined && name !== category.name;
      if (renaming) await checkSiblingName(db, name, category.parentId, id);
      command.setLabel(renaming ? `Rename category ${quoted(category.name)} to ${quoted(name)}` : `Recolour category ${quoted(category.name)}`);
      await updateCategory(db, id, { name, color });
      return (await getCategory(db, id))!;
    }),
  'category.move': ({ id, parentId }, backend) =>
    requireStore(backend).write({ kind: 'category.move', label: 'Move a category' }, async (db, command) => {
      const category = requireFound(await getCategory(db, id), 'That category');
      if (parentId !== null) {
        const parent = requireFound(await getCategory(db, parentId), 'The target category');
        if ((await subtreeIds(db, id)).includes(parentId)) {
          throw new GroundworkError('conflict', `${quoted(category.name)} cannot go inside itself or one of its own sub-categories.`);
        }
        if (category.parentId === parentId) return category;
        command.setLabel(`Move ${quoted(category.name)} into ${quoted(parent.name)}`);
      } else {
        if (category.parentId === null) return category;
        command.setLabel(`Make ${quoted(category.name)} a main category`);
      }
      await moveCategory(db, id, parentId);
      return (await getCategory(db, id))!;
    }),
  'category.delete': ({ id }, backend) =>
    requireStore(backend).write({ kind: 'category.delete', label: 'Delete a category' }, async (db, command) => {
      const category = requireFound(await getCategory(db, id), 'That category');
      command.setLabel(`Delete category ${quoted(category.name)}`);
      return deleteCategory(db, id);
    }),
  'category.fileConcepts': ({ categoryId, conceptIds, fromCategoryId }, backend) =>
    requireStore(backend).write({ kind: 'category.fileConcepts', label: 'File concepts' }, async (db, command) => {
      const category = requireFound(await getCategory(db, categoryId), 'That category');
      const concepts = [];
      for (const c of conceptIds) concepts.push(requireFound(await getConcept(db, c), 'A concept'));
      const from = fromCategoryId ? requireFound(await getCategory(db, fromCategoryId), 'The category they come from') : null;
      if (from?.id === category.id) return { filed: 0 };
      const what = concepts.length === 1 ? `concept ${quoted(concepts[0]!.label)}` : plural(concepts.length, 'concept');
      command.setLabel(from ? `Move ${what} from ${quoted(from.name)} to ${quoted(category.name)}` : `File ${what} under ${quoted(category.name)}`);
      let filed = 0;
      let left = 0;
      for (const concept of concepts) {
        if (await fileConcept(db, category.id, concept.id)) filed += 1;
        if (from && (await unfileConcept(db, from.id, concept.id))) left += 1;
      }
      // A move from where none of the concepts is any more (another window or user moved them
      // since) is refused whole, rather than leaving them in two places.
      if (from && left === 0) {
        throw new GroundworkError(
          'conflict',
          concepts.length === 1
            ? `${quoted(concepts[0]!.label)} is not in ${quoted(from.name)} any more; look again, then move it.`
            : `None of those concepts is in ${quoted(from.name)} any more; look again, then move them.`,
        );
      }
      return { filed };
    }),
  'category.unfileConcepts': ({ categoryId, conceptIds }, backend) =>
    requireStore(backend).write({ kind: 'category.unfileConcepts', label: 'Take concepts out' }, async (db, command) => {
      const category = requireFound(await getCategory(db, categoryId), 'That category');
      command.setLabel(`Take ${plural(conceptIds.length, 'concept')} out of ${quoted(category.name)}`);
      let unfiled = 0;
      for (const c of conceptIds) if (await unfileConcept(db, category.id, c)) unfiled += 1;
      return { unfiled };
    }),
  'component.assign': ({ categoryId, component }, backend) =>
    requireStore(backend).write({ kind: 'component.assign', label: 'Place a category' }, async (db, command) => {
      const category = requireFound(await getCategory(db, categoryId), 'That category');
      if (category.parentId !== null) {
        const parent = await getCategory(db, category.parentId);
        throw new GroundworkError(
          'conflict',
          `Only main categories go into a paradigm component; ${quoted(category.name)} is a sub-category of ${quoted(parent?.name ?? '?')}. ` +
            'Make it a main category first.',
        );
      }
      if (category.component === component) return category;
      command.setLabel(
        component
          ? `Place ${quoted(category.name)} in ${COMPONENT_LABELS[component]}`
          : `Take ${quoted(category.name)} out of ${COMPONENT_LABELS[category.component!]}`,
      );
      await assignComponent(db, categoryId, component);
      return (await getCategory(db, categoryId))!;
    }),
} satisfies HandlerGroup<
  | 'codebook.get'
  | 'concept.create'
  | 'concept.update'
  | 'concept.delete'
  | 'category.create'
  | 'category.update'
  | 'category.move'
  | 'category.delete'
  | 'category.fileConcepts'
  | 'category.unfileConcepts'
  | 'component.assign'
>;
