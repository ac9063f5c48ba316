// The project as an ExportModel, read in one snapshot: sources with their texts, memos, record
// fields and attributes (as variables), the codebook with its GUIDs, colours, memos, filings and
// components, every passage with its coder. writeQdpx / writeQdc turn it into a file.

import { fail } from '../../../shared/api/errors';
import type { Message } from '../../../shared/domain/message';
import type { ExportModel, ExportUnit } from '../../../shared/domain/exchange-export';
import type { Glosses } from '../../../shared/domain/exchange-glosses';
import { recordVariables } from '../../../shared/domain/exchange-records';
import { COMPONENT_LABELS } from '../../../shared/domain/paradigm';
import { getCodebook } from '../../../db/codebook';
import { textBySha } from '../../../db/documents';
import { exportRows } from '../../../db/exchange';
import { codersWithPassages } from '../../../db/exchange-coders';
import type { ReadableDB } from '../../../db/handles';
import { listRecords } from '../../../db/records';
import { listSourceAttributes } from '../../../db/source-attributes';
import type { Store } from '../../../db/store';
import { writeQdc, writeQdpx } from './write';

const withGlosses = (g: Glosses) => (g.code !== null || g.labelFa !== null || g.labelEn !== null ? { glosses: g } : {});

export async function exportModel(db: ReadableDB, name: string, origin: string): Promise<ExportModel> {
  const rows = await exportRows(db);
  const codebook = await getCodebook(db);
  const records = new Map((await listRecords(db)).flatMap((r) => (r.documentId === null ? [] : [[Number(r.documentId), r] as const])));
  const attributes = await listSourceAttributes(db);
  const uidOf = {
    document: new Map(rows.documents.map((d) => [Number(d.id), d.uid])),
    category: new Map(rows.categories.map((c) => [Number(c.id), c.uid])),
    concept: new Map(rows.concepts.map((c) => [Number(c.id), c.uid])),
  };
  const sources: ExportModel['sources'] = [];
  for (const d of rows.documents) {
    const text = await textBySha(db, d.sha256);
    if (text === undefined) fail('internal', 'The text of source "{source}" is missing from the project; nothing was written.', { source: d.name });
    const record = records.get(Number(d.id));
    const fromRecord = record ? recordVariables(record, d.name) : [];
    const recordNames = new Set(fromRecord.map((v) => v.name.toLowerCase()));
    sources.push({
      guid: d.uid,
      name: d.name,
      text,
      memo: d.memo,
      createdAt: d.importedAt,
      attributes: [
        ...fromRecord,
        // An attribute named like a record field the record fills is the record's.
        ...attributes.filter((a) => a.documentId === d.id && !recordNames.has(a.name.toLowerCase())).map((a) => ({ name: a.name, value: a.value })),
      ],
    });
  }
  return {
    name,
    origin,
    users: (await codersWithPassages(db)).map((c) => ({ guid: c.uid, name: c.name })),
    components: codebook.components.map((c) => ({ key: c.key, label: COMPONENT_LABELS[c.key], memo: c.memo })),
    categories: rows.categories.map((c) => ({
      guid: c.uid,
      name: c.name,
      color: c.color,
      memo: c.memo,
      parentGuid: c.parentId === null ? null : (uidOf.category.get(Number(c.parentId)) ?? null),
      component: c.parentId === null ? c.component : null,
      ...withGlosses(c.glosses),
    })),
    concepts: rows.concepts.map((c) => ({ guid: c.uid, label: c.label, color: c.color, memo: c.memo, ...withGlosses(c.glosses) })),
    filings: rows.filings.map((f) => ({ categoryGuid: uidOf.category.get(Number(f.categoryId))!, conceptGuid: uidOf.concept.get(Number(f.conceptId))! })),
    sources,
    segments: rows.segments.map((s) => ({
      guid: s.uid,
      sourceGuid: uidOf.document.get(Number(s.documentId))!,
      conceptGuid: uidOf.concept.get(Number(s.conceptId))!,
      start: s.start,
      end: s.end,
      memo: s.memo,
      coderGuid: s.coderUid,
      createdAt: s.createdAt,
    })),
  };
}

export interface ExchangeExport {
  filename: string;
  bytes: Buffer;
  warnings: Message[];
}

/** A file name from the project's name: letters of any script kept, what a file system refuses replaced. */
export const exportFileName = (project: string, extension: string) =>
  `${project.replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, '_').trim() || 'project'}${extension}`;

export async function exportProject(store: Store, format: 'qdpx' | 'qdc', unit: ExportUnit, origin: string): Promise<ExchangeExport> {
  const info = await store.info();
  const model = await store.read((db) => exportModel(db, info.name, origin));
  if (format === 'qdc') {
    const { bytes, warnings } = await writeQdc(model);
    return { filename: exportFileName(info.name, '.qdc'), bytes, warnings };
  }
  const { bytes, warnings } = await writeQdpx(model, unit);
  return { filename: exportFileName(info.name, unit === 'nvivo' ? ' (NVivo).qdpx' : '.qdpx'), bytes, warnings };
}
