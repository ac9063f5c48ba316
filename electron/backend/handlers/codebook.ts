// Handlers for the codebook: concepts, categories, filing concepts under categories, and placing
// main categories in paradigm components (axial and selective coding).

import { GroundworkError } from '../../../shared/api/errors';
import { paletteColor } from '../../../shared/domain/colors';
import type { CategoryId } from '../../../shared/domain/ids';
import { matchKey } from '../../../shared/domain/normalize';
import { COMPONENT_LABELS } from '../../../shared/domain/paradigm';
import { requireFound, runCommand } from '../../../db/commands';
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
import { requireProject } from '../backend';
import type { HandlerGroup } from './types';
import { quoted } from './types';

/** Refuses a label another concept already has (compared after Persian/Arabic normalisation). */
export function checkConceptLabel(db: ReadableDB, label: string, except?: number): void {
  const key = matchKey(label);
  // Concepts with different item codes (a codebook's D1.C01.01 and D5.C04.02) may share a label.
  const own = except === undefined ? null : (allConceptLabels(db).find((c) => c.id === except)?.code ?? null);
  const twin = allConceptLabels(db).find(
    (c) => c.id !== except && matchKey(c.label) === key && !(own !== null && c.code !== null && c.code !== own),
  );
  if (twin) throw new GroundworkError('conflict', `There is already a concept ${quoted(twin.label)}; use it, or choose another label.`);
}

