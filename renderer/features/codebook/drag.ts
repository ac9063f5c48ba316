// Drag and drop in the code system. What is dragged is kept here as well as in the DataTransfer,
// because a drop target may only read the data at the drop, yet must say at dragover whether it
// accepts it. Dropping carries out axial coding (filing, nesting) or selective coding (placing
// a main category in a paradigm component).

import type { CategoryId, ConceptId } from '../../../shared/domain/ids';
import type { ComponentKey } from '../../../shared/domain/paradigm';
import type { Codebook } from '../../../shared/domain/model';
import { useStore } from '../../state/store';

export type Dragged = { type: 'concepts'; ids: ConceptId[]; from: CategoryId | null } | { type: 'category'; id: CategoryId };

export type DropTarget =
  | { type: 'category'; id: CategoryId }
  | { type: 'component'; key: ComponentKey }
  | { type: 'unassigned-categories' }
  | { type: 'unfiled-concepts' };

const MIME = 'application/x-groundwork';
let current: Dragged | null = null;

export function startDrag(event: React.DragEvent, dragged: Dragged): void {
  current = dragged;
  event.dataTransfer.setData(MIME, JSON.stringify(dragged));
  event.dataTransfer.setData('text/plain', dragged.type === 'concepts' ? `${dragged.ids.length} concept(s)` : 'category');
  event.dataTransfer.effectAllowed = 'copyMove';
}

export const endDrag = () => {
  current = null;
};

export function accepts(target: DropTarget, dragged: Dragged | null = current): boolean {
  if (!dragged) return false;
  if (dragged.type === 'concepts') return target.type === 'category' || (target.type === 'unfiled-concepts' && dragged.from !== null);
  if (target.type === 'category') return target.id !== dragged.id;
  return target.type === 'component' || target.type === 'unassigned-categories';
}

function readDragged(event: React.DragEvent): Dragged | null {
  try {
    return (JSON.parse(event.dataTransfer.getData(MIME)) as Dragged) ?? current;
  } catch {
    return current;
  }
}

/** Carries out a drop. Holding Ctrl (or Alt) while dropping concepts files them in addition, instead of moving them. */
export async function drop(event: React.DragEvent, target: DropTarget, codebook: Codebook): Promise<void> {
  const dragged = readDragged(event);
  current = null;
  if (!dragged || !accepts(target, dragged)) return;
  const { run } = useStore.getState();
  if (dragged.type === 'concepts') {
    if (target.type === 'category') {
      const keep = event.ctrlKey || event.altKey || event.metaKey;
      await run('category.fileConcepts', {
        categoryId: target.id,
        conceptIds: dragged.ids,
        ...(dragged.from !== null && !keep ? { fromCategoryId: dragged.from } : {}),
      });
    } else if (target.type === 'unfiled-concepts' && dragged.from !== null) {
      await run('category.unfileConcepts', { categoryId: dragged.from, conceptIds: dragged.ids });
    }
    return;
  }
  const category = codebook.categories.find((c) => c.id === dragged.id);
  if (!category) return;
  if (target.type === 'category') {
    await run('category.move', { id: dragged.id, parentId: target.id });
  } else if (target.type === 'component') {
    // A sub-category dropped on a component becomes a main category first.
    if (category.parentId !== null && !(await run('category.move', { id: category.id, parentId: null }))) return;
    await run('component.assign', { categoryId: category.id, component: target.key });
  } else if (target.type === 'unassigned-categories') {
    if (category.parentId !== null) await run('category.move', { id: category.id, parentId: null });
    else if (category.component !== null) await run('component.assign', { categoryId: category.id, component: null });
  }
}
