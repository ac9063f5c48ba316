// Handlers for the maturity model and self-assessments. Every change is one command (one undo
// step) whose checks read inside it; a change the rules refuse (fewer than 3 or more than 6
// levels) writes nothing. Each change answers with the model (or assessment) read inside it.

import { fail } from '../../../shared/api/errors';
import { say } from '../../../shared/domain/message';
import type { MaturityOutputs } from '../../../shared/api/maturity-contract';
import type { AssessmentId, DimensionId, LevelId } from '../../../shared/domain/maturity';
import { MAX_LEVELS, MIN_LEVELS } from '../../../shared/domain/maturity';
import { getCategory, getConcept } from '../../../db/codebook';
import type { ReadableDB } from '../../../db/handles';
import {
  clearLevels,
  deleteAssessment,
  deleteDimension,
  deleteLevel,
  getAssessment,
  getDimensionLabels,
  getModel,
  insertAssessment,
  insertDimension,
  insertLevel,
  levelCount,
  listAssessments,
  listLevels,
  mapCategory,
  reorderDimensions,
  reorderLevels,
  setRating,
  updateAssessment,
  updateDimension,
  updateLevel,
} from '../../../db/maturity';
import { requireStore, type Backend } from '../backend';
import { assessmentCsv, assessmentHtml, assessmentToJson } from '../maturity/assessment-io';
import { writeCmmiLevels } from '../maturity/defaults';
import { importModel, modelCsv, modelToJson, modelXlsx } from '../maturity/model-io';
import type { HandlerGroup } from './types';
import { short } from './types';

type MaturityMethod = keyof MaturityOutputs;

