// A project copy handed to one coder for blind coding: the sources and the codebook stay, nobody's
// passages do, nor the history; it becomes a replica of its own (merging tells its changes from
// every other copy's) and remembers whom it was made for. Run on the copy, outside the history
// (store.writeUnlogged): removing the passages here is not a deletion a merge should carry back.

import type { WritableDB } from './handles';
import { setSetting } from './project-settings';
import { newUid } from './uid';

export async function clearForCoder(db: WritableDB, coderUid: string, name: string): Promise<void> {
  await db.run('UPDATE project SET name = ? WHERE id = 1', name);
  await db.run('DELETE FROM adjudication');
  await db.run('DELETE FROM segment');
  await db.run(`DELETE FROM merge_stamp WHERE kind = 'passage'`);
  await db.run(`DELETE FROM merge_alias WHERE kind = 'passage'`);
  await db.run('DELETE FROM command_change');
  await db.run('DELETE FROM command');
  await db.run('DELETE FROM store_session');
  await db.run('UPDATE project SET replica = ? WHERE id = 1', newUid());
  await setSetting(db, 'prepared_for', coderUid);
  await setSetting(db, 'count_basis', null);
  await setSetting(db, 'count_coder', null);
}

/** Names this project file a replica of its own (a copy, or a project made from an exchange file). */
export async function setReplica(db: WritableDB, replica: string): Promise<void> {
  await db.run('UPDATE project SET replica = ? WHERE id = 1', replica);
}
