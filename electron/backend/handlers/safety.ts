// Handlers for the safety net: save a copy of the open project, say what a bundled project holds
// before it is started afresh, list the backups, restore one (the file it replaces is kept first).

import fs from 'node:fs';
import path from 'node:path';
import { fail, saidOf } from '../../../shared/api/errors';
import { english } from '../../../shared/domain/message';
import type { WorkSummary } from '../../../shared/domain/project-file';
import { becomeNewReplica, workCounts } from '../../../db/project-state';
import { openProjectFile, PROJECT_EXTENSION } from '../../../db/sqlite/open';
import type { Store } from '../../../db/store';
import { requireStore, type Backend } from '../backend';
import { findBackup, listBackups, restoreBackup } from '../backups';
import { projectFileName } from '../recent';
import { STUDY_NAME } from '../study';
import { bundledFile, EXAMPLE_NAME, storeOptions, switchTo } from './project';
import type { HandlerGroup } from './types';

const withExtension = (file: string) => (path.extname(file) ? file : `${file}${PROJECT_EXTENSION}`);

/** A free name in the home folder: "NAME copy 2026-12-05.groundwork", then "… (2)", … */
function defaultCopyPath(home: string, name: string): string {
  const base = projectFileName(`${name} copy ${new Date().toLocaleDateString('sv')}`).slice(0, -PROJECT_EXTENSION.length);
  let candidate = path.join(home, `${base}${PROJECT_EXTENSION}`);
  for (let n = 2; fs.existsSync(candidate); n += 1) candidate = path.join(home, `${base} (${n})${PROJECT_EXTENSION}`);
  return candidate;
}

async function summary(store: Store, file: string): Promise<WorkSummary> {
  const info = await store.info();
  return { path: file, name: info.name, ...(await store.read(workCounts)) };
}

/** What the bundled project's file holds now (null if it has not been made yet). */
async function bundledWork(backend: Backend, name: string): Promise<WorkSummary | null> {
  const file = bundledFile(backend, name);
  if (backend.store?.location === file) return summary(backend.store, file);
  if (!fs.existsSync(file)) return null;
  let store: Store;
  try {
    store = openProjectFile(file, { readOnly: true });
  } catch (error) {
    const none = { steps: 0, lastStep: null, sources: 0, concepts: 0, categories: 0, segments: 0 };
    const said = saidOf(error);
    return { path: file, name, ...none, problem: english(said), problemSaid: said };
  }
  try {
    return await summary(store, file);
  } finally {
    await store.close();
  }
}

export const safetyHandlers = {
  'project.saveCopy': async ({ path: wanted }, backend) => {
    const store = requireStore(backend);
    const target = wanted ? path.resolve(withExtension(wanted)) : defaultCopyPath(backend.config.home, (await store.info()).name);
    if (!fs.existsSync(path.dirname(target))) fail('io', 'The folder {a} does not exist; nothing was written.', { a: path.dirname(target) });
    await store.backup(target);
    // The copy is a project of its own: it keeps every GUID but gets a replica GUID of its own.
    const copy = openProjectFile(target, { readOnly: false });
    try {
      await copy.writeUnlogged(becomeNewReplica);
    } finally {
      await copy.close();
    }
    return { path: target, bytes: fs.statSync(target).size };
  },
  'project.bundledWork': ({ bundled }, backend) => bundledWork(backend, bundled === 'example' ? EXAMPLE_NAME : STUDY_NAME),
  'backup.list': (_input, backend) => listBackups(backend.config.home),
  'backup.restore': async ({ id }, backend) => {
    const home = backend.config.home;
    // The project being replaced is closed here first; one open in another window is refused by restoreBackup.
    if (backend.store?.location === findBackup(home, id).project) await backend.close();
    const { project } = await restoreBackup(home, id);
    return switchTo(backend, openProjectFile(project, storeOptions(backend)));
  },
} satisfies HandlerGroup<'project.saveCopy' | 'project.bundledWork' | 'backup.list' | 'backup.restore'>;
