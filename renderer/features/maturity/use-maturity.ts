// The maturity view's data: the model and the assessments, fetched again after every change
// (the store's revision), and the label language the view shows (Persian or English labels).

import { useEffect, useState } from 'react';
import type { Assessment, AssessmentId, AssessmentSummary, MaturityModel } from '../../../shared/domain/maturity';
import { api } from '../../api/client';
import { useStore } from '../../state/store';

export type LabelLang = 'en' | 'fa';

/** The label in the chosen language, or the other one when it is empty. */
export const pick = (x: { labelFa: string; labelEn: string }, lang: LabelLang) =>
  (lang === 'fa' ? x.labelFa || x.labelEn : x.labelEn || x.labelFa).trim();

export function useMaturity() {
  const revision = useStore((s) => s.revision);
  const toast = useStore((s) => s.toast);
  const [model, setModel] = useState<MaturityModel | null>(null);
  const [assessments, setAssessments] = useState<AssessmentSummary[]>([]);
  useEffect(() => {
    let live = true;
    Promise.all([api.call('maturity.get', {}), api.call('assessment.list', {})])
      .then(([m, a]) => {
        if (!live) return;
        setModel(m);
        setAssessments(a);
      })
      .catch((error: Error) => toast('error', error.message));
    return () => {
      live = false;
    };
  }, [revision, toast]);
  return { model, assessments };
}

export function useAssessment(id: AssessmentId | null): Assessment | null {
  const revision = useStore((s) => s.revision);
  const [assessment, setAssessment] = useState<Assessment | null>(null);
  useEffect(() => {
    let live = true;
    if (id === null) {
      setAssessment(null);
      return;
    }
    api
      .call('assessment.get', { id })
      .then((a) => live && setAssessment(a))
      .catch(() => live && setAssessment(null));
    return () => {
      live = false;
    };
  }, [id, revision]);
  return assessment;
}
