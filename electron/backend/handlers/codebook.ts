// Handlers for the codebook: concepts, categories, filing concepts under categories, and placing
// main categories in paradigm components (axial and selective coding). Each change checks what it
// needs inside its own command, so the check and the change see the same project.

import { fail } from '../../../shared/api/errors';
import { say, sayCount } from '../../../shared/domain/message';
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
import { short } from './types';

/** Refuses a label another concept already has (compared after Persian/Arabic normalisation). */
export async function checkConceptLabel(db: ReadableDB, label: string, except?: number): Promise<void> {
  const key = matchKey(label);
  const labels = await allConceptLabels(db);
  // Concepts with different item codes (a codebook's D1.C01.01 and D5.C04.02) may share a label.
  const own = except === undefined ? null : (labels.find((c) => c.id === except)?.code ?? null);
  const twin = labels.find((c) => c.id !== except && matchKey(c.label) === key && !(own !== null && c.code !== null && c.code !== own));
  if (twin) fail('conflict', 'There is already a concept “{a}”; use it, or choose another label.', { a: short(twin.label) });
}

async function checkSiblingName(db: ReadableDB, name: string, parentId: CategoryId | null, except?: CategoryId): Promise<void> {
  const key = matchKey(name);
  const twin = (await siblingNames(db, parentId)).find((c) => c.id !== except && matchKey(c.name) === key);
  if (twin && parentId === null) fail('conflict', 'There is already a category “{a}” among the main categories.', { a: short(twin.name) });
  if (twin) fail('conflict', 'There is already a category “{a}” in that category.', { a: short(twin.name) });
}

