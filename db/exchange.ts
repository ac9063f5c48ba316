// What REFI-QDA exchange reads from a project: its items with their GUIDs, to match an incoming
// file against (sources by SHA-256, categories and concepts by GUID or by name in their place) and
// to build an export from. Categories of a reading option that is not active are left out, as
// every list leaves them out.

import type { CategoryId, ConceptId, DocumentId } from '../shared/domain/ids';
import { categoryId, conceptId, documentId } from '../shared/domain/ids';
import type { ComponentKey } from '../shared/domain/paradigm';
import { visibleCategory } from './filing-tree';
import type { Glosses } from '../shared/domain/exchange-glosses';
import type { ReadableDB, WritableDB } from './handles';

export interface InventorySource {
  id: DocumentId;
  uid: string;
  sha256: string;
  name: string;
}

export interface InventoryCategory {
  id: CategoryId;
  uid: string;
  name: string;
  parentId: CategoryId | null;
}

export interface InventoryConcept {
  id: ConceptId;
  uid: string;
  label: string;
  categoryIds: CategoryId[];
}

export interface Inventory {
  sources: InventorySource[];
  categories: InventoryCategory[];
  concepts: InventoryConcept[];
  /** Every passage's GUID: a GUID from a file that one of these already has is not reused. */
  segmentUids: Set<string>;
}

export async function exchangeInventory(db: ReadableDB): Promise<Inventory> {
  const sources = (await db.all<{ id: number; uid: string; sha256: string; name: string }>('SELECT id, uid, sha256, name FROM document ORDER BY id')).map((r) => ({
    id: documentId(Number(r.id)),
    uid: r.uid,
    sha256: r.sha256,
    name: r.name,
  }));
  const categories = (
    await db.all<{ id: number; uid: string; name: string; parent_id: number | null }>(
      `SELECT id, uid, name, parent_id FROM category c WHERE ${visibleCategory('c')} ORDER BY id`,
    )
  ).map((r) => ({ id: categoryId(Number(r.id)), uid: r.uid, name: r.name, parentId: r.parent_id === null ? null : categoryId(Number(r.parent_id)) }));
  const filed = new Map<number, CategoryId[]>();
  for (const f of await db.all<{ category_id: number; concept_id: number }>('SELECT category_id, concept_id FROM category_concept ORDER BY category_id')) {
    filed.set(Number(f.concept_id), [...(filed.get(Number(f.concept_id)) ?? []), categoryId(Number(f.category_id))]);
  }
  const concepts = (await db.all<{ id: number; uid: string; label: string }>('SELECT id, uid, label FROM concept ORDER BY id')).map((r) => ({
    id: conceptId(Number(r.id)),
    uid: r.uid,
    label: r.label,
    categoryIds: filed.get(Number(r.id)) ?? [],
  }));
  const segmentUids = new Set((await db.all<{ uid: string }>('SELECT uid FROM segment')).map((r) => r.uid.toLowerCase()));
  return { sources, categories, concepts, segmentUids };
}

interface GlossRow {
  code: string | null;
  label_fa: string | null;
  label_en: string | null;
}

const glossesOf = (r: GlossRow): Glosses => ({ code: r.code, labelFa: r.label_fa, labelEn: r.label_en });

/** Sets a category's or concept's item code and Persian/English labels (from an exchange file). */
export async function setGlosses(db: WritableDB, table: 'category' | 'concept', id: CategoryId | ConceptId, g: Glosses): Promise<void> {
  const sql = table === 'category' ? 'UPDATE category SET code = ?, label_fa = ?, label_en = ? WHERE id = ?' : 'UPDATE concept SET code = ?, label_fa = ?, label_en = ? WHERE id = ?';
  await db.run(sql, g.code, g.labelFa, g.labelEn, id);
}

/** Every category's GUID, those of reading options not active included. */
export async function allCategoryUids(db: ReadableDB): Promise<string[]> {
  return (await db.all<{ uid: string }>('SELECT uid FROM category')).map((r) => r.uid);
}

export interface ExportRows {
  documents: { id: DocumentId; uid: string; name: string; sha256: string; memo: string; importedAt: string }[];
  categories: { id: CategoryId; uid: string; name: string; color: string; parentId: CategoryId | null; component: ComponentKey | null; memo: string; glosses: Glosses }[];
  concepts: { id: ConceptId; uid: string; label: string; color: string; memo: string; glosses: Glosses }[];
  /** A concept's filings, its first (lowest category id) first: the tree places it there. */
  filings: { categoryId: CategoryId; conceptId: ConceptId }[];
  segments: {
    uid: string;
    documentId: DocumentId;
    conceptId: ConceptId;
    start: number;
    end: number;
    memo: string;
    createdAt: string;
    coderUid: string | null;
  }[];
}

/** The project's items with their GUIDs, in a stable order, for an export. */
export async function exportRows(db: ReadableDB): Promise<ExportRows> {
  const documents = (
    await db.all<{ id: number; uid: string; name: string; sha256: string; memo: string; imported_at: string }>(
      'SELECT id, uid, name, sha256, memo, imported_at FROM document ORDER BY id',
    )
  ).map((r) => ({ id: documentId(Number(r.id)), uid: r.uid, name: r.name, sha256: r.sha256, memo: r.memo, importedAt: r.imported_at }));
  const categories = (
    await db.all<{ id: number; uid: string; name: string; color: string; parent_id: number | null; component: ComponentKey | null; memo: string } & GlossRow>(
      `SELECT id, uid, name, color, parent_id, component, memo, code, label_fa, label_en FROM category c WHERE ${visibleCategory('c')} ORDER BY id`,
    )
  ).map((r) => ({
    id: categoryId(Number(r.id)),
    uid: r.uid,
    name: r.name,
    color: r.color,
    parentId: r.parent_id === null ? null : categoryId(Number(r.parent_id)),
    component: r.component,
    memo: r.memo,
    glosses: glossesOf(r),
  }));
  const concepts = (
    await db.all<{ id: number; uid: string; label: string; color: string; memo: string } & GlossRow>(
      'SELECT id, uid, label, color, memo, code, label_fa, label_en FROM concept ORDER BY id',
    )
  ).map((r) => ({ id: conceptId(Number(r.id)), uid: r.uid, label: r.label, color: r.color, memo: r.memo, glosses: glossesOf(r) }));
  const visible = new Set(categories.map((c) => Number(c.id)));
  const filings = (await db.all<{ category_id: number; concept_id: number }>('SELECT category_id, concept_id FROM category_concept ORDER BY concept_id, category_id'))
    .filter((r) => visible.has(Number(r.category_id)))
    .map((r) => ({ categoryId: categoryId(Number(r.category_id)), conceptId: conceptId(Number(r.concept_id)) }));
  const segments = (
    await db.all<{ uid: string; document_id: number; concept_id: number; start_offset: number; end_offset: number; memo: string; created_at: string; coder_uid: string | null }>(
      `SELECT s.uid, s.document_id, s.concept_id, s.start_offset, s.end_offset, s.memo, s.created_at, k.uid AS coder_uid
       FROM segment s LEFT JOIN coder k ON k.id = s.coder_id ORDER BY s.document_id, s.start_offset, s.end_offset, s.id`,
    )
  ).map((r) => ({
    uid: r.uid,
    documentId: documentId(Number(r.document_id)),
    conceptId: conceptId(Number(r.concept_id)),
    start: Number(r.start_offset),
    end: Number(r.end_offset),
    memo: r.memo,
    createdAt: r.created_at,
    coderUid: r.coder_uid,
  }));
  return { documents, categories, concepts, filings, segments };
}
