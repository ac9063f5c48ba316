// "Prepare copies for coders…": one project file per named coder, for blind coding. The coders are
// added to the open project first (one step), so every copy and the original know them by the
// same GUIDs; each copy then holds the sources and the codebook, nobody's passages and no history,
// under a replica id of its own (db/team-copies.ts). With a baseline, the copies hold its codebook
// instead of the current one (db/copy-codebook.ts). Every file is written beside the project (or
// in the folder given) through a temporary file; if any name is taken, or the baseline is not
// there, nothing is written.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fail, GroundworkError } from '../../../shared/api/errors';
import { say, sayList } from '../../../shared/domain/message';
import { coderListProblem } from '../../../shared/domain/team';
import { findOrCreateCoder } from '../../../db/coders';
import { openProjectFile, PROJECT_EXTENSION } from '../../../db/sqlite/open';
import type { Store } from '../../../db/store';
import { clearForCoder } from '../../../db/team-copies';
import { getBaseline } from '../../../db/baselines';
import type { BaselineCodebook, LeftOut } from '../../../db/copy-codebook';
import { applyBaselineCodebook } from '../../../db/copy-codebook';
import { parseSnapshot } from '../evolution/snapshot';
import type { PreparedCopies } from '../../../shared/api/team-contract';
import { projectFileName } from '../recent';
import { short } from '../handlers/types';

/** The baseline's name and codebook (refused with a message when there is no such baseline). */
async function baselineCodebook(store: Store, id: number): Promise<{ name: string; book: BaselineCodebook }> {
  const row = await store.read((db) => getBaseline(db, id));
  if (!row) throw new GroundworkError('not-found', say('That baseline no longer exists; nothing was written.'));
  const { concepts, categories, filings } = parseSnapshot(row);
  return { name: row.name, book: { concepts, categories, filings } };
}

export async function prepareCopies(store: Store, names: readonly string[], folder?: string, baselineId?: number): Promise<PreparedCopies> {
  const problem = coderListProblem(names);
  if (problem) throw new GroundworkError('invalid-input', problem);
  const checked = names.map((n) => n.trim());
  const target = path.resolve(folder ?? path.dirname(store.location));
  if (!fs.existsSync(target) || !fs.statSync(target).isDirectory()) fail('io', 'The folder {path} does not exist.', { path: target });
  const info = await store.info();
  const files = checked.map((coder) => ({ coder, path: path.join(target, projectFileName(`${info.name} – ${coder}`)) }));
  const taken = files.find((f) => fs.existsSync(f.path));
  if (taken) fail('conflict', 'There is already a file at {path}; nothing was written.', { path: taken.path });
  const baseline = baselineId === undefined ? null : await baselineCodebook(store, baselineId);

  const coders = await store.write({ kind: 'coder.create', label: say('Add coders {a}', { a: sayList(checked.map((name) => say('“{a}”', { a: short(name) }))) }) }, async (db) => {
    const out = [];
    for (const name of checked) out.push(await findOrCreateCoder(db, name));
    return out;
  });

  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'groundwork-copies-'));
  const written: string[] = [];
  let leftOut: LeftOut = { concepts: [], categories: [] };
  try {
    for (const [i, file] of files.entries()) {
      const copy = path.join(temp, `copy-${i}${PROJECT_EXTENSION}`);
      await store.backup(copy);
      const opened = openProjectFile(copy, { readOnly: false });
      try {
        await opened.writeUnlogged(async (db) => {
          await clearForCoder(db, coders[i]!.uid, path.basename(file.path, PROJECT_EXTENSION));
          if (baseline) leftOut = await applyBaselineCodebook(db, baseline.book);
        });
        await opened.compact({ keepSteps: 0, keepDays: 0, vacuum: true });
      } finally {
        await opened.close();
      }
      fs.copyFileSync(copy, `${file.path}.partial`);
      fs.renameSync(`${file.path}.partial`, file.path);
      written.push(file.path);
    }
  } catch (error) {
    for (const f of written) fs.rmSync(f, { force: true });
    for (const f of files) fs.rmSync(`${f.path}.partial`, { force: true });
    throw error;
  } finally {
    fs.rmSync(temp, { recursive: true, force: true });
  }
  return { folder: target, files, baseline: baseline?.name ?? null, leftOut };
}
