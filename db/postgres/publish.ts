// Moving projects between a project file and the server: publishing a .groundwork file makes a new
// server project holding exactly its rows, ids and history; exporting a server project writes a
// new .groundwork file the same way (db/transfer.ts). Either completes or leaves nothing behind.

import fs from 'node:fs';
import path from 'node:path';
import { fail, GroundworkError } from '../../shared/api/errors';
import { say } from '../../shared/domain/message';
import { createProjectFile, openProjectFile } from '../sqlite/open';
import { copyProject, type CopyReport } from '../transfer';
import type { PostgresServer, ProjectEntry } from './server';

/** A new server project copied from a project file (migrated to this version first, as opening it does). */
export async function publishProjectFile(server: PostgresServer, file: string, options: { name?: string } = {}): Promise<ProjectEntry & CopyReport> {
  const source = openProjectFile(file, { readOnly: true });
  let entry: ProjectEntry | null = null;
  try {
    const name = options.name ?? (await source.info()).name;
    entry = await server.createProject(name);
    const target = await server.openProject(entry.id);
    let report: CopyReport;
    try {
      report = await copyProject(source, target);
    } finally {
      await target.close();
    }
    // The registry names the project as its own row does (a name given here wins).
    if (options.name) await server.renameProject(entry.id, options.name);
    const published = await server.project(entry.id);
    entry = null;
    return { ...published, ...report };
  } finally {
    await source.close();
    if (entry) await server.deleteProject(entry.id).catch(() => undefined);
  }
}

/** A new project file (which must not exist yet) holding a copy of a server project. */
export async function exportProject(server: PostgresServer, id: number, file: string): Promise<CopyReport> {
  const target = path.resolve(file);
  if (fs.existsSync(target)) fail('conflict', 'There is already a file at {path}; nothing was written.', { path: target });
  const partial = `${target}.partial`;
  const source = await server.openProject(id, { readOnly: true });
  try {
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(partial + suffix, { force: true });
    const copy = createProjectFile(partial, (await source.info()).name);
    let report: CopyReport;
    try {
      report = await copyProject(source, copy);
    } finally {
      await copy.close();
    }
    fs.renameSync(partial, target);
    return report;
  } finally {
    await source.close();
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(partial + suffix, { force: true });
  }
}
