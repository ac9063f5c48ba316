// A coder's copy made "with a baseline": its codebook is put back as the baseline froze it (concepts
// with their labels and codes, categories with names, parents and components, the filings). Run on
// the copy, outside the history. Invariant: merging the copy back never takes the baseline's older
// values for the copy's edits: a field set back here loses its version stamp (it is older than any
// change the project made), and removing an item leaves no tombstone (it is not a deletion).

import type { BaselineSnapshot } from '../shared/domain/change-view';
import { categoryId, conceptId } from '../shared/domain/ids';
import type { WritableDB } from './handles';
import type { StampField, StampKind } from './merge-stamps';
import { deleteCategory, deleteConcept } from './codebook';

export type BaselineCodebook = Pick<BaselineSnapshot, 'concepts' | 'categories' | 'filings'>;

/** What the copy could not hold: items of the baseline deleted since from the project. */
export interface LeftOut {
  concepts: string[];
  categories: string[];
}

interface CategoryRow {
  id: number;
  uid: string;
  name: string;
  parent_id: number | null;
  component: string | null;
  reading_option_id: number | null;
}

const placeOf = (c: { parent_id: number | null; component: string | null }) => `${c.parent_id ?? ''}|${c.component ?? ''}`;

async function filingsOf(db: WritableDB): Promise<Map<number, string>> {
  const rows = await db.all<{ concept_id: number; category_id: number }>('SELECT concept_id, category_id FROM category_concept ORDER BY concept_id, category_id');
  const out = new Map<number, number[]>();
  for (const r of rows) {
    const list = out.get(Number(r.concept_id));
    if (list) list.push(Number(r.category_id));
    else out.set(Number(r.concept_id), [Number(r.category_id)]);
  }
  return new Map([...out].map(([k, v]) => [k, v.join(',')]));
}

/** The field's value is now the baseline's: it knows no change (a merge keeps any value stamped since). */
async function forgetStamp(db: WritableDB, kind: StampKind, uid: string, field: StampField): Promise<void> {
  await db.run('DELETE FROM merge_stamp WHERE kind = ? AND uid = ? AND field = ?', kind, uid, field);
}

/** An item removed from the copy only: no tombstone, and its stamps and aliases go with it. */
async function forgetRemoved(db: WritableDB, kind: 'concept' | 'category', uid: string): Promise<void> {
  await db.run('DELETE FROM merge_stamp WHERE kind = ? AND uid = ?', kind, uid);
  await db.run('DELETE FROM merge_alias WHERE kind = ? AND uid = ?', kind, uid);
}

export async function applyBaselineCodebook(db: WritableDB, book: BaselineCodebook): Promise<LeftOut> {
  const leftOut: LeftOut = { concepts: [], categories: [] };
  const categories = new Map(
    (await db.all<CategoryRow>('SELECT id, uid, name, parent_id, component, reading_option_id FROM category')).map((c) => [Number(c.id), { ...c, id: Number(c.id) }]),
  );
  const concepts = new Map(
    (await db.all<{ id: number; uid: string; label: string }>('SELECT id, uid, label FROM concept')).map((c) => [Number(c.id), { ...c, id: Number(c.id) }]),
  );
  const filingsBefore = await filingsOf(db);
  const inBaseline = new Map(book.categories.map((c) => [Number(c.id), c]));

  // Categories of the baseline: its names and codes, and its places. One whose parent is gone
  // since goes under the nearest ancestor still here, or becomes a main category in the component
  // its top ancestor had.
  for (const c of book.categories) if (!categories.has(Number(c.id))) leftOut.categories.push(c.name);
  for (const c of book.categories) {
    const row = categories.get(Number(c.id));
    if (!row) continue;
    let parent = c.parentId === null ? null : Number(c.parentId);
    let component = c.component;
    while (parent !== null && !categories.has(parent)) {
      const up = inBaseline.get(parent);
      component = up?.component ?? component;
      parent = up?.parentId == null ? null : Number(up.parentId);
    }
    if (parent !== null) component = null;
    await db.run(
      'UPDATE category SET name = ?, code = ?, label_fa = ?, label_en = ?, color = ?, parent_id = ?, component = ? WHERE id = ?',
      c.name,
      c.code ?? null,
      c.labelFa ?? null,
      c.labelEn ?? null,
      c.color,
      parent,
      component,
      row.id,
    );
    if (row.name !== c.name) await forgetStamp(db, 'category', row.uid, 'label');
    if (placeOf(row) !== placeOf({ parent_id: parent, component })) await forgetStamp(db, 'category', row.uid, 'placement');
  }
  // Categories made since (a reading option's categories, shown or not by the study's readings,
  // are the study's and stay). Their sub-categories of the baseline were moved out above.
  for (const row of categories.values()) {
    if (inBaseline.has(row.id) || row.reading_option_id !== null) continue;
    if (!(await db.get('SELECT 1 AS one FROM category WHERE id = ?', row.id))) continue;
    const gone = await db.all<{ uid: string }>(
      `WITH RECURSIVE sub(id) AS (SELECT CAST(? AS INTEGER) UNION SELECT c.id FROM category c JOIN sub ON c.parent_id = sub.id)
       SELECT uid FROM category WHERE id IN (SELECT id FROM sub)`,
      row.id,
    );
    await deleteCategory(db, categoryId(row.id));
    for (const g of gone) await forgetRemoved(db, 'category', g.uid);
  }

  // Concepts: those made since go, the baseline's get its labels and codes back.
  const conceptsInBaseline = new Set(book.concepts.map((c) => Number(c.id)));
  for (const c of book.concepts) {
    const row = concepts.get(Number(c.id));
    if (!row) {
      leftOut.concepts.push(c.label);
      continue;
    }
    await db.run('UPDATE concept SET label = ?, code = ?, label_fa = ?, label_en = ? WHERE id = ?', c.label, c.code ?? null, c.labelFa ?? null, c.labelEn ?? null, row.id);
    if (row.label !== c.label) await forgetStamp(db, 'concept', row.uid, 'label');
  }
  for (const row of concepts.values()) {
    if (conceptsInBaseline.has(row.id)) continue;
    await deleteConcept(db, conceptId(row.id));
    await forgetRemoved(db, 'concept', row.uid);
  }

  // Filings: the baseline's, in the categories it speaks of and every ordinary category (a hidden
  // reading option's filings are not in a baseline and stay).
  await db.run(
    `DELETE FROM category_concept WHERE category_id IN (SELECT id FROM category WHERE reading_option_id IS NULL)
       OR category_id IN (${book.categories.length ? book.categories.map(() => '?').join(', ') : 'NULL'})`,
    ...book.categories.map((c) => Number(c.id)),
  );
  const liveCategories = new Set((await db.all<{ id: number }>('SELECT id FROM category')).map((r) => Number(r.id)));
  for (const f of book.filings) {
    if (!liveCategories.has(Number(f.categoryId)) || !concepts.has(Number(f.conceptId))) continue;
    await db.run('INSERT INTO category_concept (category_id, concept_id) VALUES (?, ?) ON CONFLICT DO NOTHING', Number(f.categoryId), Number(f.conceptId));
  }
  const filingsAfter = await filingsOf(db);
  for (const row of concepts.values()) {
    if (!conceptsInBaseline.has(row.id)) continue;
    if ((filingsBefore.get(row.id) ?? '') !== (filingsAfter.get(row.id) ?? '')) await forgetStamp(db, 'concept', row.uid, 'placement');
  }
  return leftOut;
}
