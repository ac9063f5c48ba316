// The study project (Tellohosseini, Sanavifard & Eyvazi Heshmat, 2022): its codebook, readings,
// reported figures and facts from fixtures/study/study.json, and the four corpus articles of
// fixtures/example as sources ready to code. Used by project.openStudy and `groundwork study`.

import { applyMaturityDefaults } from './maturity/defaults';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GroundworkError } from '../../shared/api/errors';
import { createProjectFile, PROJECT_EXTENSION } from '../../db/connection';
import { writeStudy, type StudyData } from '../../db/study';
import type { BackendConfig } from './backend';
import { importFromPaths } from './import/paths';

export const STUDY_NAME = 'B2B marketing maturity model (Tellohosseini et al., 2022)';

/** fixtures/study/study.json beside the example sources. */
export const studyFixture = (config: Pick<BackendConfig, 'examplesDir'>) => path.join(path.dirname(config.examplesDir), 'study', 'study.json');

/** The corpus articles among the example sources: the Persian and Arabic ones (seeds 001–004). */
const corpusArticles = (examplesDir: string) =>
  fs
    .readdirSync(examplesDir)
    .filter((f) => /\((fa|ar)\)\.txt$/.test(f))
    .sort()
    .map((f) => path.join(examplesDir, f));

export function readStudyData(file: string): StudyData {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as StudyData;
  } catch (error) {
    throw new GroundworkError('not-found', `The study data ${file} cannot be read: ${(error as Error).message}`);
  }
}

/**
 * Writes the study project to `target` (which must not exist): built in a temporary file and moved
 * into place when complete. The project starts with an empty history: nothing to undo into.
 */
export async function buildStudyProject(config: Pick<BackendConfig, 'examplesDir'>, target: string): Promise<void> {
  const resolved = path.resolve(target);
  if (fs.existsSync(resolved)) throw new GroundworkError('conflict', `There is already a file at ${resolved}; the study project was not written.`);
  const data = readStudyData(studyFixture(config));
  const temp = path.join(os.tmpdir(), `groundwork-study-${process.pid}-${Date.now()}${PROJECT_EXTENSION}`);
  const project = createProjectFile(temp, STUDY_NAME);
  try {
    writeStudy(project.raw, data);
    // The study's eight maturity dimensions (its core-phenomenon row), mapped to its main categories.
    const { unresolved } = applyMaturityDefaults(project);
    if (unresolved.length > 0) throw new GroundworkError('bad-file', `The study's maturity defaults name unknown categories: ${unresolved.join(', ')}.`);
    const results = await importFromPaths(project, corpusArticles(config.examplesDir));
    const failed = results.filter((r) => r.status === 'failed');
    if (failed.length > 0) throw new GroundworkError('bad-file', failed.map((r) => r.message).join(' '));
    project.raw.transaction(() => {
      project.raw.exec('DELETE FROM command_change; DELETE FROM command;');
    })();
    project.raw.pragma('wal_checkpoint(TRUNCATE)');
    project.raw.close();
    fs.mkdirSync(path.dirname(resolved), { recursive: true });
    fs.copyFileSync(temp, `${resolved}.partial`);
    fs.renameSync(`${resolved}.partial`, resolved);
  } finally {
    if (project.raw.open) project.raw.close();
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(temp + suffix, { force: true });
  }
}
