// Handlers for the data the diagrams draw.

import { mainCategoryCounts } from '../../../db/main-category-counts';
import { requireStore } from '../backend';
import type { HandlerGroup } from './types';

export const diagramHandlers = {
  'counts.mainCategories': (_input, backend) => requireStore(backend).read(mainCategoryCounts),
} satisfies HandlerGroup<'counts.mainCategories'>;
