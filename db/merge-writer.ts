// Writing a merge: shared/domain/merge's applyMergePlan says what our project becomes (as a
// snapshot); this module makes the database say the same, inside the one command the caller runs
// (one undo step, all or nothing): new coders and sources, the codebook's new items, fields and
// places, passages in and out, and every stamp, alias and tombstone the merged snapshot carries.
// It writes its stamps itself (db/merge-stamps.ts leaves a merge alone), so undoing it restores
// them exactly.

import { fail } from '../shared/api/errors';
import type { CategoryId, CoderId, ConceptId, DocumentId } from '../shared/domain/ids';
import { categoryId, coderId, conceptId, documentId } from '../shared/domain/ids';
import type { Stamp } from '../shared/domain/merge/stamps';
import { compareStamps } from '../shared/domain/merge/stamps';
import type { MergeCategory, MergeConcept, ProjectSnapshot, Tombstone } from '../shared/domain/merge/types';
import { contextAround } from '../shared/domain/range';
import { paletteColor } from '../shared/domain/colors';
import { deleteConcept } from './codebook';
import { insertDirections, insertPages } from './document-layout';
import { insertDocument, textBySha } from './documents';
import type { WritableDB } from './handles';
import { now } from './handles';
import type { MergeExtras } from './merge-snapshot';
import type { StampField, StampKind, TombKind } from './merge-stamps';
import { addAlias, advanceClock, forgetItem, stampText, writeStamp, writeTombstone } from './merge-stamps';
import { findSegment } from './segments';

export interface MergeWriteReport {
  coders: number;
  sources: number;
  categories: number;
  concepts: number;
  passages: number;
  /** Fields of our items that took a new value (names, places, filings, memos). */
  changedFields: number;
  deleted: { categories: number; concepts: number; passages: number };
}

const sameStamp = (a: Stamp, b: Stamp) => compareStamps(a, b) === 'equal' && Object.keys(a).length === Object.keys(b).length;

