// Handlers for the application and its projects: create, open (read-write, or read-only), the
// example project, close. Opening a project takes its daily backup in the background; starting a
// bundled project afresh keeps a copy of the old one first (electron/backend/backups.ts).

import fs from 'node:fs';
import path from 'node:path';
import { fail, GroundworkError } from '../../../shared/api/errors';
import { joined, say } from '../../../shared/domain/message';
import { createProjectFile, openProjectFile, PROJECT_EXTENSION } from '../../../db/sqlite/open';
import type { Store } from '../../../db/store';
import type { Backend } from '../backend';
import { keepCopyOfFile, takeDailyBackup } from '../backups';
import { importFromPaths } from '../import/paths';
import { buildProjectFile } from '../project-file';
import { listProjects, projectFileName, rememberProject } from '../recent';
import type { HandlerGroup } from './types';
import { useRememberedCoder } from './team';

export const EXAMPLE_NAME = 'Example project';

export async function switchTo(backend: Backend, store: Store) {
  await backend.open(store);
  await useRememberedCoder(backend, store);
  if (!backend.config.projects) rememberProject(backend.config.home, store.location);
  if (backend.config.dailyBackups && !backend.config.projects) {
    // In the background: the project answers at once; a failed backup is tried again next time.
    takeDailyBackup(backend.config.home, store).catch((error: unknown) => {
      if (backend.store === store) console.error(`[groundwork] no daily backup of ${store.location}: ${(error as Error).message}`);
    });
  }
  return store.info();
}

/** How this host opens project files: the app notices other programs' changes to them. */
export const storeOptions = (backend: Backend) => ({ watch: backend.config.watchProject ?? false });

/** Where a project that comes with Groundwork is kept. */
export const bundledFile = (backend: Backend, name: string) => path.join(backend.config.home, `${name}${PROJECT_EXTENSION}`);

/**
 * Opens a project that comes with Groundwork (the example, the study), kept in the home folder:
 * built first when it is missing or `fresh` is asked, into `NAME.new` and then moved into place,
 * so a failed build leaves the old file as it was. Started afresh, the old file is first kept
 * among the backups (as it was, whatever was done in it), so it can be restored.
 */
export async function openBundled(backend: Backend, name: string, fresh: boolean | undefined, build: (target: string) => Promise<void>) {
  const host = backend.config.projects;
  if (host) {
    if (fresh) await backend.close();
    return switchTo(backend, await host.openBundled(name, fresh ?? false, build));
  }
  const target = bundledFile(backend, name);
  if (backend.store?.location === target) {
    if (!fresh) return backend.store.info();
    await backend.close();
  }
  if (fresh || !fs.existsSync(target)) {
    fs.mkdirSync(backend.config.home, { recursive: true });
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${target}.new${suffix}`, { force: true });
    await build(`${target}.new`);
    try {
      if (fresh) await keepCopyOfFile(backend.config.home, target, 'before-fresh', { refuseIfOpen: true, skipIfNoWork: true });
    } catch (error) {
      for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${target}.new${suffix}`, { force: true });
      throw error;
    }
    for (const suffix of ['-wal', '-shm']) fs.rmSync(target + suffix, { force: true });
    fs.renameSync(`${target}.new`, target);
  }
  return switchTo(backend, openProjectFile(target, storeOptions(backend)));
}

const withExtension = (file: string) => (path.extname(file) ? file : `${file}${PROJECT_EXTENSION}`);

/** Builds the example project from the files in examplesDir (see buildProjectFile). */
export async function buildExampleProject(examplesDir: string, target: string): Promise<void> {
  const files = fs.readdirSync(examplesDir).filter((f) => !f.startsWith('.') && !f.endsWith('.json')).sort();
  if (files.length === 0) fail('not-found', 'No example sources in {path}.', { path: examplesDir });
  await buildProjectFile(target, EXAMPLE_NAME, async (store) => {
    const results = await importFromPaths(store, files.map((f) => path.join(examplesDir, f)));
    const failed = results.filter((r) => r.status === 'failed');
    if (failed.length > 0) throw new GroundworkError('bad-file', joined(failed.map((r) => r.said ?? say('{line}', { line: r.message }))));
  });
}

export const projectHandlers = {
  'app.info': (_input, backend) => ({
    version: backend.config.version,
    host: backend.config.host,
    home: backend.config.home,
  }),
  'project.current': (_input, backend) => (backend.store ? backend.store.info() : null),
  'project.list': async (_input, backend) =>
    backend.config.projects ? { recent: [], inHome: await backend.config.projects.list() } : listProjects(backend.config.home),
  'project.create': async ({ name, path: wanted }, backend) => {
    if (backend.config.projects) return switchTo(backend, await backend.config.projects.create(name));
    const file = path.resolve(wanted ? withExtension(wanted) : path.join(backend.config.home, projectFileName(name)));
    if (!wanted) fs.mkdirSync(backend.config.home, { recursive: true });
    return switchTo(backend, createProjectFile(file, name, storeOptions(backend)));
  },
  'project.open': async ({ path: file, readOnly }, backend) => {
    if (backend.config.projects) {
      if (backend.store?.location === file) return backend.store.info();
      return switchTo(backend, await backend.config.projects.open(file));
    }
    const target = path.resolve(file);
    if (backend.store?.location === target) {
      // Asked for the other mode: opened again in it.
      if (readOnly === undefined || readOnly === backend.store.readOnly) return backend.store.info();
      await backend.close();
    }
    return switchTo(backend, openProjectFile(target, { ...storeOptions(backend), readOnly: readOnly ? true : undefined }));
  },
  'project.openExample': ({ fresh }, backend) =>
    openBundled(backend, EXAMPLE_NAME, fresh, (target) => buildExampleProject(backend.config.examplesDir, target)),
  'project.close': async (_input, backend) => {
    await backend.close();
    return null;
  },
} satisfies HandlerGroup<
  'app.info' | 'project.current' | 'project.list' | 'project.create' | 'project.open' | 'project.openExample' | 'project.close'
>;
