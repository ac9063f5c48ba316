// The main categories per component, fetched again whenever the project changes (the store's
// revision is bumped after every refresh, also for changes made in another window).

import { useEffect, useState } from 'react';
import type { MainCategoryCounts } from '../../../shared/domain/main-category-counts';
import { api } from '../../api/client';
import { useStore } from '../../state/store';

export function useMainCategoryCounts(): MainCategoryCounts | null {
  const revision = useStore((s) => s.revision);
  const toast = useStore((s) => s.toast);
  const [data, setData] = useState<MainCategoryCounts | null>(null);
  useEffect(() => {
    let live = true;
    api.call('counts.mainCategories', {}).then(
      (counts) => live && setData(counts),
      (error: Error) => toast('error', error.message),
    );
    return () => {
      live = false;
    };
  }, [revision, toast]);
  return data;
}
