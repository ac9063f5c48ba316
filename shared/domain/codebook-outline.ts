// The code system as one tree, for scripts (`groundwork codebook`): the six paradigm components with
// their main categories, sub-categories and the concepts filed in each (a concept filed in two
// places appears in both), then the main categories in no component, then the concepts filed
// nowhere. Every node carries its label, glosses, item code, colour and memo.

import type { Codebook } from './model';
import type { ComponentKey } from './paradigm';

export interface OutlineNode {
  kind: 'component' | 'category' | 'concept';
  /** The category's or concept's id; a component's key. */
  id: number | ComponentKey;
  label: string;
  labelFa: string | null;
  labelEn: string | null;
  code: string | null;
  color: string | null;
  memo: string;
  /** Coded passages (concepts only). */
  segments?: number;
  children: OutlineNode[];
}

export function codebookOutline(codebook: Codebook): OutlineNode[] {
  const concepts = new Map(codebook.concepts.map((c) => [Number(c.id), c]));
  const filedIn = new Map<number, number[]>();
  for (const f of codebook.filings) filedIn.set(Number(f.categoryId), [...(filedIn.get(Number(f.categoryId)) ?? []), Number(f.conceptId)]);
  const children = new Map<number | null, typeof codebook.categories>();
  for (const c of codebook.categories) children.set(c.parentId === null ? null : Number(c.parentId), [...(children.get(c.parentId === null ? null : Number(c.parentId)) ?? []), c]);

  const conceptNode = (id: number): OutlineNode => {
    const c = concepts.get(id)!;
    return { kind: 'concept', id, label: c.label, labelFa: c.labelFa, labelEn: c.labelEn, code: c.code, color: c.color, memo: c.memo, segments: c.segmentCount, children: [] };
  };
  const categoryNode = (c: Codebook['categories'][number], seen: Set<number>): OutlineNode => ({
    kind: 'category',
    id: Number(c.id),
    label: c.name,
    labelFa: c.labelFa,
    labelEn: c.labelEn,
    code: c.code,
    color: c.color,
    memo: c.memo,
    children: [
      // A damaged tree (a category inside itself) stops instead of looping.
      ...(children.get(Number(c.id)) ?? []).filter((k) => !seen.has(Number(k.id))).map((k) => categoryNode(k, new Set([...seen, Number(k.id)]))),
      ...(filedIn.get(Number(c.id)) ?? []).filter((id) => concepts.has(id)).map(conceptNode),
    ],
  });
  const mains = children.get(null) ?? [];
  const filed = new Set(codebook.filings.map((f) => Number(f.conceptId)));
  return [
    ...codebook.components.map(
      (k): OutlineNode => ({
        kind: 'component',
        id: k.key,
        label: k.label,
        labelFa: k.labelFa,
        labelEn: k.labelEn,
        code: null,
        color: null,
        memo: k.memo,
        children: mains.filter((m) => m.component === k.key).map((m) => categoryNode(m, new Set([Number(m.id)]))),
      }),
    ),
    ...mains.filter((m) => m.component === null).map((m) => categoryNode(m, new Set([Number(m.id)]))),
    ...codebook.concepts.filter((c) => !filed.has(Number(c.id))).map((c) => conceptNode(Number(c.id))),
  ];
}

/** The tree as rows, depth first: each node with its depth and the labels of the path down to it. */
export function outlineRows(nodes: readonly OutlineNode[]): { node: OutlineNode; depth: number; path: string[] }[] {
  const rows: { node: OutlineNode; depth: number; path: string[] }[] = [];
  const walk = (list: readonly OutlineNode[], path: string[]) => {
    for (const node of list) {
      rows.push({ node, depth: path.length, path: [...path, node.label] });
      walk(node.children, [...path, node.label]);
    }
  };
  walk(nodes, []);
  return rows;
}
