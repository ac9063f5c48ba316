// A second process that opens a project file (bundled and run by test/db/project-file-*.test.ts,
// also as another user, to meet file permissions that root ignores). It prints one JSON line:
// what opening gave (the refusal, or the project's name, read-only state and concept count) and
// what a change then gave.
//   node project-file-child.mjs FILE

import { insertConcept } from '../../db/codebook';
import { openProjectFile } from '../../db/sqlite/open';

const [file] = process.argv.slice(2) as [string];
const refusal = (error: unknown) => ({ code: (error as { code?: string }).code ?? null, message: (error as Error).message });

try {
  const store = openProjectFile(file);
  const info = await store.info();
  const concepts = await store.read(async (db) => Number((await db.get<{ n: number }>('SELECT count(*) AS n FROM concept'))?.n));
  let change: unknown = 'saved';
  try {
    await store.write({ kind: 'concept.create', label: 'Create' }, (db) => insertConcept(db, { label: 'from the child', color: '#336699', inVivo: false }));
  } catch (error) {
    change = refusal(error);
  }
  await store.close();
  process.stdout.write(`${JSON.stringify({ opened: { name: info.name, readOnly: info.readOnly ?? null, concepts }, change })}\n`);
} catch (error) {
  process.stdout.write(`${JSON.stringify({ refused: refusal(error) })}\n`);
}