function checkSiblingName(db: ReadableDB, name: string, parentId: CategoryId | null, except?: CategoryId): void {
  const key = matchKey(name);
  const twin = siblingNames(db, parentId).find((c) => c.id !== except && matchKey(c.name) === key);
  if (twin) {
    const where = parentId === null ? 'among the main categories' : 'in that category';
    throw new GroundworkError('conflict', `There is already a category ${quoted(twin.name)} ${where}.`);
  }
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export const codebookHandlers = {
  'codebook.get': (_input, backend) => getCodebook(requireProject(backend).read),

  'concept.create': ({ label, color, inVivo }, backend) => {
    const project = requireProject(backend);
    checkConceptLabel(project.read, label);
    const id = runCommand(project, { kind: 'concept.create', label: `Create concept ${quoted(label)}` }, (db) =>
      insertConcept(db, { label, color: color ?? paletteColor(conceptCount(db)), inVivo: inVivo ?? false }),
    );
    return getConcept(project.read, id)!;
  },
  'concept.update': ({ id, label, color }, backend) => {
    const project = requireProject(backend);
    const concept = requireFound(getConcept(project.read, id), 'That concept');
    if (label !== undefined && label !== concept.label) checkConceptLabel(project.read, label, id);
    const what = label !== undefined && label !== concept.label ? `Rename concept ${quoted(concept.label)} to ${quoted(label)}` : `Recolour concept ${quoted(concept.label)}`;
    runCommand(project, { kind: 'concept.update', label: what }, (db) => updateConcept(db, id, { label, color }));
    return getConcept(project.read, id)!;
  },
  'concept.delete': ({ id }, backend) => {
    const project = requireProject(backend);
    const concept = requireFound(getConcept(project.read, id), 'That concept');
    const deletedSegments = runCommand(
      project,
      { kind: 'concept.delete', label: `Delete concept ${quoted(concept.label)} and its ${plural(concept.segmentCount, 'segment')}` },
      (db) => deleteConcept(db, id),
    );
    return { deletedSegments };
  },

  'category.create': ({ name, parentId, color }, backend) => {
    const project = requireProject(backend);
    const parent = parentId ? requireFound(getCategory(project.read, parentId), 'The parent category') : null;
    checkSiblingName(project.read, name, parent?.id ?? null);
    const label = parent ? `Create sub-category ${quoted(name)} in ${quoted(parent.name)}` : `Create main category ${quoted(name)}`;
    const id = runCommand(project, { kind: 'category.create', label }, (db) =>
      insertCategory(db, { name, color: color ?? parent?.color ?? paletteColor(categoryCount(db) + 5), parentId: parent?.id ?? null }),
    );
    return getCategory(project.read, id)!;
  },
  'category.update': ({ id, name, color }, backend) => {
    const project = requireProject(backend);
    const category = requireFound(getCategory(project.read, id), 'That category');
    const renaming = name !== undefined && name !== category.name;
    if (renaming) checkSiblingName(project.read, name, category.parentId, id);
    const label = renaming ? `Rename category ${quoted(category.name)} to ${quoted(name)}` : `Recolour category ${quoted(category.name)}`;
    runCommand(project, { kind: 'category.update', label }, (db) => updateCategory(db, id, { name, color }));
    return getCategory(project.read, id)!;
  },
  'category.move': ({ id, parentId }, backend) => {
    const project = requireProject(backend);
    const category = requireFound(getCategory(project.read, id), 'That category');
    if (parentId !== null) {
      const parent = requireFound(getCategory(project.read, parentId), 'The target category');
      if (subtreeIds(project.read, id).includes(parentId)) {
        throw new GroundworkError('conflict', `${quoted(category.name)} cannot go inside itself or one of its own sub-categories.`);
      }
      if (category.parentId === parentId) return category;
      runCommand(project, { kind: 'category.move', label: `Move ${quoted(category.name)} into ${quoted(parent.name)}` }, (db) =>
        moveCategory(db, id, parentId),
      );
    } else {
      if (category.parentId === null) return category;
      runCommand(project, { kind: 'category.move', label: `Make ${quoted(category.name)} a main category` }, (db) =>
        moveCategory(db, id, null),
      );
    }
    return getCategory(project.read, id)!;
  },
  'category.delete': ({ id }, backend) => {
    const project = requireProject(backend);
    const category = requireFound(getCategory(project.read, id), 'That category');
    return runCommand(project, { kind: 'category.delete', label: `Delete category ${quoted(category.name)}` }, (db) =>
      deleteCategory(db, id),
    );
  },
  'category.fileConcepts': ({ categoryId, conceptIds, fromCategoryId }, backend) => {
    const project = requireProject(backend);
    const category = requireFound(getCategory(project.read, categoryId), 'That category');
    const concepts = conceptIds.map((c) => requireFound(getConcept(project.read, c), 'A concept'));
    const from = fromCategoryId ? requireFound(getCategory(project.read, fromCategoryId), 'The category they come from') : null;
    if (from?.id === category.id) return { filed: 0 };
    const what = concepts.length === 1 ? `concept ${quoted(concepts[0]!.label)}` : plural(concepts.length, 'concept');
    const label = from ? `Move ${what} from ${quoted(from.name)} to ${quoted(category.name)}` : `File ${what} under ${quoted(category.name)}`;
    const filed = runCommand(project, { kind: 'category.fileConcepts', label }, (db) => {
      let n = 0;
      for (const concept of concepts) {
        if (fileConcept(db, category.id, concept.id)) n += 1;
        if (from) unfileConcept(db, from.id, concept.id);
      }
      return n;
    });
    return { filed };
  },
  'category.unfileConcepts': ({ categoryId, conceptIds }, backend) => {
    const project = requireProject(backend);
    const category = requireFound(getCategory(project.read, categoryId), 'That category');
    const label = `Take ${plural(conceptIds.length, 'concept')} out of ${quoted(category.name)}`;
    const unfiled = runCommand(project, { kind: 'category.unfileConcepts', label }, (db) =>
      conceptIds.filter((c) => unfileConcept(db, category.id, c)).length,
    );
    return { unfiled };
  },
  'component.assign': ({ categoryId, component }, backend) => {
    const project = requireProject(backend);
    const category = requireFound(getCategory(project.read, categoryId), 'That category');
    if (category.parentId !== null) {
      const parent = getCategory(project.read, category.parentId);
      throw new GroundworkError(
        'conflict',
        `Only main categories go into a paradigm component; ${quoted(category.name)} is a sub-category of ${quoted(parent?.name ?? '?')}. ` +
          'Make it a main category first.',
      );
    }
    if (category.component === component) return category;
    const label = component
      ? `Place ${quoted(category.name)} in ${COMPONENT_LABELS[component]}`
      : `Take ${quoted(category.name)} out of ${COMPONENT_LABELS[category.component!]}`;
    runCommand(project, { kind: 'component.assign', label }, (db) => assignComponent(db, categoryId, component));
    return getCategory(project.read, categoryId)!;
  },
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
