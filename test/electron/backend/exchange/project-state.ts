// What the exchange tests compare between projects: everything an export carries, read from the
// project file with its GUIDs (sources, codebook, filings, passages with coders, memos, attributes),
// in an order that does not depend on ids; and a fingerprint of every table, to show that a
// refused import changed nothing.

import crypto from 'node:crypto';
import fs from 'node:fs';
import { exportModel } from '../../../../electron/backend/exchange/store-export';
import { projectTables } from '../../../../db/schema-info';
import { guidKey } from '../../../../shared/domain/exchange-model';
import type { Store } from '../../../../db/store';
import type { TestBackend } from '../../../helpers/backend';
import { toBase64 } from '../../../helpers/backend';

export const store = (t: TestBackend): Store => t.backend.store!;

/** The project as an export sees it, sorted by GUID; sources' import dates left out (they are the import's). */
export async function projectState(t: TestBackend) {
  const model = await store(t).read((db) => exportModel(db, '', ''));
  const byGuid = <T extends { guid: string }>(list: T[]) => [...list].sort((a, b) => guidKey(a.guid).localeCompare(guidKey(b.guid)));
  return {
    users: byGuid(model.users),
    components: model.components.filter((c) => c.memo),
    categories: byGuid(model.categories),
    concepts: byGuid(model.concepts),
    filings: model.filings.map((f) => `${guidKey(f.categoryGuid)} ${guidKey(f.conceptGuid)}`).sort(),
    sources: byGuid(model.sources).map(({ createdAt: _, attributes, ...s }) => ({ ...s, attributes: [...attributes].sort((a, b) => a.name.localeCompare(b.name)) })),
    segments: byGuid(model.segments),
  };
}

/** What an undone step leaves behind by design: its place in the log, and the texts it named (for redo). */
const LOG_TABLES = ['command', 'command_change', 'change_capture', 'source_text'];

/**
 * A hash of every row of every table but the open sessions': equal before and after means unchanged.
 * `content`: the project's content only, leaving out the undo log and the texts it keeps.
 */
export async function fingerprint(t: TestBackend, which: 'all' | 'content' = 'all'): Promise<string> {
  return store(t).read(async (db) => {
    // The project's tables on either engine (each engine's own search index left out).
    const tables = (await projectTables(db))
      .filter((r) => r.name !== 'store_session')
      // Version stamps (migration 011) record every change, an undo and a redo too, by design: a
      // project undone and redone is the same project with a later stamp, so they are left out.
      .filter((r) => !['replica_clock', 'merge_stamp', 'merge_tombstone', 'merge_alias'].includes(r.name))
      .filter((r) => which === 'all' || (!LOG_TABLES.includes(r.name) && !r.name.startsWith('search')));
    const hash = crypto.createHash('sha256');
    for (const { name } of tables) hash.update(`${name}\n${JSON.stringify(await db.all(`SELECT * FROM "${name}" ORDER BY 1`))}\n`);
    return hash.digest('hex');
  });
}

export const importFile = (t: TestBackend, file: string, name = file.split('/').pop()!) =>
  t.api.call('exchange.import', { name, dataBase64: toBase64(fs.readFileSync(file)) });

export const importBytes = (t: TestBackend, name: string, bytes: Uint8Array) => t.api.call('exchange.import', { name, dataBase64: toBase64(bytes) });

export async function exportBytes(t: TestBackend, format: 'qdpx' | 'qdc', unit: 'standard' | 'nvivo' = 'standard') {
  const out = await t.api.call('exchange.export', { format, unit });
  return { ...out, bytes: Buffer.from(out.dataBase64, 'base64') };
}

/** The GUID of the selection holding each coding, by a scan of the tags (independent of the reader). */
export function selectionOfCoding(xml: string): Map<string, string> {
  const out = new Map<string, string>();
  let current: string | null = null;
  for (const m of xml.matchAll(/<(\/?)(PlainTextSelection|Coding)\b([^>]*?)(\/?)>/g)) {
    const [, close, name, attrs, selfClose] = m;
    const guid = /\bguid="([^"]*)"/.exec(attrs!)?.[1] ?? null;
    if (name === 'PlainTextSelection') current = close || selfClose ? null : guid;
    else if (!close && current && guid) out.set(guidKey(guid), guidKey(current));
  }
  return out;
}
