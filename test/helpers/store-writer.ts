// A second process writing to a project file (bundled and run by test/db/store.test.ts): it
// creates concepts one command at a time and prints how many it wrote. Any error exits non-zero
// with the message on stderr.
//   node store-writer.mjs FILE COUNT PREFIX

import { insertConcept } from '../../db/codebook';
import { openProjectFile } from '../../db/sqlite/open';

const [file, total, prefix] = process.argv.slice(2) as [string, string, string];
const store = openProjectFile(file);
try {
  process.stdout.write('ready\n');
  for (let i = 0; i < Number(total); i += 1) {
    await store.write({ kind: 'concept.create', label: `Create ${prefix} ${i}` }, (db) =>
      insertConcept(db, { label: `${prefix} ${i}`, color: '#336699', inVivo: false }),
    );
  }
  process.stdout.write(`wrote ${total}\n`);
} finally {
  await store.close();
}
