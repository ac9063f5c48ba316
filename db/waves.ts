// Waves (their rules; which sources they hold is computed from the rules, shared/domain/waves.ts),
// the sources with the record attributes waves and filters test, and the coded passages the
// evolution, saturation and analysis views count.

import type { ConceptId, DocumentId, SegmentId } from '../shared/domain/ids';
import { conceptId, documentId, segmentId } from '../shared/domain/ids';
import type { RecordType, Stage } from '../shared/domain/records';
import type { AnalysisSource, Wave, WaveAttribute, WaveRule } from '../shared/domain/waves';
import type { ReadableDB, WritableDB } from './handles';
import { now } from './handles';
import { marks } from './sql';

interface WaveRow {
  id: number;
  name: string;
  position: number;
  rule: WaveRule['kind'];
  batches: string;
  year_from: number | null;
  year_to: number | null;
  attribute: string | null;
  value: string | null;
}

const toWave = (r: WaveRow): Wave => ({
  id: Number(r.id),
  name: r.name,
  position: Number(r.position),
  rule:
    r.rule === 'batch'
      ? { kind: 'batch', batches: JSON.parse(r.batches) as string[] }
      : r.rule === 'years'
        ? { kind: 'years', from: r.year_from === null ? null : Number(r.year_from), to: r.year_to === null ? null : Number(r.year_to) }
        : { kind: 'attribute', attribute: r.attribute as WaveAttribute, value: r.value ?? '' },
});

const WAVE_COLUMNS = 'id, name, position, rule, batches, year_from, year_to, attribute, value';

export async function listWaves(db: ReadableDB): Promise<Wave[]> {
  return (await db.all<WaveRow>(`SELECT ${WAVE_COLUMNS} FROM wave ORDER BY position, id`)).map(toWave);
}

export async function getWave(db: ReadableDB, id: number): Promise<Wave | undefined> {
  const row = await db.get<WaveRow>(`SELECT ${WAVE_COLUMNS} FROM wave WHERE id = ?`, id);
  return row && toWave(row);
}

/** The wave of that name (letter case aside), if any. */
export async function findWaveByName(db: ReadableDB, name: string): Promise<Wave | undefined> {
  const row = await db.get<WaveRow>(`SELECT ${WAVE_COLUMNS} FROM wave WHERE lower(name) = lower(?)`, name);
  return row && toWave(row);
}

const ruleColumns = (rule: WaveRule) => [
  rule.kind,
  JSON.stringify(rule.kind === 'batch' ? rule.batches : []),
  rule.kind === 'years' ? rule.from : null,
  rule.kind === 'years' ? rule.to : null,
  rule.kind === 'attribute' ? rule.attribute : null,
  rule.kind === 'attribute' ? rule.value : null,
] as const;

export async function insertWave(db: WritableDB, name: string, rule: WaveRule): Promise<number> {
  const last = await db.get<{ n: number | null }>('SELECT max(position) AS n FROM wave');
  const row = await db.get<{ id: number }>(
    `INSERT INTO wave (name, position, rule, batches, year_from, year_to, attribute, value, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    name,
    Number(last?.n ?? 0) + 1,
    ...ruleColumns(rule),
    now(),
  );
  return Number(row!.id);
}

export async function updateWave(db: WritableDB, id: number, change: { name?: string; rule?: WaveRule }): Promise<void> {
  if (change.name !== undefined) await db.run('UPDATE wave SET name = ? WHERE id = ?', change.name, id);
  if (change.rule) {
    await db.run('UPDATE wave SET rule = ?, batches = ?, year_from = ?, year_to = ?, attribute = ?, value = ? WHERE id = ?', ...ruleColumns(change.rule), id);
  }
}

export async function deleteWave(db: WritableDB, id: number): Promise<number> {
  return (await db.run('DELETE FROM wave WHERE id = ?', id)).changes;
}

interface SourceRow {
  id: number;
  name: string;
  import_batch: string | null;
  imported_at: string;
  year: number | null;
  type: RecordType | null;
  language: string | null;
  venue: string | null;
  stage: Stage | null;
  keywords: string | null;
}

/** Every source with its record's attributes and its free-form ones, in id order. */
export async function analysisSources(db: ReadableDB): Promise<AnalysisSource[]> {
  const rows = await db.all<SourceRow>(
    `SELECT d.id, d.name, d.import_batch, d.imported_at, r.year, r.type, r.language, r.venue, r.stage, r.keywords
     FROM document d LEFT JOIN record r ON r.document_id = d.id ORDER BY d.id`,
  );
  // Free-form attributes (migration 008), by source.
  const free = new Map<number, Record<string, string>>();
  for (const a of await db.all<{ document_id: number; name: string; value: string }>('SELECT document_id, name, value FROM source_attribute')) {
    const id = Number(a.document_id);
    free.set(id, { ...(free.get(id) ?? {}), [a.name]: a.value });
  }
  return rows.map((r) => ({
    id: documentId(Number(r.id)),
    name: r.name,
    importBatch: r.import_batch,
    importedAt: r.imported_at,
    year: r.year === null ? null : Number(r.year),
    type: r.type,
    language: r.language ?? '',
    venue: r.venue ?? '',
    stage: r.stage,
    keywords: r.keywords ? (JSON.parse(r.keywords) as string[]) : [],
    attributes: free.get(Number(r.id)) ?? {},
  }));
}

export interface CodedPassage {
  id: SegmentId;
  documentId: DocumentId;
  conceptId: ConceptId;
  start: number;
  end: number;
  createdAt: string;
}

/** Every coded passage (segment), in id order. */
export async function codedPassages(db: ReadableDB): Promise<CodedPassage[]> {
  const rows = await db.all<{ id: number; document_id: number; concept_id: number; start_offset: number; end_offset: number; created_at: string }>(
    'SELECT id, document_id, concept_id, start_offset, end_offset, created_at FROM segment ORDER BY id',
  );
  return rows.map((r) => ({
    id: segmentId(Number(r.id)),
    documentId: documentId(Number(r.document_id)),
    conceptId: conceptId(Number(r.concept_id)),
    start: Number(r.start_offset),
    end: Number(r.end_offset),
    createdAt: r.created_at,
  }));
}

/** The text of chosen passages, for naming what introduced a concept. */
export async function passageTexts(db: ReadableDB, ids: readonly number[]): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  // In slices: an IN list has an engine limit on its parameters.
  for (let i = 0; i < ids.length; i += 500) {
    const slice = ids.slice(i, i + 500);
    const rows = await db.all<{ id: number; text: string }>(`SELECT id, text FROM segment WHERE id IN (${marks(slice.length)})`, ...slice);
    for (const r of rows) out.set(Number(r.id), r.text);
  }
  return out;
}
