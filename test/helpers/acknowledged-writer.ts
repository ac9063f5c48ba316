// A process that writes to a project until it is killed (bundled and run by
// test/db/durability.test.ts): each command creates a concept with a long memo, and "ack N" is
// printed only after the write of concept N has resolved, that is, after its commit returned.
//   node acknowledged-writer.mjs FILE PREFIX

import { insertConcept } from '../../db/codebook';
import { openProjectFile } from '../../db/sqlite/open';

const [file, prefix] = process.argv.slice(2) as [string, string];
const store = openProjectFile(file, { readOnly: false });
const memo = 'A memo long enough to fill pages of its own. '.repeat(200);
process.stdout.write('ready\n');
for (let i = 0; ; i += 1) {
  await store.write({ kind: 'concept.create', label: `Create ${prefix} ${i}` }, async (db) => {
    const id = await insertConcept(db, { label: `${prefix} ${i}`, color: '#336699', inVivo: false });
    await db.run('UPDATE concept SET memo = ? WHERE id = ?', memo, id);
  });
  process.stdout.write(`ack ${i}\n`);
}
