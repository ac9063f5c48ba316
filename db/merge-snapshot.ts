// A project as a merge sees it (shared/domain/merge's ProjectSnapshot): its replica and clock, coders,
// sources by SHA-256, the codebook and passages with their uids, aliases and version stamps, and the
// tombstones of what was deleted. Also what a merge copies of another project's new items beyond
// the merged fields (texts, colours, codes), read only for the items it brings in.

import type { Stamp } from '../shared/domain/merge/stamps';
import type { MergeCategory, MergeConcept, MergePassage, MergeSource, ProjectSnapshot, Stamped } from '../shared/domain/merge/types';
import type { ComponentKey } from '../shared/domain/paradigm';
import type { DocumentPage, ParagraphDirection, SourceFormat } from '../shared/domain/model';
import { documentId } from '../shared/domain/ids';
import { getDirections, getPages } from './document-layout';
import { textBySha } from './documents';
import type { ReadableDB } from './handles';
import type { StampField } from './merge-stamps';
import { allAliases, allStamps, allTombstones, replicaClock } from './merge-stamps';
import { marks } from './sql';

/** The project's own GUID (shared by its copies) and name. */
export async function projectIdentity(db: ReadableDB): Promise<{ uid: string | null; replica: string | null; name: string }> {
  const row = await db.get<{ uid: string | null; replica: string | null; name: string }>('SELECT uid, replica, name FROM project WHERE id = 1');
  return { uid: row?.uid ?? null, replica: row?.replica ?? null, name: row?.name ?? '' };
}

export async function readSnapshot(db: ReadableDB): Promise<ProjectSnapshot> {
  const { replica, clock } = await replicaClock(db);
  const stamps = await allStamps(db);
  const aliases = await allAliases(db);
  const field = <T>(kind: string, uid: string, name: StampField, value: T): Stamped<T> => ({ value, stamp: stamps.get(`${kind}:${uid}`)?.[name] ?? ({} as Stamp) });

  const coders = (await db.all<{ uid: string; name: string; color: string }>('SELECT uid, name, color FROM coder ORDER BY id')).map((c) => ({ ...c }));
  const sources: MergeSource[] = (
    await db.all<{ id: number; uid: string; sha256: string; name: string; memo: string }>('SELECT id, uid, sha256, name, memo FROM document ORDER BY id')
  ).map((d) => ({ id: Number(d.id), sha256: d.sha256, name: d.name, memo: field('source', d.uid, 'memo', d.memo) }));

  const categories: MergeCategory[] = (
    await db.all<{ id: number; uid: string; name: string; parent_id: number | null; component: ComponentKey | null; memo: string }>(
      'SELECT id, uid, name, parent_id, component, memo FROM category ORDER BY id',
    )
  ).map((c) => ({
    id: Number(c.id),
    uid: c.uid,
    aliases: aliases.get(`category:${c.uid}`) ?? [],
    label: field('category', c.uid, 'label', c.name),
    placement: field('category', c.uid, 'placement', { parentId: c.parent_id === null ? null : Number(c.parent_id), component: c.component }),
    memo: field('category', c.uid, 'memo', c.memo),
  }));

  const filings = new Map<number, number[]>();
  await db.each<{ category_id: number; concept_id: number }>('SELECT category_id, concept_id FROM category_concept ORDER BY concept_id, category_id', [], (r) => {
    const list = filings.get(Number(r.concept_id));
    if (list) list.push(Number(r.category_id));
    else filings.set(Number(r.concept_id), [Number(r.category_id)]);
  });
  const concepts: MergeConcept[] = (await db.all<{ id: number; uid: string; label: string; memo: string }>('SELECT id, uid, label, memo FROM concept ORDER BY id')).map(
    (c) => ({
      id: Number(c.id),
      uid: c.uid,
      aliases: aliases.get(`concept:${c.uid}`) ?? [],
      label: field('concept', c.uid, 'label', c.label),
      placement: field('concept', c.uid, 'placement', filings.get(Number(c.id)) ?? []),
      memo: field('concept', c.uid, 'memo', c.memo),
    }),
  );

  const passages: MergePassage[] = [];
  await db.each<{ id: number; uid: string; document_id: number; start_offset: number; end_offset: number; concept_id: number; coder_uid: string | null; memo: string }>(
    `SELECT s.id, s.uid, s.document_id, s.start_offset, s.end_offset, s.concept_id, k.uid AS coder_uid, s.memo
     FROM segment s LEFT JOIN coder k ON k.id = s.coder_id ORDER BY s.id`,
    [],
    (s) => {
      passages.push({
        id: Number(s.id),
        uid: s.uid,
        aliases: aliases.get(`passage:${s.uid}`) ?? [],
        sourceId: Number(s.document_id),
        start: Number(s.start_offset),
        end: Number(s.end_offset),
        conceptId: Number(s.concept_id),
        // A passage of no coder (a researcher working alone) is the empty coder on both sides.
        coder: s.coder_uid ?? '',
        memo: field('passage', s.uid, 'memo', s.memo),
      });
    },
  );

  const components = (await db.all<{ key: ComponentKey; memo: string }>('SELECT key, memo FROM paradigm_component ORDER BY position')).map((c) => ({
    key: c.key,
    memo: field('component', c.key, 'memo', c.memo),
  }));

  return { replica, clock, coders, sources, categories, concepts, passages, components, tombstones: await allTombstones(db) };
}

