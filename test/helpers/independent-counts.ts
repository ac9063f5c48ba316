// Table 8 computed a second way, for checking the app: the raw rows of a project file read with
// its own connection, and the counting rule applied in plain JavaScript (no SQL of the app's).

import Database from 'better-sqlite3';

export type Counts = Record<string, [number, number, number]>;

const COMPONENTS = ['causal', 'context', 'intervening', 'phenomenon', 'strategies', 'consequences'];

export function countFromFile(file: string): Counts {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const categories = db.prepare('SELECT id, parent_id, component FROM category').all() as {
      id: number;
      parent_id: number | null;
      component: string | null;
    }[];
    const filings = db.prepare('SELECT category_id, concept_id FROM category_concept').all() as { category_id: number; concept_id: number }[];
    const segments = db.prepare('SELECT concept_id FROM segment').all() as { concept_id: number }[];
    const concepts = db.prepare('SELECT id FROM concept').all() as { id: number }[];

    const below = (id: number): number[] => [id, ...categories.filter((c) => c.parent_id === id).flatMap((c) => below(c.id))];
    const conceptsUnder = (mainIds: number[]) => {
      const cats = new Set(mainIds.flatMap(below));
      return new Set(filings.filter((f) => cats.has(f.category_id)).map((f) => f.concept_id));
    };
    const codes = (set: Set<number>) => segments.filter((s) => set.has(s.concept_id)).length;

    const out: Counts = {};
    const all = new Set<number>();
    let mainsAssigned = 0;
    for (const key of COMPONENTS) {
      const mains = categories.filter((c) => c.parent_id === null && c.component === key).map((c) => c.id);
      mainsAssigned += mains.length;
      const set = conceptsUnder(mains);
      set.forEach((c) => all.add(c));
      out[key] = [mains.length, set.size, codes(set)];
    }
    out.total = [mainsAssigned, all.size, codes(all)];
    const unassignedMains = categories.filter((c) => c.parent_id === null && c.component === null).length;
    out.unassigned = [unassignedMains, concepts.filter((c) => !all.has(c.id)).length, segments.length - codes(all)];
    return out;
  } finally {
    db.close();
  }
}
