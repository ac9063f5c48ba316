// A category's place in the tree, from its main category down: "Main › Sub › Sub".

import type { CategoryId } from '../../../shared/domain/ids';
import { useCodebook } from '../../state/project-data';
import { useStore } from '../../state/store';

export function CategoryPath({ id }: { id: CategoryId }) {
  const categories = useCodebook().categories;
  const names: string[] = [];
  let current = categories.find((c) => c.id === id);
  while (current) {
    names.unshift(current.name);
    const parentId = current.parentId;
    current = parentId === null ? undefined : categories.find((c) => c.id === parentId);
  }
  return <bdi>{names.join(' › ')}</bdi>;
}
