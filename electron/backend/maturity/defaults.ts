// The study's default maturity model: the five CMMI levels and the eight dimensions of its
// core-phenomenon row, mapped to its main categories by code (fixtures/study/maturity-defaults.json,
// with the reason for each mapping). The study builder installs them once its categories exist.

import defaults from '../../../fixtures/study/maturity-defaults.json' with { type: 'json' };
import type { CategoryId } from '../../../shared/domain/ids';
import type { DimensionId } from '../../../shared/domain/maturity';
import { CMMI_LEVELS, cmmiLabelFa } from '../../../shared/domain/cmmi-levels';
import type { ProjectDb } from '../../../db/connection';
import { runCommand } from '../../../db/commands';
import { categoryKeys, clearModel, insertDimension, insertLevel, setDimensionCategories } from '../../../db/maturity';
import type { WritableDB } from '../../../db/handles';

export interface DefaultDimension {
  code: string;
  labelFa: string;
  labelEn: string;
  mainCategoryCodes: string[];
  reason: string;
}

export const STUDY_MATURITY_DEFAULTS: readonly DefaultDimension[] = defaults.dimensions;

/** Finds a category by its code; null when the project has no category with that code. */
export type CodeResolver = (code: string) => CategoryId | null;

/** A resolver over the project's own `category.code` column (present once the study schema has landed). */
export function resolveByCategoryCode(project: ProjectDb): CodeResolver {
  const byCode = new Map<string, CategoryId>();
  for (const k of categoryKeys(project.read)) if (k.code && !byCode.has(k.code)) byCode.set(k.code, k.id);
  return (code) => byCode.get(code) ?? null;
}

/** Writes the CMMI levels, replacing whatever levels there were (inside a command). */
export function writeCmmiLevels(db: WritableDB): void {
  CMMI_LEVELS.forEach((l, index) =>
    insertLevel(
      db,
      {
        labelFa: cmmiLabelFa(l),
        labelEn: l.nameEn,
        descriptionFa: l.descriptionFa,
        descriptionEn: l.descriptionEn,
        characteristicsFa: [...l.characteristicsFa],
        characteristicsEn: [...l.characteristicsEn],
      },
      index + 1,
    ),
  );
}

export interface DefaultsResult {
  dimensions: DimensionId[];
  /** Codes the resolver did not find: those mappings are left out. */
  unresolved: string[];
}

/**
 * Replaces the project's maturity model with the study's defaults (CMMI levels, eight dimensions
 * mapped by category code) in one undoable command. Ratings of existing assessments go with the
 * old model. Call it after the study's categories (with their codes) exist.
 */
export function applyMaturityDefaults(
  project: ProjectDb,
  resolveCode: CodeResolver = resolveByCategoryCode(project),
): DefaultsResult {
  const unresolved: string[] = [];
  const dimensions = runCommand(
    project,
    { kind: 'maturity.defaults', label: 'Install the study’s maturity model' },
    (db) => {
      clearModel(db);
      writeCmmiLevels(db);
      return STUDY_MATURITY_DEFAULTS.map((d) => {
        const id = insertDimension(db, { labelFa: d.labelFa, labelEn: d.labelEn });
        const categories = d.mainCategoryCodes.flatMap((code) => {
          const found = resolveCode(code);
          if (found === null) unresolved.push(code);
          return found === null ? [] : [found];
        });
        setDimensionCategories(db, id, categories);
        return id;
      });
    },
  );
  return { dimensions, unresolved };
}
