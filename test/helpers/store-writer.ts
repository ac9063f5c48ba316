// A second process writing to a project (bundled and run by test/db/store.test.ts): it creates
// concepts one command at a time and prints how many it wrote. Any error exits non-zero with the
// message on stderr. ADDRESS is a project file, or a PostgreSQL database URL and `#` project id.
//   node store-writer.mjs ADDRESS COUNT PREFIX

import { insertConcept } from '../../db/codebook';
import { connectPostgres } from '../../db/postgres/server';
import { openProjectFile } from '../../db/sqlite/open';
import type { Store } from '../../db/store';

const [address, total, prefix] = process.argv.slice(2) as [string, string, string];

async function open(): Promise<{ store: Store; done: () => Promise<void> }> {
  if (!/^postgres(ql)?:/.test(address)) return { store: openProjectFile(address), done: async () => undefined };
  const hash = address.lastIndexOf('#');
  const server = await connectPostgres({ connectionString: address.slice(0, hash) });
  return { store: await server.openProject(Number(address.slice(hash + 1))), done: () => server.close() };
}

const { store, done } = await open();
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
  await done();
}
