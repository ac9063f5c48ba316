// Handlers for the data the diagrams draw.

import { mainCategoryCounts } from '../../../db/main-category-counts';
import { requireProject } from '../backend';
import type { HandlerGroup } from './types';

export const diagramHandlers = {
  'counts.mainCategories': (_input, backend) => mainCategoryCounts(requireProject(backend).read),
} satisfies HandlerGroup<'counts.mainCategories'>;
