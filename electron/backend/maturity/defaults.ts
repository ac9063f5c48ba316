// The study's default maturity model: the five CMMI levels and the eight dimensions of its
// core-phenomenon row, mapped to its main categories by code (fixtures/study/maturity-defaults.json,
// with the reason for each mapping). The study builder installs them once its categories exist.

import defaults from '../../../fixtures/study/maturity-defaults.json' with { type: 'json' };
import type { CategoryId } from '../../../shared/domain/ids';
import type { DimensionId } from '../../../shared/domain/maturity';
import { CMMI_LEVELS, cmmiLabelFa } from '../../../shared/domain/cmmi-levels';
import type { ReadableDB, WritableDB } from '../../../db/handles';
import { categoryKeys, clearModel, insertDimension, insertLevel, setDimensionCategories } from '../../../db/maturity';
import type { Store } from '../../../db/store';
import { say } from '../../../shared/domain/message';

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

/** A resolver over the project's own `category.code` column (the study's codes). */
export async function resolveByCategoryCode(db: ReadableDB): Promise<CodeResolver> {
  const byCode = new Map<string, CategoryId>();
  for (const k of await categoryKeys(db)) if (k.code && !byCode.has(k.code)) byCode.set(k.code, k.id);
  return (code) => byCode.get(code) ?? null;
}

/** Writes the CMMI levels, replacing whatever levels there were (inside a command). */
export async function writeCmmiLevels(db: WritableDB): Promise<void> {
  for (const [index, l] of CMMI_LEVELS.entries()) {
    await insertLevel(
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
    );
  }
}

export interface DefaultsResult {
  dimensions: DimensionId[];
  /** Codes the resolver did not find: those mappings are left out. */
  unresolved: string[];
}

/**
 * Replaces the project's maturity model with the study's defaults (CMMI levels, eight dimensions
 * mapped by category code) in one undoable command. Ratings of existing assessments go with the
 * old model. Call it after the study's categories (with their codes) exist; without a resolver,
 * codes are looked up in the project's categories inside the same command.
 */
export function applyMaturityDefaults(store: Store, resolveCode?: CodeResolver): Promise<DefaultsResult> {
  return store.write({ kind: 'maturity.defaults', label: say('Install the study’s maturity model') }, async (db) => {
    const resolve = resolveCode ?? (await resolveByCategoryCode(db));
    const unresolved: string[] = [];
    await clearModel(db);
    await writeCmmiLevels(db);
    const dimensions: DimensionId[] = [];
    for (const d of STUDY_MATURITY_DEFAULTS) {
      const id = await insertDimension(db, { labelFa: d.labelFa, labelEn: d.labelEn });
      const categories = d.mainCategoryCodes.flatMap((code) => {
        const found = resolve(code);
        if (found === null) unresolved.push(code);
        return found === null ? [] : [found];
      });
      await setDimensionCategories(db, id, categories);
      dimensions.push(id);
    }
    return { dimensions, unresolved };
  });
}