export interface SourceCopy {
  uid: string;
  name: string;
  format: SourceFormat;
  originalName: string;
  dir: 'ltr' | 'rtl';
  text: string;
  pages: DocumentPage[];
  directions: ParagraphDirection[];
}

export interface ItemLook {
  color: string;
  code: string | null;
  labelFa: string | null;
  labelEn: string | null;
  inVivo: boolean;
}

/** What a merge copies of another project's new items beyond their merged fields. */
export interface MergeExtras {
  sources: Map<string, SourceCopy>;
  categories: Map<string, ItemLook>;
  concepts: Map<string, ItemLook>;
  /** Coder uid → its kind (the other copy's consensus stays the consensus). */
  coderKinds: Map<string, 'person' | 'consensus'>;
}

/** Reads the extras of the sources (by SHA-256), categories and concepts (by uid) named. */
export async function readExtras(db: ReadableDB, want: { sources: string[]; categories: string[]; concepts: string[] }): Promise<MergeExtras> {
  const extras: MergeExtras = { sources: new Map(), categories: new Map(), concepts: new Map(), coderKinds: new Map() };
  for (const sha of want.sources) {
    const d = await db.get<{ id: number; uid: string; name: string; format: SourceFormat; original_name: string; dir: 'ltr' | 'rtl' }>(
      'SELECT id, uid, name, format, original_name, dir FROM document WHERE sha256 = ?',
      sha,
    );
    const text = d && (await textBySha(db, sha));
    if (!d || text === undefined) continue;
    const id = documentId(Number(d.id));
    extras.sources.set(sha, {
      uid: d.uid,
      name: d.name,
      format: d.format,
      originalName: d.original_name,
      dir: d.dir,
      text,
      pages: await getPages(db, id),
      directions: await getDirections(db, id),
    });
  }
  const looks = async (table: 'category' | 'concept', uids: string[], into: Map<string, ItemLook>) => {
    for (let i = 0; i < uids.length; i += 500) {
      const chunk = uids.slice(i, i + 500);
      const inVivo = table === 'concept' ? 'in_vivo' : '0 AS in_vivo';
      const rows = await db.all<{ uid: string; color: string; code: string | null; label_fa: string | null; label_en: string | null; in_vivo: number }>(
        `SELECT uid, color, code, label_fa, label_en, ${inVivo} FROM ${table} WHERE uid IN (${marks(chunk.length)})`,
        ...chunk,
      );
      for (const r of rows) into.set(r.uid, { color: r.color, code: r.code, labelFa: r.label_fa, labelEn: r.label_en, inVivo: Number(r.in_vivo) === 1 });
    }
  };
  await looks('category', want.categories, extras.categories);
  await looks('concept', want.concepts, extras.concepts);
  for (const r of await db.all<{ uid: string; kind: 'person' | 'consensus' }>('SELECT uid, kind FROM coder')) extras.coderKinds.set(r.uid, r.kind);
  return extras;
}