export const codebookHandlers = {
  'codebook.get': (_input, backend) => requireStore(backend).read(getCodebook),

  'concept.create': ({ label, color, inVivo }, backend) =>
    requireStore(backend).write({ kind: 'concept.create', label: say('Create concept “{a}”', { a: short(label) }) }, async (db) => {
      await checkConceptLabel(db, label);
      const id = await insertConcept(db, { label, color: color ?? paletteColor(await conceptCount(db)), inVivo: inVivo ?? false });
      return (await getConcept(db, id))!;
    }),
  'concept.update': ({ id, label, color }, backend) =>
    requireStore(backend).write({ kind: 'concept.update', label: say('Change a concept') }, async (db, command) => {
      const concept = requireFound(await getConcept(db, id), 'That concept');
      const renaming = label !== undefined && label !== concept.label;
      if (renaming) await checkConceptLabel(db, label, id);
      command.setLabel(renaming ? say('Rename concept “{a}” to “{b}”', { a: short(concept.label), b: short(label) }) : say('Recolour concept “{a}”', { a: short(concept.label) }));
      await updateConcept(db, id, { label, color });
      return (await getConcept(db, id))!;
    }),
  'concept.delete': ({ id }, backend) =>
    requireStore(backend).write({ kind: 'concept.delete', label: say('Delete a concept') }, async (db, command) => {
      const concept = requireFound(await getConcept(db, id), 'That concept');
      command.setLabel(sayCount(concept.segmentCount, 'Delete concept “{a}” and its {n} segment', 'Delete concept “{a}” and its {n} segments', { a: short(concept.label) }));
      return { deletedSegments: await deleteConcept(db, id) };
    }),

  'category.create': ({ name, parentId, color }, backend) =>
    requireStore(backend).write({ kind: 'category.create', label: say('Create main category “{a}”', { a: short(name) }) }, async (db, command) => {
      const parent = parentId ? requireFound(await getCategory(db, parentId), 'The parent category') : null;
      await checkSiblingName(db, name, parent?.id ?? null);
      if (parent) command.setLabel(say('Create sub-category “{a}” in “{b}”', { a: short(name), b: short(parent.name) }));
      const id = await insertCategory(db, {
        name,
        color: color ?? parent?.color ?? paletteColor((await categoryCount(db)) + 5),
        parentId: parent?.id ?? null,
      });
      return (await getCategory(db, id))!;
    }),
  'category.update': ({ id, name, color }, backend) =>
    requireStore(backend).write({ kind: 'category.update', label: say('Change a category') }, async (db, command) => {
      const category = requireFound(await getCategory(db, id), 'That category');
      const renaming = name !== undefined && name !== category.name;
      if (renaming) await checkSiblingName(db, name, category.parentId, id);
      command.setLabel(renaming ? say('Rename category “{a}” to “{b}”', { a: short(category.name), b: short(name) }) : say('Recolour category “{a}”', { a: short(category.name) }));
      await updateCategory(db, id, { name, color });
      return (await getCategory(db, id))!;
    }),
  'category.move': ({ id, parentId }, backend) =>
    requireStore(backend).write({ kind: 'category.move', label: say('Move a category') }, async (db, command) => {
      const category = requireFound(await getCategory(db, id), 'That category');
      if (parentId !== null) {
        const parent = requireFound(await getCategory(db, parentId), 'The target category');
        if ((await subtreeIds(db, id)).includes(parentId)) {
          fail('conflict', '“{a}” cannot go inside itself or one of its own sub-categories.', { a: short(category.name) });
        }
        if (category.parentId === parentId) return category;
        command.setLabel(say('Move “{a}” into “{b}”', { a: short(category.name), b: short(parent.name) }));
      } else {
        if (category.parentId === null) return category;
        command.setLabel(say('Make “{a}” a main category', { a: short(category.name) }));
      }
      await moveCategory(db, id, parentId);
      return (await getCategory(db, id))!;
    }),
  'category.delete': ({ id }, backend) =>
    requireStore(backend).write({ kind: 'category.delete', label: say('Delete a category') }, async (db, command) => {
      const category = requireFound(await getCategory(db, id), 'That category');
      command.setLabel(say('Delete category “{a}”', { a: short(category.name) }));
      return deleteCategory(db, id);
    }),
  'category.fileConcepts': ({ categoryId, conceptIds, fromCategoryId }, backend) =>
    requireStore(backend).write({ kind: 'category.fileConcepts', label: say('File concepts') }, async (db, command) => {
      const category = requireFound(await getCategory(db, categoryId), 'That category');
      const concepts = [];
      for (const c of conceptIds) concepts.push(requireFound(await getConcept(db, c), 'A concept'));
      const from = fromCategoryId ? requireFound(await getCategory(db, fromCategoryId), 'The category they come from') : null;
      if (from?.id === category.id) return { filed: 0 };
      const one = concepts.length === 1 ? short(concepts[0]!.label) : null;
      const names = { a: one ?? '', b: short(from?.name ?? ''), c: short(category.name), n: concepts.length };
      if (from) command.setLabel(one !== null ? say('Move concept “{a}” from “{b}” to “{c}”', names) : say('Move {n} concepts from “{b}” to “{c}”', names));
      else command.setLabel(one !== null ? say('File concept “{a}” under “{b}”', { a: one, b: names.c }) : say('File {n} concepts under “{b}”', { n: concepts.length, b: names.c }));
      let filed = 0;
      let left = 0;
      for (const concept of concepts) {
        if (await fileConcept(db, category.id, concept.id)) filed += 1;
        if (from && (await unfileConcept(db, from.id, concept.id))) left += 1;
      }
      // A move from where none of the concepts is any more (another window or user moved them
      // since) is refused whole, rather than leaving them in two places.
      if (from && left === 0) {
        if (concepts.length === 1) fail('conflict', '“{a}” is not in “{b}” any more; look again, then move it.', { a: short(concepts[0]!.label), b: short(from.name) });
        fail('conflict', 'None of those concepts is in “{a}” any more; look again, then move them.', { a: short(from.name) });
      }
      return { filed };
    }),
  'category.unfileConcepts': ({ categoryId, conceptIds }, backend) =>
    requireStore(backend).write({ kind: 'category.unfileConcepts', label: say('Take concepts out') }, async (db, command) => {
      const category = requireFound(await getCategory(db, categoryId), 'That category');
      command.setLabel(sayCount(conceptIds.length, 'Take {n} concept out of “{b}”', 'Take {n} concepts out of “{b}”', { b: short(category.name) }));
      let unfiled = 0;
      for (const c of conceptIds) if (await unfileConcept(db, category.id, c)) unfiled += 1;
      return { unfiled };
    }),
  'component.assign': ({ categoryId, component }, backend) =>
    requireStore(backend).write({ kind: 'component.assign', label: say('Place a category') }, async (db, command) => {
      const category = requireFound(await getCategory(db, categoryId), 'That category');
      if (category.parentId !== null) {
        const parent = await getCategory(db, category.parentId);
        fail('conflict', 'Only main categories go into a paradigm component; “{a}” is a sub-category of “{b}”. Make it a main category first.', {
          a: short(category.name),
          b: short(parent?.name ?? '?'),
        });
      }
      if (category.component === component) return category;
      command.setLabel(
        component
          ? say('Place “{a}” in {component}', { a: short(category.name), component: say(COMPONENT_LABELS[component]) })
          : say('Take “{a}” out of {component}', { a: short(category.name), component: say(COMPONENT_LABELS[category.component!]) }),
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
