// Change capture on PostgreSQL, with exactly the meaning of db/sqlite/capture.ts: while a command
// runs (its id in the transaction-local setting groundwork.command), a trigger on every captured
// table writes into command_change the key of a row it inserts (its whole image is written when
// the step is undone; the merge's bookkeeping is logged whole), the whole row it deletes, and the
// key and the columns that changed when it is updated, as JSON text; the row key (key columns as
// text, in key order, joined with U+001F) and the source the row belongs to (documentColumn).
// One generic function per project schema serves every table: new columns are captured without
// writing the trigger again.

import type { CaptureHooks } from '../command-log';
import { CAPTURED_TABLES, INSERTED_WHOLE, keyOf } from '../capture-tables';
import type { ReadableDB } from '../handles';

export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;
const literal = (value: string) => `'${value.replace(/'/g, "''")}'`;

/** The setting that names the running command (empty or unset: nothing is captured). */
export const COMMAND_SETTING = 'groundwork.command';

const ACTIVE = `coalesce(current_setting(${literal(COMMAND_SETTING)}, true), '') <> ''`;

/** The capture function of one project schema (written into that schema; names its own tables). */
export function captureFunctionSql(schema: string): string {
  const s = quoteIdent(schema);
  return `
    CREATE OR REPLACE FUNCTION ${s}.capture_change() RETURNS trigger LANGUAGE plpgsql AS $capture$
    DECLARE
      active bigint := nullif(current_setting(${literal(COMMAND_SETTING)}, true), '')::bigint;
      whole jsonb;
      old_image jsonb;
      new_image jsonb;
    BEGIN
      IF active IS NULL THEN RETURN NULL; END IF;
      IF TG_OP = 'INSERT' THEN
        -- An inserted row is logged by its key: its whole image is written when the step is undone
        -- (the merge's bookkeeping tables excepted: logged whole).
        whole := to_jsonb(NEW);
        IF TG_TABLE_NAME IN (${[...INSERTED_WHOLE].map(literal).join(', ')}) THEN
          new_image := whole;
        ELSE
          SELECT jsonb_object_agg(k.name, whole -> k.name) INTO new_image FROM unnest(TG_ARGV) AS k(name);
        END IF;
      ELSIF TG_OP = 'DELETE' THEN
        whole := to_jsonb(OLD);
        old_image := whole;
      ELSE
        -- An update keeps the key and the columns whose value changed (key and source: the old row's).
        whole := to_jsonb(OLD);
        new_image := to_jsonb(NEW);
        SELECT jsonb_object_agg(e.key, e.value), jsonb_object_agg(e.key, new_image -> e.key)
          INTO old_image, new_image
          FROM jsonb_each(whole) e
          WHERE e.key = ANY (TG_ARGV) OR e.value IS DISTINCT FROM new_image -> e.key;
      END IF;
      INSERT INTO ${s}.command_change (command_id, table_name, row_key, document_id, old_row, new_row)
      VALUES (
        active,
        TG_TABLE_NAME,
        (SELECT string_agg(whole ->> k.name, chr(31) ORDER BY k.n) FROM unnest(TG_ARGV) WITH ORDINALITY AS k(name, n)),
        CASE WHEN TG_TABLE_NAME = 'document' THEN (whole ->> 'id')::bigint ELSE (whole ->> 'document_id')::bigint END,
        old_image::text,
        new_image::text);
      RETURN NULL;
    END
    $capture$;`;
}

/** SQL attaching the capture triggers to one captured table (in the current schema). */
export function captureTriggerSql(table: string): string {
  const keys = keyOf(table).map(literal).join(', ');
  const t = quoteIdent(table);
  return `
    DROP TRIGGER IF EXISTS capture ON ${t};
    DROP TRIGGER IF EXISTS capture_update ON ${t};
    CREATE TRIGGER capture AFTER INSERT OR DELETE ON ${t}
      FOR EACH ROW WHEN (${ACTIVE}) EXECUTE FUNCTION capture_change(${keys});
    CREATE TRIGGER capture_update AFTER UPDATE ON ${t}
      FOR EACH ROW WHEN (${ACTIVE} AND OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION capture_change(${keys});`;
}

export const capturedTables = () => Object.keys(CAPTURED_TABLES);

/** The log's hooks on one project schema. Column names are read once per store. */
export function postgresCaptureHooks(): CaptureHooks {
  const known = new Map<string, Set<string>>();
  const typesOf = new Map<string, Map<string, string>>();
  /** Each column's type as a cast names it (bigint, text, …). */
  const columnTypes = async (db: ReadableDB, table: string) => {
    let types = typesOf.get(table);
    if (!types) {
      const rows = await db.all<{ name: string; type: string }>(
        `SELECT column_name AS name, data_type AS type FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ?`,
        table,
      );
      typesOf.set(table, (types = new Map(rows.map((r) => [r.name, r.type]))));
    }
    return types;
  };
  return {
    begin: async (db, id) => {
      await db.run(`SELECT set_config('${COMMAND_SETTING}', ?, true)`, String(id));
    },
    end: async (db) => {
      try {
        await db.run(`SELECT set_config('${COMMAND_SETTING}', '', true)`);
      } catch {
        // The command failed and aborted the transaction: it is rolled back, the setting with it,
        // and the command's own error is the one to report.
      }
    },
    deferForeignKeys: async (db) => {
      await db.run('SET CONSTRAINTS ALL DEFERRED');
    },
    columns: async (db: ReadableDB, table: string) => {
      let columns = known.get(table);
      if (!columns) {
        const rows = await db.all<{ name: string }>(
          `SELECT column_name AS name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ?`,
          table,
        );
        if (rows.length === 0) throw new Error(`No table ${table}`);
        known.set(table, (columns = new Set(rows.map((r) => r.name))));
      }
      return columns;
    },
    keyOf,
    completeInsertImages: async (db, table, changeIds) => {
      // The row the key names: the key's values cast to their columns' types, so the key's index serves.
      const types = await columnTypes(db, table);
      const match = keyOf(table)
        .map((k) => `t.${quoteIdent(k)} = CAST(CAST(c.new_row AS jsonb) ->> ${literal(k)} AS ${types.get(k) ?? 'text'})`)
        .join(' AND ');
      for (let at = 0; at < changeIds.length; at += 500) {
        const batch = changeIds.slice(at, at + 500);
        await db.run(
          `UPDATE command_change c SET new_row = CAST(to_jsonb(t) AS text) FROM ${quoteIdent(table)} t
           WHERE c.id IN (${batch.map(() => '?').join(', ')}) AND ${match}`,
          ...batch,
        );
      }
    },
    trimInsertImages: async (db, table, changeIds) => {
      // The same JSON the capture function writes for an insert: the key columns alone.
      const keys = `ARRAY[${keyOf(table).map(literal).join(', ')}]`;
      for (let at = 0; at < changeIds.length; at += 500) {
        const batch = changeIds.slice(at, at + 500);
        await db.run(
          `UPDATE command_change SET new_row = (SELECT CAST(jsonb_object_agg(k.name, CAST(command_change.new_row AS jsonb) -> k.name) AS text)
             FROM unnest(${keys}) AS k(name))
           WHERE id IN (${batch.map(() => '?').join(', ')})`,
          ...batch,
        );
      }
    },
  };
}