const fileStem = (name: string) => name.replace(/[\\/:*?"<>|]/g, ' ').trim() || 'Groundwork';
const labelOf = (x: { labelFa?: string; labelEn?: string }) => x.labelEn || x.labelFa || '';

async function requireAssessment(db: ReadableDB, id: AssessmentId) {
  const a = await getAssessment(db, id);
  if (!a) fail('not-found', 'That assessment no longer exists.');
  return a;
}

async function requireDimension(db: ReadableDB, id: DimensionId) {
  const d = await getDimensionLabels(db, id);
  if (!d) fail('not-found', 'That dimension no longer exists.');
  return d;
}

async function requireLevel(db: ReadableDB, id: LevelId) {
  const level = (await listLevels(db)).find((l) => l.id === id);
  if (!level) fail('not-found', 'That level no longer exists.');
  return level;
}

/** The project's name and its model, read together, for the exports. */
async function named<T extends object>(backend: Backend, read: (db: ReadableDB) => Promise<T>) {
  const store = requireStore(backend);
  const { name } = await store.info();
  return { name, ...(await store.read(read)) };
}

export const maturityHandlers = {
  'maturity.get': (_input, backend) => requireStore(backend).read(getModel),

  'maturity.addLevel': (input, backend) =>
    requireStore(backend).write({ kind: 'maturity.addLevel', label: say('Add the level “{a}”', { a: short(labelOf(input)) }) }, async (db) => {
      const n = await levelCount(db);
      if (n >= MAX_LEVELS) fail('conflict', 'A maturity model has at most {max} levels.', { max: MAX_LEVELS });
      await insertLevel(db, input, n + 1);
      return getModel(db);
    }),
  'maturity.updateLevel': (input, backend) =>
    requireStore(backend).write({ kind: 'maturity.updateLevel', label: say('Edit a level') }, async (db, command) => {
      const level = await requireLevel(db, input.id);
      const { id, ...change } = input;
      const labelFa = change.labelFa ?? level.labelFa;
      const labelEn = change.labelEn ?? level.labelEn;
      if (!labelFa.trim() && !labelEn.trim()) fail('invalid-input', 'A level needs a name in at least one language.');
      command.setLabel(say('Edit the level “{a}”', { a: short(labelOf(level)) }));
      await updateLevel(db, id, change);
      return getModel(db);
    }),
  'maturity.deleteLevel': (input, backend) =>
    requireStore(backend).write({ kind: 'maturity.deleteLevel', label: say('Delete a level') }, async (db, command) => {
      const level = await requireLevel(db, input.id);
      if ((await levelCount(db)) <= MIN_LEVELS) fail('conflict', 'A maturity model has at least {min} levels.', { min: MIN_LEVELS });
      command.setLabel(say('Delete the level “{a}”', { a: short(labelOf(level)) }));
      await deleteLevel(db, input.id);
      return getModel(db);
    }),
  'maturity.reorderLevels': (input, backend) =>
    requireStore(backend).write({ kind: 'maturity.reorderLevels', label: say('Reorder the maturity levels') }, async (db) => {
      await reorderLevels(db, input.ids);
      return getModel(db);
    }),
  'maturity.resetLevels': (_input, backend) =>
    requireStore(backend).write({ kind: 'maturity.resetLevels', label: say('Restore the five CMMI levels') }, async (db) => {
      await clearLevels(db);
      await writeCmmiLevels(db);
      return getModel(db);
    }),

  'maturity.addDimension': (input, backend) =>
    requireStore(backend).write({ kind: 'maturity.addDimension', label: say('Add the dimension “{a}”', { a: short(labelOf(input)) }) }, async (db) => {
      await insertDimension(db, input);
      return getModel(db);
    }),
  'maturity.updateDimension': (input, backend) =>
    requireStore(backend).write({ kind: 'maturity.updateDimension', label: say('Rename a dimension') }, async (db, command) => {
      const d = await requireDimension(db, input.id);
      const labelFa = input.labelFa ?? d.labelFa;
      const labelEn = input.labelEn ?? d.labelEn;
      if (!labelFa.trim() && !labelEn.trim()) fail('invalid-input', 'A dimension needs a name in at least one language.');
      command.setLabel(say('Rename the dimension “{a}”', { a: short(labelOf(d)) }));
      await updateDimension(db, input.id, input);
      return getModel(db);
    }),
  'maturity.deleteDimension': (input, backend) =>
    requireStore(backend).write({ kind: 'maturity.deleteDimension', label: say('Delete a dimension') }, async (db, command) => {
      const d = await requireDimension(db, input.id);
      command.setLabel(say('Delete the dimension “{a}”', { a: short(labelOf(d)) }));
      await deleteDimension(db, input.id);
      return getModel(db);
    }),
  'maturity.reorderDimensions': (input, backend) =>
    requireStore(backend).write({ kind: 'maturity.reorderDimensions', label: say('Reorder the dimensions') }, async (db) => {
      await reorderDimensions(db, input.ids);
      return getModel(db);
    }),
  'maturity.mapCategory': (input, backend) =>
    requireStore(backend).write({ kind: 'maturity.mapCategory', label: say('Map a category') }, async (db, command) => {
      const d = await requireDimension(db, input.dimensionId);
      const category = await getCategory(db, input.categoryId);
      if (!category) fail('not-found', 'That category no longer exists.');
      command.setLabel(
        input.mapped
          ? say('Map “{a}” to “{b}”', { a: short(category.name), b: short(labelOf(d)) })
          : say('Unmap “{a}” from “{b}”', { a: short(category.name), b: short(labelOf(d)) }),
      );
      await mapCategory(db, input.dimensionId, input.categoryId, input.mapped);
      return getModel(db);
    }),

  'maturity.exportJson': async (_input, backend) => {
    const { name, model } = await named(backend, async (db) => ({ model: await getModel(db) }));
    return { filename: `${fileStem(name)} - maturity model.json`, text: `${JSON.stringify(modelToJson(model, name), null, 2)}\n` };
  },
  'maturity.exportCsv': async (input, backend) => {
    const { name, model } = await named(backend, async (db) => ({ model: await getModel(db) }));
    return { filename: `${fileStem(name)} - maturity model.csv`, text: modelCsv(model, input.labels ?? 'en') };
  },
  'maturity.exportXlsx': async (input, backend) => {
    const { name, model } = await named(backend, async (db) => ({ model: await getModel(db) }));
    const data = await modelXlsx(model, input.labels ?? 'en', name);
    return { filename: `${fileStem(name)} - maturity model.xlsx`, dataBase64: data.toString('base64') };
  },
  'maturity.import': (input, backend) => importModel(requireStore(backend), input.json),

  'assessment.list': (_input, backend) => requireStore(backend).read(listAssessments),
  'assessment.get': (input, backend) => requireStore(backend).read((db) => requireAssessment(db, input.id)),
  'assessment.create': (input, backend) =>
    requireStore(backend).write({ kind: 'assessment.create', label: say('New assessment “{a}”', { a: short(input.name) }) }, async (db) => {
      const id = await insertAssessment(db, { name: input.name, organisation: input.organisation ?? '', assessedOn: input.assessedOn });
      return requireAssessment(db, id);
    }),
  'assessment.update': (input, backend) =>
    requireStore(backend).write({ kind: 'assessment.update', label: say('Edit an assessment') }, async (db, command) => {
      const a = await requireAssessment(db, input.id);
      command.setLabel(say('Edit the assessment “{a}”', { a: short(a.name) }));
      await updateAssessment(db, input.id, input);
      return requireAssessment(db, input.id);
    }),
  'assessment.delete': (input, backend) =>
    requireStore(backend).write({ kind: 'assessment.delete', label: say('Delete an assessment') }, async (db, command) => {
      const a = await requireAssessment(db, input.id);
      command.setLabel(say('Delete the assessment “{a}”', { a: short(a.name) }));
      await deleteAssessment(db, input.id);
      return null;
    }),
  'assessment.rate': (input, backend) =>
    requireStore(backend).write({ kind: 'assessment.rate', label: say('Rate an item') }, async (db, command) => {
      const a = await requireAssessment(db, input.assessmentId);
      const d = await requireDimension(db, input.dimensionId);
      const concept = await getConcept(db, input.conceptId);
      if (!concept) fail('not-found', 'That item no longer exists.');
      const dimension = (await getModel(db)).dimensions.find((x) => x.id === input.dimensionId);
      if (!dimension?.items.some((i) => i.conceptId === input.conceptId)) {
        fail('invalid-input', '“{a}” is not an item of the dimension “{b}”.', { a: short(concept.label), b: short(labelOf(d)) });
      }
      if (typeof input.value === 'number' && input.value > (await levelCount(db))) {
        fail('invalid-input', 'There is no level {level}.', { level: input.value });
      }
      command.setLabel(say('Rate “{a}” in “{b}”', { a: short(concept.label), b: short(a.name) }));
      await setRating(db, { assessmentId: input.assessmentId, dimensionId: input.dimensionId, conceptId: input.conceptId, value: input.value });
      return requireAssessment(db, input.assessmentId);
    }),
  'assessment.exportJson': async (input, backend) => {
    const { name, model, a } = await named(backend, async (db) => ({ a: await requireAssessment(db, input.id), model: await getModel(db) }));
    const json = assessmentToJson(model, a, name);
    return { filename: `${fileStem(a.name)} - assessment.json`, text: `${JSON.stringify(json, null, 2)}\n` };
  },
  'assessment.exportCsv': async (input, backend) => {
    const { model, a } = await named(backend, async (db) => ({ a: await requireAssessment(db, input.id), model: await getModel(db) }));
    return { filename: `${fileStem(a.name)} - assessment.csv`, text: assessmentCsv(model, a, input.labels ?? 'en') };
  },
  'assessment.exportHtml': async (input, backend) => {
    const { name, model, a } = await named(backend, async (db) => ({ a: await requireAssessment(db, input.id), model: await getModel(db) }));
    return { filename: `${fileStem(a.name)} - assessment.html`, text: assessmentHtml(model, a, input.labels ?? 'en', name) };
  },
} satisfies HandlerGroup<MaturityMethod>;
