// The main categories per component, fetched again whenever the project changes (the store's
// revision is bumped after every refresh, also for changes made in another window).

import { useEffect, useState } from 'react';
import type { MainCategoryCounts } from '../../../shared/domain/main-category-counts';
import { api } from '../../api/client';
import { useStore } from '../../state/store';
import { useLabelLanguage } from '../study/labels';

export function useMainCategoryCounts(): MainCategoryCounts | null {
  const revision = useStore((s) => s.revision);
  const toast = useStore((s) => s.toast);
  const [data, setData] = useState<MainCategoryCounts | null>(null);
  const lang = useLabelLanguage((s) => s.lang);
  useEffect(() => {
    let live = true;
    // Names follow the chosen label language (Persian or English glosses, where there are any).
    const named = <T extends { name: string; labelFa: string | null; labelEn: string | null }>(c: T): T => ({
      ...c,
      name: (lang === 'fa' ? c.labelFa : c.labelEn) ?? c.name,
    });
    api.call('counts.mainCategories', {}).then(
      (counts) =>
        live &&
        setData({
          ...counts,
          components: counts.components.map((row) => ({ ...row, categories: row.categories.map(named) })),
          unassigned: counts.unassigned.map(named),
        }),
      (error: Error) => toast('error', error.message),
    );
    return () => {
      live = false;
    };
  }, [revision, toast, lang]);
  return data;
}
