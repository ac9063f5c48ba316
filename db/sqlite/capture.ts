// Change capture on SQLite (the approach of sqlite.org/undoredo.html): while a command runs,
// triggers on every captured table write into command_change the key of a row it inserts, the
// whole row it deletes, and the key and changed columns of a row it updates, as JSON, with a row
// key (for "did a later step change the same row?") and the source the row belongs to. An
// inserted row's whole image is written into its step when the step is undone (redo needs it;
// until then the row itself holds it), so the log of a big import or autocode stays small; the
// merge's bookkeeping tables log inserted rows whole (INSERTED_WHOLE in db/capture-tables.ts).
// A migration that changes the columns of a captured table must call createCaptureTriggers again.

import type Database from 'better-sqlite3';
import type { CaptureHooks } from '../command-log';
import { CAPTURED_TABLES, documentColumn, INSERTED_WHOLE, keyOf } from '../capture-tables';
import type { ReadableDB } from '../handles';

export function tableColumns(db: Database.Database, table: string): string[] {
  const rows = db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[];
  if (rows.length === 0) throw new Error(`No table ${table}`);
  return rows.map((r) => r.name);
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** (Re)creates the insert, update and delete capture triggers of one table. */
export function createCaptureTriggers(db: Database.Database, table: string): void {
  const keys = keyOf(table);
  const columns = tableColumns(db, table);
  const others = columns.filter((c) => !keys.includes(c));
  const whole = (alias: 'NEW' | 'OLD') => `json_object(${columns.map((c) => `'${c}', ${alias}.${quote(c)}`).join(', ')})`;
  const keyOnly = (alias: 'NEW' | 'OLD') => `json_object(${keys.map((c) => `'${c}', ${alias}.${quote(c)}`).join(', ')})`;
  // An update keeps the key and the columns whose value changed: json_remove drops the others
  // (a path that names no member is ignored).
  const changedOnly = (alias: 'NEW' | 'OLD') =>
    others.length === 0
      ? whole(alias)
      : `json_remove(${whole(alias)}, ${others.map((c) => `CASE WHEN OLD.${quote(c)} IS NEW.${quote(c)} THEN '$.${c}' ELSE '$.~' END`).join(', ')})`;
  const rowKey = (alias: 'NEW' | 'OLD') => keys.map((k) => `CAST(${alias}.${quote(k)} AS TEXT)`).join(` || char(31) || `);
  const docColumn = documentColumn(table, columns);
  const documentOf = (alias: 'NEW' | 'OLD') => (docColumn ? `${alias}.${quote(docColumn)}` : 'NULL');
  const active = `(SELECT command_id FROM change_capture WHERE id = 1)`;
  const write = (alias: 'NEW' | 'OLD', oldRow: string, newRow: string) =>
    `INSERT INTO command_change (command_id, table_name, row_key, document_id, old_row, new_row)
     VALUES (${active}, '${table}', ${rowKey(alias)}, ${documentOf(alias)}, ${oldRow}, ${newRow});`;
  const anyChanged = others.length === 0 ? '1' : others.map((c) => `OLD.${quote(c)} IS NOT NEW.${quote(c)}`).join(' OR ');
  for (const op of ['insert', 'update', 'delete'] as const) {
    db.exec(`DROP TRIGGER IF EXISTS ${quote(`${table}_capture_${op}`)}`);
  }
  db.exec(`
    CREATE TRIGGER ${quote(`${table}_capture_insert`)} AFTER INSERT ON ${quote(table)}
    WHEN ${active} IS NOT NULL BEGIN ${write('NEW', 'NULL', INSERTED_WHOLE.has(table) ? whole('NEW') : keyOnly('NEW'))} END;
    CREATE TRIGGER ${quote(`${table}_capture_update`)} AFTER UPDATE ON ${quote(table)}
    WHEN ${active} IS NOT NULL AND (${anyChanged} OR ${keys.map((k) => `OLD.${quote(k)} IS NOT NEW.${quote(k)}`).join(' OR ')})
    BEGIN ${write('OLD', changedOnly('OLD'), changedOnly('NEW'))} END;
    CREATE TRIGGER ${quote(`${table}_capture_delete`)} AFTER DELETE ON ${quote(table)}
    WHEN ${active} IS NOT NULL BEGIN ${write('OLD', whole('OLD'), 'NULL')} END;
  `);
}

export function createAllCaptureTriggers(db: Database.Database): void {
  for (const table of Object.keys(CAPTURED_TABLES)) createCaptureTriggers(db, table);
}

/** Column names per table, read once per connection: undo replays thousands of rows at times. */
const knownColumns = new WeakMap<Database.Database, Map<string, Set<string>>>();

export function sqliteCaptureHooks(raw: Database.Database): CaptureHooks {
  return {
    begin: async (db, id) => {
      await db.run('UPDATE change_capture SET command_id = ? WHERE id = 1', id);
    },
    end: async (db) => {
      await db.run('UPDATE change_capture SET command_id = NULL WHERE id = 1');
    },
    deferForeignKeys: async () => {
      raw.pragma('defer_foreign_keys = ON');
    },
    columns: async (_db: ReadableDB, table: string) => {
      let tables = knownColumns.get(raw);
      if (!tables) knownColumns.set(raw, (tables = new Map()));
      let columns = tables.get(table);
      if (!columns) tables.set(table, (columns = new Set(tableColumns(raw, table))));
      return columns;
    },
    keyOf,
    completeInsertImages: async (db, table, changeIds) => {
      const keys = keyOf(table);
      const columns = tableColumns(raw, table);
      const image = `json_object(${columns.map((c) => `'${c}', t.${quote(c)}`).join(', ')})`;
      const row = `(SELECT ${image} FROM ${quote(table)} t WHERE ${keys.map((k) => `t.${quote(k)} = json_extract(command_change.new_row, '$.${k}')`).join(' AND ')})`;
      for (let at = 0; at < changeIds.length; at += 500) {
        const batch = changeIds.slice(at, at + 500);
        await db.run(`UPDATE command_change SET new_row = coalesce(${row}, new_row) WHERE id IN (${batch.map(() => '?').join(', ')})`, ...batch);
      }
    },
    trimInsertImages: async (db, table, changeIds) => {
      // The same JSON the insert trigger writes: the key columns, with their SQL types.
      const image = `json_object(${keyOf(table).map((k) => `'${k}', json_extract(new_row, '$.${k}')`).join(', ')})`;
      for (let at = 0; at < changeIds.length; at += 500) {
        const batch = changeIds.slice(at, at + 500);
        await db.run(`UPDATE command_change SET new_row = ${image} WHERE id IN (${batch.map(() => '?').join(', ')})`, ...batch);
      }
    },
  };
}
