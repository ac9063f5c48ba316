// Handlers for the application and its projects: create, open, the example project, close.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GroundworkError } from '../../../shared/api/errors';
import type { ProjectDb } from '../../../db/connection';
import { createProjectFile, openProjectFile, projectInfo, PROJECT_EXTENSION } from '../../../db/connection';
import type { Backend } from '../backend';
import { importFromPaths } from '../import/paths';
import { listProjects, projectFileName, rememberProject } from '../recent';
import type { HandlerGroup } from './types';

export const EXAMPLE_NAME = 'Example project';

function switchTo(backend: Backend, project: ProjectDb) {
  backend.close();
  backend.project = project;
  rememberProject(backend.config.home, project.path);
  return projectInfo(project);
}

/**
 * Opens a project that comes with Groundwork (the example, the study), kept in the home folder:
 * built first when it is missing or `fresh` is asked, into `NAME.new` and then moved into place,
 * so a failed build leaves the old file as it was.
 */
export async function openBundled(backend: Backend, name: string, fresh: boolean | undefined, build: (target: string) => Promise<void>) {
  const target = path.join(backend.config.home, `${name}${PROJECT_EXTENSION}`);
  if (backend.project?.path === target) {
    if (!fresh) return projectInfo(backend.project);
    backend.close();
  }
  if (fresh || !fs.existsSync(target)) {
    fs.mkdirSync(backend.config.home, { recursive: true });
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${target}.new${suffix}`, { force: true });
    await build(`${target}.new`);
    for (const suffix of ['-wal', '-shm']) fs.rmSync(target + suffix, { force: true });
    fs.renameSync(`${target}.new`, target);
  }
  return switchTo(backend, openProjectFile(target));
}

const withExtension = (file: string) => (path.extname(file) ? file : `${file}${PROJECT_EXTENSION}`);

/**
 * Builds the example project from the files in examplesDir: written to a temporary file first and
 * moved into place when complete, so a failure never leaves a half-made example behind.
 */
export async function buildExampleProject(examplesDir: string, target: string): Promise<void> {
  const files = fs.readdirSync(examplesDir).filter((f) => !f.startsWith('.') && !f.endsWith('.json')).sort();
  if (files.length === 0) throw new GroundworkError('not-found', `No example sources in ${examplesDir}.`);
  const temp = path.join(os.tmpdir(), `groundwork-example-${process.pid}-${Date.now()}${PROJECT_EXTENSION}`);
  const project = createProjectFile(temp, EXAMPLE_NAME);
  try {
    const results = await importFromPaths(project, files.map((f) => path.join(examplesDir, f)));
    const failed = results.filter((r) => r.status === 'failed');
    if (failed.length > 0) throw new GroundworkError('bad-file', failed.map((r) => r.message).join(' '));
    project.raw.close();
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(temp, target);
  } finally {
    if (project.raw.open) project.raw.close();
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(temp + suffix, { force: true });
  }
}

export const projectHandlers = {
  'app.info': (_input, backend) => ({
    version: backend.config.version,
    host: backend.config.host,
    home: backend.config.home,
  }),
  'project.current': (_input, backend) => (backend.project ? projectInfo(backend.project) : null),
  'project.list': (_input, backend) => listProjects(backend.config.home),
  'project.create': ({ name, path: wanted }, backend) => {
    const file = path.resolve(wanted ? withExtension(wanted) : path.join(backend.config.home, projectFileName(name)));
    if (!wanted) fs.mkdirSync(backend.config.home, { recursive: true });
    return switchTo(backend, createProjectFile(file, name));
  },
  'project.open': ({ path: file }, backend) => {
    const target = path.resolve(file);
    if (backend.project?.path === target) return projectInfo(backend.project);
    return switchTo(backend, openProjectFile(target));
  },
  'project.openExample': ({ fresh }, backend) =>
    openBundled(backend, EXAMPLE_NAME, fresh, (target) => buildExampleProject(backend.config.examplesDir, target)),
  'project.close': (_input, backend) => {
    backend.close();
    return null;
  },
} satisfies HandlerGroup<
  'app.info' | 'project.current' | 'project.list' | 'project.create' | 'project.open' | 'project.openExample' | 'project.close'
>;
