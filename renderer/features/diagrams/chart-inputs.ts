// From the project's counts to the translated inputs of the chart layouts: every label through t(),
// so the exported drawing speaks the interface's language.

import type { MainCategoryCounts } from '../../../shared/domain/main-category-counts';
import type { ComponentKey } from '../../../shared/domain/paradigm';
import { COMPONENT_KEYS } from '../../../shared/domain/paradigm';
import type { CascadeInput } from '../../charts/cascade-layout';
import type { ParadigmInput } from '../../charts/paradigm-layout';
import type { PrismaLabels } from '../../charts/prisma-layout';
import { plural, t } from '../../i18n/t';

/** A name inside a sentence keeps its own direction (FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE),
 * so "Paradigm model: مرور بازاریابی B2B" does not reorder the words around it. */
export const isolate = (text: string) => `\u2068${text}\u2069`;

const mainCategories = (n: number) => plural(n, '{n} main category', '{n} main categories');
const concepts = (n: number) => plural(n, '{n} concept', '{n} concepts');
const finalCodes = (n: number) => plural(n, '{n} final code', '{n} final codes');

export function paradigmInput(counts: MainCategoryCounts, projectName: string): ParadigmInput {
  const boxes = {} as ParadigmInput['boxes'];
  for (const c of counts.components) {
    boxes[c.component] = {
      title: t(c.label),
      figures: `${mainCategories(c.mainCategories)} · ${concepts(c.concepts)} · ${finalCodes(c.finalCodes)}`,
      categories: c.categories,
      empty: t('No main category yet'),
    };
  }
  return {
    title: t('Paradigm model: {project}', { project: isolate(projectName) }),
    legend: t('Under each component: its main categories, concepts and final codes. Beside each main category: its concepts · final codes.'),
    boxes,
  };
}

export function cascadeInput(counts: MainCategoryCounts, projectName: string, weight: CascadeInput['weight']): CascadeInput {
  const used = counts.components.filter((c) => c.mainCategories > 0).length;
  return {
    title: t('Count cascade: {project}', { project: isolate(projectName) }),
    legend: t('Final codes are the coded segments; each is coded with a concept, concepts are filed in main categories, main categories are placed in paradigm components. A concept filed under two main categories counts once in the totals.'),
    steps: [
      { value: counts.totals.finalCodes, label: t('final codes') },
      { value: counts.totals.concepts, label: t('concepts') },
      { value: counts.totals.mainCategories, label: t('main categories') },
      { value: used, label: t('of {total} components in use', { total: COMPONENT_KEYS.length }) },
    ],
    flowTitle:
      weight === 'finalCodes'
        ? t('Which main categories hold them, in which component: bands as thick as their final codes (concepts · final codes beside each name)')
        : t('Which main categories hold them, in which component: bands as thick as their concepts (concepts · final codes beside each name)'),
    components: counts.components.map((c) => ({ key: c.component as ComponentKey, label: t(c.label), categories: c.categories, concepts: c.concepts, finalCodes: c.finalCodes })),
    unassigned: counts.unassigned,
    unassignedLabel: t('Main categories not yet placed in any component (not counted above):'),
    weight,
    componentFigures: (c) => `${concepts(c.concepts)} · ${finalCodes(c.finalCodes)}`,
  };
}

export function prismaLabels(): PrismaLabels {
  return {
    title: t('Identification of studies via databases and registers'),
    identification: t('Identification'),
    screening: t('Screening'),
    included: t('Included'),
    identified: t('Records identified from databases and registers'),
    removedBeforeScreening: t('Records removed before screening:'),
    duplicates: t('Duplicate records removed'),
    screened: t('Records screened'),
    excludedAtScreening: t('Records excluded'),
    assessed: t('Reports assessed for eligibility'),
    excludedAtEligibility: t('Reports excluded, with reasons:'),
    studiesIncluded: t('Studies included in the review'),
    awaiting: t('Records awaiting a decision'),
    notReported: t('not reported'),
    count: (n) => t('(n = {n})', { n }),
  };
}
