// The maturity view's data: the model and the assessments, fetched again after the changes that
// touch them, and the label language the view shows (Persian or English labels).

import type { Assessment, AssessmentId, AssessmentSummary, MaturityModel } from '../../../shared/domain/maturity';
import { useProjectQuery } from '../../state/use-project-query';

export type LabelLang = 'en' | 'fa';

/** The label in the chosen language, or the other one when it is empty. */
export const pick = (x: { labelFa: string; labelEn: string }, lang: LabelLang) =>
  (lang === 'fa' ? x.labelFa || x.labelEn : x.labelEn || x.labelFa).trim();

const NO_ASSESSMENTS: AssessmentSummary[] = [];

export function useMaturity(): { model: MaturityModel | null; assessments: AssessmentSummary[] } {
  const model = useProjectQuery('maturity.get', {}, { toastErrors: true }) ?? null;
  const assessments = useProjectQuery('assessment.list', {}, { toastErrors: true }) ?? NO_ASSESSMENTS;
  return { model, assessments };
}

export function useAssessment(id: AssessmentId | null): Assessment | null {
  return useProjectQuery('assessment.get', { id: id ?? 0 }, { enabled: id !== null }) ?? null;
}