/** Writes `result` (applyMergePlan's answer for `ours`) into the project `ours` was read from. */
export async function writeMerge(db: WritableDB, ours: ProjectSnapshot, result: ProjectSnapshot, extras: MergeExtras): Promise<MergeWriteReport> {
  const report: MergeWriteReport = { coders: 0, sources: 0, categories: 0, concepts: 0, passages: 0, changedFields: 0, deleted: { categories: 0, concepts: 0, passages: 0 } };

  // Coders, by uid.
  const coderIds = new Map<string, CoderId>();
  for (const r of await db.all<{ id: number; uid: string }>('SELECT id, uid FROM coder')) coderIds.set(r.uid, coderId(Number(r.id)));
  for (const c of result.coders) {
    if (coderIds.has(c.uid)) continue;
    const row = await db.get<{ id: number }>(
      'INSERT INTO coder (uid, name, color, created_at, kind) VALUES (?, ?, ?, ?, ?) RETURNING id',
      c.uid,
      c.name,
      c.color,
      now(),
      extras.coderKinds.get(c.uid) ?? 'person',
    );
    coderIds.set(c.uid, coderId(Number(row!.id)));
    report.coders += 1;
  }

  // Sources, by SHA-256.
  const oursSources = new Map(ours.sources.map((s) => [s.sha256, s]));
  const sourceIds = new Map<string, DocumentId>(ours.sources.map((s) => [s.sha256, documentId(s.id)]));
  const sourceUid = new Map<string, string>();
  for (const r of await db.all<{ sha256: string; uid: string }>('SELECT sha256, uid FROM document')) sourceUid.set(r.sha256, r.uid);
  const resultSourceSha = new Map(result.sources.map((s) => [s.id, s.sha256]));
  for (const s of result.sources) {
    const mine = oursSources.get(s.sha256);
    if (!mine) {
      const copy = extras.sources.get(s.sha256);
      if (!copy) fail('bad-file', 'The other project names a source ({name}) whose text it does not hold; nothing was merged.', { name: s.name });
      const id = await insertDocument(db, { name: copy.name, format: copy.format, originalName: copy.originalName, sha256: s.sha256, dir: copy.dir, text: copy.text, uid: copy.uid });
      await insertPages(db, id, copy.pages);
      await insertDirections(db, id, copy.directions);
      sourceIds.set(s.sha256, id);
      sourceUid.set(s.sha256, copy.uid);
      if (s.memo.value) await db.run('UPDATE document SET memo = ? WHERE id = ?', s.memo.value, id);
      report.sources += 1;
    } else if (mine.memo.value !== s.memo.value) {
      await db.run('UPDATE document SET memo = ? WHERE id = ?', s.memo.value, mine.id);
      report.changedFields += 1;
    }
    await stamps(db, 'source', sourceUid.get(s.sha256)!, { memo: s.memo.stamp }, mine ? { memo: mine.memo.stamp } : {});
  }

  // Categories: new ones first without a place, then every place, then what went.
  const oursCategories = new Map(ours.categories.map((c) => [c.id, c]));
  const categoryIds = new Map<number, CategoryId>();
  for (const c of result.categories) {
    if (oursCategories.has(c.id)) {
      categoryIds.set(c.id, categoryId(c.id));
      continue;
    }
    const look = extras.categories.get(c.uid);
    const row = await db.get<{ id: number }>(
      'INSERT INTO category (name, color, parent_id, component, created_at, memo, uid, code, label_fa, label_en) VALUES (?, ?, NULL, NULL, ?, ?, ?, ?, ?, ?) RETURNING id',
      c.label.value,
      look?.color ?? paletteColor(c.id),
      now(),
      c.memo.value,
      c.uid,
      look?.code ?? null,
      look?.labelFa ?? null,
      look?.labelEn ?? null,
    );
    categoryIds.set(c.id, categoryId(Number(row!.id)));
    report.categories += 1;
  }
  for (const c of result.categories) {
    const id = categoryIds.get(c.id)!;
    const mine = oursCategories.get(c.id);
    const parent = c.placement.value.parentId === null ? null : (categoryIds.get(c.placement.value.parentId) ?? null);
    const component = parent === null ? c.placement.value.component : null;
    if (!mine || mine.placement.value.parentId !== parent || mine.placement.value.component !== component) {
      await db.run('UPDATE category SET parent_id = ?, component = ? WHERE id = ?', parent, component, id);
      if (mine) report.changedFields += 1;
    }
    if (mine && mine.label.value !== c.label.value) {
      await db.run('UPDATE category SET name = ? WHERE id = ?', c.label.value, id);
      report.changedFields += 1;
    }
    if (mine && mine.memo.value !== c.memo.value) {
      await db.run('UPDATE category SET memo = ? WHERE id = ?', c.memo.value, id);
      report.changedFields += 1;
    }
    await stamps(db, 'category', c.uid, fieldStamps(c), mine ? fieldStamps(mine) : {});
    await aliases(db, 'category', c.uid, c.aliases ?? [], mine?.aliases ?? []);
  }

  // Concepts, then their filings.
  const oursConcepts = new Map(ours.concepts.map((c) => [c.id, c]));
  const conceptIds = new Map<number, ConceptId>();
  for (const c of result.concepts) {
    if (oursConcepts.has(c.id)) {
      conceptIds.set(c.id, conceptId(c.id));
      continue;
    }
    const look = extras.concepts.get(c.uid);
    const row = await db.get<{ id: number }>(
      'INSERT INTO concept (label, color, in_vivo, created_at, memo, uid, code, label_fa, label_en) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id',
      c.label.value,
      look?.color ?? paletteColor(c.id),
      look?.inVivo ? 1 : 0,
      now(),
      c.memo.value,
      c.uid,
      look?.code ?? null,
      look?.labelFa ?? null,
      look?.labelEn ?? null,
    );
    conceptIds.set(c.id, conceptId(Number(row!.id)));
    report.concepts += 1;
  }
  for (const c of result.concepts) {
    const id = conceptIds.get(c.id)!;
    const mine = oursConcepts.get(c.id);
    const want = new Set(c.placement.value.map((x) => categoryIds.get(x)).filter((x): x is CategoryId => x !== undefined));
    const have = new Set<number>(mine ? mine.placement.value : []);
    let refiled = false;
    for (const x of want)
      if (!have.has(x)) {
        await db.run('INSERT INTO category_concept (category_id, concept_id) VALUES (?, ?) ON CONFLICT DO NOTHING', x, id);
        refiled = true;
      }
    for (const x of have)
      if (!want.has(categoryId(x))) {
        await db.run('DELETE FROM category_concept WHERE category_id = ? AND concept_id = ?', x, id);
        refiled = true;
      }
    if (mine && refiled) report.changedFields += 1;
    if (mine && mine.label.value !== c.label.value) {
      await db.run('UPDATE concept SET label = ? WHERE id = ?', c.label.value, id);
      report.changedFields += 1;
    }
    if (mine && mine.memo.value !== c.memo.value) {
      await db.run('UPDATE concept SET memo = ? WHERE id = ?', c.memo.value, id);
      report.changedFields += 1;
    }
    await stamps(db, 'concept', c.uid, fieldStamps(c), mine ? fieldStamps(mine) : {});
    await aliases(db, 'concept', c.uid, c.aliases ?? [], mine?.aliases ?? []);
  }

  // Passages: what went, then what came (a passage of ours may make room for one of theirs).
  const oursPassages = new Map(ours.passages.map((p) => [p.id, p]));
  const kept = new Set(result.passages.map((p) => p.id));
  for (const p of ours.passages) {
    if (kept.has(p.id)) continue;
    await db.run('DELETE FROM adjudication WHERE passage_uid = ?', p.uid);
    await db.run('DELETE FROM segment WHERE id = ?', p.id);
    await forgetItem(db, 'passage', p.uid);
    report.deleted.passages += 1;
  }
  for (const p of result.passages) {
    const mine = oursPassages.get(p.id);
    if (!mine) {
      const sha = resultSourceSha.get(p.sourceId)!;
      const doc = sourceIds.get(sha)!;
      const concept = conceptIds.get(p.conceptId)!;
      const coder = p.coder ? (coderIds.get(p.coder) ?? null) : null;
      const twin = await findSegment(db, { documentId: doc, conceptId: concept, start: p.start, end: p.end, coderId: coder });
      if (twin) {
        // the same passage by the same coder already here: it is the same item
        const twinUid = (await db.get<{ uid: string }>('SELECT uid FROM segment WHERE id = ?', twin.id))!.uid;
        for (const alias of [p.uid, ...(p.aliases ?? [])]) if (alias !== twinUid) await addAlias(db, 'passage', twinUid, alias);
        continue;
      }
      const text = (await textBySha(db, sha))!;
      const context = contextAround(text, p);
      await db.run(
        `INSERT INTO segment (uid, document_id, concept_id, coder_id, start_offset, end_offset, text, context_before, context_after, created_at, memo)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        p.uid,
        doc,
        concept,
        coder,
        p.start,
        p.end,
        text.slice(p.start, p.end),
        context.before,
        context.after,
        now(),
        p.memo.value,
      );
      report.passages += 1;
    } else if (mine.memo.value !== p.memo.value) {
      await db.run('UPDATE segment SET memo = ? WHERE id = ?', p.memo.value, p.id);
      report.changedFields += 1;
    }
    await stamps(db, 'passage', p.uid, { memo: p.memo.stamp }, mine ? { memo: mine.memo.stamp } : {});
    await aliases(db, 'passage', p.uid, p.aliases ?? [], mine?.aliases ?? []);
  }

  // Concepts and categories this merge deleted (their passages and filings went above).
  const keptConcepts = new Set(result.concepts.map((c) => c.id));
  for (const c of ours.concepts) {
    if (keptConcepts.has(c.id)) continue;
    await deleteConcept(db, conceptId(c.id));
    await forgetItem(db, 'concept', c.uid);
    report.deleted.concepts += 1;
  }
  const keptCategories = new Set(result.categories.map((c) => c.id));
  const depth = (c: MergeCategory): number => {
    let d = 0;
    for (let p = c.placement.value.parentId; p !== null && d < 10_000; p = oursCategories.get(p)?.placement.value.parentId ?? null) d += 1;
    return d;
  };
  for (const c of ours.categories.filter((x) => !keptCategories.has(x.id)).sort((a, b) => depth(b) - depth(a))) {
    await db.run('DELETE FROM category_concept WHERE category_id = ?', c.id);
    await db.run('DELETE FROM reading_placement WHERE category_id = ? OR parent_id = ?', c.id, c.id);
    await db.run('UPDATE category SET parent_id = NULL WHERE parent_id = ?', c.id);
    await db.run('DELETE FROM category WHERE id = ?', c.id);
    await forgetItem(db, 'category', c.uid);
    report.deleted.categories += 1;
  }

  // Component memos.
  for (const c of result.components) {
    const mine = ours.components.find((x) => x.key === c.key);
    if (mine && mine.memo.value !== c.memo.value) {
      await db.run('UPDATE paradigm_component SET memo = ? WHERE key = ?', c.memo.value, c.key);
      report.changedFields += 1;
    }
    await stamps(db, 'component', c.key, { memo: c.memo.stamp }, mine ? { memo: mine.memo.stamp } : {});
  }

  // Tombstones, and the clock.
  const oursTombs = new Map(ours.tombstones.map((t) => [`${t.kind}:${t.uid}`, t]));
  for (const t of result.tombstones as Tombstone[]) {
    const mine = oursTombs.get(`${t.kind}:${t.uid}`);
    if (!mine || !sameStamp(mine.stamp, t.stamp)) await writeTombstone(db, t.kind as TombKind, t.uid, t.stamp);
  }
  await advanceClock(db, result.clock);
  return report;
}

const fieldStamps = (c: MergeCategory | MergeConcept): Partial<Record<StampField, Stamp>> => ({
  label: c.label.stamp,
  placement: c.placement.stamp,
  memo: c.memo.stamp,
});

/** Writes the stamps that differ from what the item had. */
async function stamps(db: WritableDB, kind: StampKind, uid: string, want: Partial<Record<StampField, Stamp>>, had: Partial<Record<StampField, Stamp>>) {
  for (const [field, stamp] of Object.entries(want) as [StampField, Stamp][]) {
    const before = had[field] ?? {};
    if (stampText(before) !== stampText(stamp)) await writeStamp(db, kind, uid, field, stamp);
  }
}

async function aliases(db: WritableDB, kind: TombKind, uid: string, want: readonly string[], had: readonly string[]) {
  const known = new Set(had);
  for (const alias of want) if (!known.has(alias) && alias !== uid) await addAlias(db, kind, uid, alias);
}
