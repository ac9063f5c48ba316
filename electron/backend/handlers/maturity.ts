// Handlers for the maturity model and self-assessments. Every change runs in runCommand, so it is
// one undo step; a change the rules refuse (fewer than 3 or more than 6 levels) writes nothing.

import { GroundworkError } from '../../../shared/api/errors';
import type { MaturityOutputs } from '../../../shared/api/maturity-contract';
import type { AssessmentId, DimensionId, LevelId } from '../../../shared/domain/maturity';
import { MAX_LEVELS, MIN_LEVELS } from '../../../shared/domain/maturity';
import { projectInfo } from '../../../db/connection';
import type { ProjectDb } from '../../../db/connection';
import { runCommand } from '../../../db/commands';
import { getCategory } from '../../../db/codebook';
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
import { getConcept } from '../../../db/codebook';
import { requireProject } from '../backend';
import { assessmentCsv, assessmentHtml, assessmentToJson } from '../maturity/assessment-io';
import { writeCmmiLevels } from '../maturity/defaults';
import { importModel, modelCsv, modelToJson, modelXlsx } from '../maturity/model-io';
import type { HandlerGroup } from './types';
import { quoted } from './types';

type MaturityMethod = keyof MaturityOutputs;

const fileStem = (name: string) => name.replace(/[\\/:*?"<>|]/g, ' ').trim() || 'Groundwork';
const labelOf = (x: { labelFa?: string; labelEn?: string }) => x.labelEn || x.labelFa || '';

function requireAssessment(project: ProjectDb, id: AssessmentId) {
  const a = getAssessment(project.read, id);
  if (!a) throw new GroundworkError('not-found', 'That assessment no longer exists.');
  return a;
}

function requireDimension(project: ProjectDb, id: DimensionId) {
  const d = getDimensionLabels(project.read, id);
  if (!d) throw new GroundworkError('not-found', 'That dimension no longer exists.');
  return d;
}

function requireLevel(project: ProjectDb, id: LevelId) {
  const level = listLevels(project.read).find((l) => l.id === id);
  if (!level) throw new GroundworkError('not-found', 'That level no longer exists.');
  return level;
}

const model = (project: ProjectDb) => getModel(project.read);

export const maturityHandlers = {
  'maturity.get': (_input, backend) => model(requireProject(backend)),

  'maturity.addLevel': (input, backend) => {
    const project = requireProject(backend);
    const n = levelCount(project.read);
    if (n >= MAX_LEVELS) throw new GroundworkError('conflict', `A maturity model has at most ${MAX_LEVELS} levels.`);
    runCommand(project, { kind: 'maturity.addLevel', label: `Add the level ${quoted(labelOf(input))}` }, (db) =>
      insertLevel(db, input, n + 1),
    );
    return model(project);
  },
  'maturity.updateLevel': (input, backend) => {
    const project = requireProject(backend);
    const level = requireLevel(project, input.id);
    const { id, ...change } = input;
    const labelFa = change.labelFa ?? level.labelFa;
    const labelEn = change.labelEn ?? level.labelEn;
    if (!labelFa.trim() && !labelEn.trim()) throw new GroundworkError('invalid-input', 'A level needs a name in at least one language.');
    runCommand(project, { kind: 'maturity.updateLevel', label: `Edit the level ${quoted(labelOf(level))}` }, (db) => updateLevel(db, id, change));
    return model(project);
  },
  'maturity.deleteLevel': (input, backend) => {
    const project = requireProject(backend);
    const level = requireLevel(project, input.id);
    if (levelCount(project.read) <= MIN_LEVELS) {
      throw new GroundworkError('conflict', `A maturity model has at least ${MIN_LEVELS} levels.`);
    }
    runCommand(project, { kind: 'maturity.deleteLevel', label: `Delete the level ${quoted(labelOf(level))}` }, (db) => deleteLevel(db, input.id));
    return model(project);
  },
  'maturity.reorderLevels': (input, backend) => {
    const project = requireProject(backend);
    try {
      runCommand(project, { kind: 'maturity.reorderLevels', label: 'Reorder the maturity levels' }, (db) => reorderLevels(db, input.ids));
    } catch (error) {
      throw new GroundworkError('invalid-input', (error as Error).message);
    }
    return model(project);
  },
  'maturity.resetLevels': (_input, backend) => {
    const project = requireProject(backend);
    runCommand(project, { kind: 'maturity.resetLevels', label: 'Restore the five CMMI levels' }, (db) => {
      clearLevels(db);
      writeCmmiLevels(db);
    });
    return model(project);
  },

  'maturity.addDimension': (input, backend) => {
    const project = requireProject(backend);
    runCommand(project, { kind: 'maturity.addDimension', label: `Add the dimension ${quoted(labelOf(input))}` }, (db) =>
      insertDimension(db, input),
    );
    return model(project);
  },
  'maturity.updateDimension': (input, backend) => {
    const project = requireProject(backend);
    const d = requireDimension(project, input.id);
    const labelFa = input.labelFa ?? d.labelFa;
    const labelEn = input.labelEn ?? d.labelEn;
    if (!labelFa.trim() && !labelEn.trim()) throw new GroundworkError('invalid-input', 'A dimension needs a name in at least one language.');
    runCommand(project, { kind: 'maturity.updateDimension', label: `Rename the dimension ${quoted(labelOf(d))}` }, (db) =>
      updateDimension(db, input.id, input),
    );
    return model(project);
  },
  'maturity.deleteDimension': (input, backend) => {
    const project = requireProject(backend);
    const d = requireDimension(project, input.id);
    runCommand(project, { kind: 'maturity.deleteDimension', label: `Delete the dimension ${quoted(labelOf(d))}` }, (db) =>
      deleteDimension(db, input.id),
    );
    return model(project);
  },
  'maturity.reorderDimensions': (input, backend) => {
    const project = requireProject(backend);
    try {
      runCommand(project, { kind: 'maturity.reorderDimensions', label: 'Reorder the dimensions' }, (db) => reorderDimensions(db, input.ids));
    } catch (error) {
      throw new GroundworkError('invalid-input', (error as Error).message);
    }
    return model(project);
  },
  'maturity.mapCategory': (input, backend) => {
    const project = requireProject(backend);
    const d = requireDimension(project, input.dimensionId);
    const category = getCategory(project.read, input.categoryId);
    if (!category) throw new GroundworkError('not-found', 'That category no longer exists.');
    const label = input.mapped
      ? `Map ${quoted(category.name)} to ${quoted(labelOf(d))}`
      : `Unmap ${quoted(category.name)} from ${quoted(labelOf(d))}`;
    runCommand(project, { kind: 'maturity.mapCategory', label }, (db) => mapCategory(db, input.dimensionId, input.categoryId, input.mapped));
    return model(project);
  },

  'maturity.exportJson': (_input, backend) => {
    const project = requireProject(backend);
    const name = projectInfo(project).name;
    return { filename: `${fileStem(name)} - maturity model.json`, text: `${JSON.stringify(modelToJson(model(project), name), null, 2)}\n` };
  },
  'maturity.exportCsv': (input, backend) => {
    const project = requireProject(backend);
    return { filename: `${fileStem(projectInfo(project).name)} - maturity model.csv`, text: modelCsv(model(project), input.labels ?? 'en') };
  },
  'maturity.exportXlsx': async (input, backend) => {
    const project = requireProject(backend);
    const name = projectInfo(project).name;
    const data = await modelXlsx(model(project), input.labels ?? 'en', name);
    return { filename: `${fileStem(name)} - maturity model.xlsx`, dataBase64: data.toString('base64') };
  },
  'maturity.import': (input, backend) => importModel(requireProject(backend), input.json),

  'assessment.list': (_input, backend) => listAssessments(requireProject(backend).read),
  'assessment.get': (input, backend) => requireAssessment(requireProject(backend), input.id),
  'assessment.create': (input, backend) => {
    const project = requireProject(backend);
    const id = runCommand(project, { kind: 'assessment.create', label: `New assessment ${quoted(input.name)}` }, (db) =>
      insertAssessment(db, { name: input.name, organisation: input.organisation ?? '', assessedOn: input.assessedOn }),
    );
    return requireAssessment(project, id);
  },
  'assessment.update': (input, backend) => {
    const project = requireProject(backend);
    const a = requireAssessment(project, input.id);
    runCommand(project, { kind: 'assessment.update', label: `Edit the assessment ${quoted(a.name)}` }, (db) => updateAssessment(db, input.id, input));
    return requireAssessment(project, input.id);
  },
  'assessment.delete': (input, backend) => {
    const project = requireProject(backend);
    const a = requireAssessment(project, input.id);
    runCommand(project, { kind: 'assessment.delete', label: `Delete the assessment ${quoted(a.name)}` }, (db) => deleteAssessment(db, input.id));
    return null;
  },
  'assessment.rate': (input, backend) => {
    const project = requireProject(backend);
    const a = requireAssessment(project, input.assessmentId);
    const d = requireDimension(project, input.dimensionId);
    const concept = getConcept(project.read, input.conceptId);
    if (!concept) throw new GroundworkError('not-found', 'That item no longer exists.');
    const dimension = model(project).dimensions.find((x) => x.id === input.dimensionId);
    if (!dimension?.items.some((i) => i.conceptId === input.conceptId)) {
      throw new GroundworkError('invalid-input', `${quoted(concept.label)} is not an item of the dimension ${quoted(labelOf(d))}.`);
    }
    if (typeof input.value === 'number' && input.value > levelCount(project.read)) {
      throw new GroundworkError('invalid-input', `There is no level ${input.value}.`);
    }
    runCommand(
      project,
      { kind: 'assessment.rate', label: `Rate ${quoted(concept.label)} in ${quoted(a.name)}` },
      (db) => setRating(db, { assessmentId: input.assessmentId, dimensionId: input.dimensionId, conceptId: input.conceptId, value: input.value }),
    );
    return requireAssessment(project, input.assessmentId);
  },
  'assessment.exportJson': (input, backend) => {
    const project = requireProject(backend);
    const a = requireAssessment(project, input.id);
    const json = assessmentToJson(model(project), a, projectInfo(project).name);
    return { filename: `${fileStem(a.name)} - assessment.json`, text: `${JSON.stringify(json, null, 2)}\n` };
  },
  'assessment.exportCsv': (input, backend) => {
    const project = requireProject(backend);
    const a = requireAssessment(project, input.id);
    return { filename: `${fileStem(a.name)} - assessment.csv`, text: assessmentCsv(model(project), a, input.labels ?? 'en') };
  },
  'assessment.exportHtml': (input, backend) => {
    const project = requireProject(backend);
    const a = requireAssessment(project, input.id);
    return {
      filename: `${fileStem(a.name)} - assessment.html`,
      text: assessmentHtml(model(project), a, input.labels ?? 'en', projectInfo(project).name),
    };
  },
} satisfies HandlerGroup<MaturityMethod>;
