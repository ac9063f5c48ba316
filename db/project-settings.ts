// Settings that belong to the project, not the machine (project_setting): a key and a text value.
// Changing one inside a command makes it undoable like any other change.

import type { ReadableDB, WritableDB } from './handles';

export async function getSetting(db: ReadableDB, key: string): Promise<string | null> {
  return (await db.get<{ value: string }>('SELECT value FROM project_setting WHERE key = ?', key))?.value ?? null;
}

/** Sets a setting; null removes it. */
export async function setSetting(db: WritableDB, key: string, value: string | null): Promise<void> {
  if (value === null) await db.run('DELETE FROM project_setting WHERE key = ?', key);
  else await db.run('INSERT INTO project_setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value', key, value);
}
