// The main categories per component, fetched again whenever the project changes, their names in
// the chosen label language (Persian or English glosses, where there are any).

import { useMemo } from 'react';
import type { MainCategoryCounts } from '../../../shared/domain/main-category-counts';
import { useProjectCall } from '../../state/use-project-call';
import { useLabelLanguage } from '../study/labels';

export function useMainCategoryCounts(): MainCategoryCounts | null {
  const counts = useProjectCall('counts.mainCategories', { toastErrors: true });
  const lang = useLabelLanguage((s) => s.lang);
  return useMemo(() => {
    if (!counts) return null;
    const named = <T extends { name: string; labelFa: string | null; labelEn: string | null }>(c: T): T => ({
      ...c,
      name: (lang === 'fa' ? c.labelFa : c.labelEn) ?? c.name,
    });
    return {
      ...counts,
      components: counts.components.map((row) => ({ ...row, categories: row.categories.map(named) })),
      unassigned: counts.unassigned.map(named),
    };
  }, [counts, lang]);
}
