// The maturity model of a project (ordered levels × dimensions mapped to main categories, whose
// concepts are the assessment items) and the rule that turns an assessment's ratings into levels.
// The rule is a pure function, so the screen, the exports and the tests all use the same one.

import type { CategoryId, ConceptId } from './ids';

declare const brand: unique symbol;
export type LevelId = number & { readonly [brand]: 'LevelId' };
export type DimensionId = number & { readonly [brand]: 'DimensionId' };
export type AssessmentId = number & { readonly [brand]: 'AssessmentId' };
export const levelId = (n: number) => n as LevelId;
export const dimensionId = (n: number) => n as DimensionId;
export const assessmentId = (n: number) => n as AssessmentId;

export const MIN_LEVELS = 3;
export const MAX_LEVELS = 6;

export interface MaturityLevel {
  id: LevelId;
  /** 1 for the lowest level; the value a rating on this level counts as. */
  value: number;
  labelFa: string;
  labelEn: string;
  descriptionFa: string;
  descriptionEn: string;
  characteristicsFa: string[];
  characteristicsEn: string[];
}

export interface MaturityCounts {
  mainCategories: number;
  concepts: number;
  finalCodes: number;
}

export interface DimensionCategory {
  id: CategoryId;
  name: string;
  /** The category's code where the project has codes (the study's D1.C01), else null. */
  code: string | null;
  /** false when the category has since become a sub-category: it still brings its concepts. */
  isMain: boolean;
}

export interface DimensionItem {
  conceptId: ConceptId;
  label: string;
  code: string | null;
  finalCodes: number;
}

export interface MaturityDimension {
  id: DimensionId;
  position: number;
  labelFa: string;
  labelEn: string;
  categories: DimensionCategory[];
  items: DimensionItem[];
  counts: MaturityCounts;
}

export interface MaturityModel {
  levels: MaturityLevel[];
  dimensions: MaturityDimension[];
}

/** A rating: the level value given, 'na' for not applicable; unrated items have no rating. */
export type RatingValue = number | 'na';

export interface AssessmentSummary {
  id: AssessmentId;
  name: string;
  organisation: string;
  /** The day the organisation was assessed, YYYY-MM-DD. */
  assessedOn: string;
  createdAt: string;
}

export interface Rating {
  dimensionId: DimensionId;
  conceptId: ConceptId;
  value: RatingValue;
}

export interface Assessment extends AssessmentSummary {
  ratings: Rating[];
}

// ---------------------------------------------------------------------------------------------
// The rule.

export const RULE_TEXT_EN =
  'Each item is rated on a level (1 = lowest), or marked not applicable, or left unrated. ' +
  'A dimension’s score is the mean of its rated items; not-applicable and unrated items are left out. ' +
  'Its level is the highest level the score reaches (the score rounded down). ' +
  'A dimension with no applicable items, or with fewer than half of its applicable items rated, is “not determined”. ' +
  'The overall level is the lowest dimension level: an organisation reaches a level only when every dimension does (CMMI staged). ' +
  'The overall score is the mean of the dimension scores. If any dimension is not determined, the overall level is not determined.';

export const RULE_TEXT_FA =
  'هر گویه روی یکی از سطوح (۱ = پایین‌ترین) ارزیابی می‌شود، یا «نامرتبط» علامت می‌خورد، یا بی‌پاسخ می‌ماند. ' +
  'امتیاز هر بُعد میانگین گویه‌های ارزیابی‌شده آن است؛ گویه‌های نامرتبط و بی‌پاسخ کنار گذاشته می‌شوند. ' +
  'سطح بُعد بالاترین سطحی است که امتیاز به آن می‌رسد (امتیاز رو به پایین گرد می‌شود). ' +
  'بُعدی که گویهٔ مرتبط ندارد، یا کمتر از نیمی از گویه‌های مرتبطش ارزیابی شده، «نامعین» است. ' +
  'سطح کلی، پایین‌ترین سطح ابعاد است: سازمان تنها وقتی به سطحی می‌رسد که همهٔ ابعادش به آن رسیده باشند (CMMI مرحله‌ای). ' +
  'امتیاز کلی میانگین امتیاز ابعاد است. اگر بُعدی نامعین باشد، سطح کلی نامعین است.';

export type NotDeterminedReason = 'no-items' | 'too-few-rated';

export interface DimensionResult {
  /** Items in the dimension. */
  items: number;
  /** Items not marked not applicable. */
  applicable: number;
  rated: number;
  notApplicable: number;
  /** Mean of the rated items, or null when none is rated. */
  score: number | null;
  /** The level reached, or null when not determined. */
  level: number | null;
  notDetermined: NotDeterminedReason | null;
}

export interface OverallResult {
  level: number | null;
  /** Mean of the scores of the dimensions that have one. */
  score: number | null;
  /** Dimensions that are not determined. */
  notDetermined: number;
}

export interface RuleInput {
  levelCount: number;
  /** Per dimension, the rating of each of its items (undefined = unrated). */
  dimensions: (RatingValue | undefined)[][];
}

export interface RuleResult {
  dimensions: DimensionResult[];
  overall: OverallResult;
}

const EPSILON = 1e-9;

export function dimensionResult(ratings: (RatingValue | undefined)[], levelCount: number): DimensionResult {
  const items = ratings.length;
  const values = ratings.filter((r): r is number => typeof r === 'number' && r >= 1 && r <= levelCount);
  const notApplicable = ratings.filter((r) => r === 'na').length;
  const applicable = items - notApplicable;
  const rated = values.length;
  const score = rated > 0 ? values.reduce((a, b) => a + b, 0) / rated : null;
  let notDetermined: NotDeterminedReason | null = null;
  if (applicable === 0) notDetermined = 'no-items';
  else if (rated * 2 < applicable) notDetermined = 'too-few-rated';
  const level = notDetermined || score === null ? null : Math.min(levelCount, Math.floor(score + EPSILON));
  return { items, applicable, rated, notApplicable, score, level, notDetermined };
}

/** The assessment rule (stated in RULE_TEXT_EN / RULE_TEXT_FA). */
export function assessModel(input: RuleInput): RuleResult {
  const dimensions = input.dimensions.map((d) => dimensionResult(d, input.levelCount));
  const scores = dimensions.map((d) => d.score).filter((s): s is number => s !== null);
  const notDetermined = dimensions.filter((d) => d.level === null).length;
  const level =
    dimensions.length === 0 || notDetermined > 0 ? null : Math.min(...dimensions.map((d) => d.level as number));
  const score = scores.length > 0 ? scores.reduce((a, b) => a + b, 0) / scores.length : null;
  return { dimensions, overall: { level, score, notDetermined } };
}

/** The rule applied to a model and one assessment's ratings. */
export function assess(model: MaturityModel, ratings: readonly Rating[]): RuleResult {
  const byKey = new Map(ratings.map((r) => [`${r.dimensionId}:${r.conceptId}`, r.value]));
  return assessModel({
    levelCount: model.levels.length,
    dimensions: model.dimensions.map((d) => d.items.map((i) => byKey.get(`${d.id}:${i.conceptId}`))),
  });
}

/** "2.67": scores are shown with two decimals. */
export const formatScore = (score: number | null) => (score === null ? '–' : score.toFixed(2));
