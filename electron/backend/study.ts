// The study project (Tellohosseini, Sanavifard & Eyvazi Heshmat, 2022): its codebook, readings,
// reported figures and facts from fixtures/study/study.json, and the four corpus articles of
// fixtures/example as sources ready to code. Used by project.openStudy and `groundwork study`.

import fs from 'node:fs';
import path from 'node:path';
import { fail, GroundworkError } from '../../shared/api/errors';
import { joined, say } from '../../shared/domain/message';
import { writeStudy, type StudyData } from '../../db/study';
import type { BackendConfig } from './backend';
import { importFromPaths } from './import/paths';
import { applyMaturityDefaults } from './maturity/defaults';
import { buildProjectFile } from './project-file';
import { insertBaseline } from '../../db/baselines';
import { analysisSources, insertWave } from '../../db/waves';
import { reportedSnapshot } from './evolution/snapshot';

export const STUDY_NAME = 'B2B marketing maturity model (Tellohosseini et al., 2022)';
/** The baseline of the published figures and the wave of the study's own sources. */
export const STUDY_BASELINE = 'Published study (Tellohosseini et al., 2022)';
export const STUDY_WAVE = 'Published study, 2013–2021';

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
    fail('not-found', 'The study data {path} cannot be read: {reason}', { path: file, reason: (error as Error).message });
  }
}

/** Writes the study project to `target` (which must not exist), with an empty history. */
export async function buildStudyProject(config: Pick<BackendConfig, 'examplesDir'>, target: string): Promise<void> {
  const data = readStudyData(studyFixture(config));
  await buildProjectFile(target, STUDY_NAME, async (store) => {
    await store.writeUnlogged((db) => writeStudy(db, data));
    // The study's eight maturity dimensions (its core-phenomenon row), mapped to its main categories.
    const { unresolved } = await applyMaturityDefaults(store);
    if (unresolved.length > 0) fail('bad-file', "The study's maturity defaults name unknown categories: {codes}.", { codes: unresolved.join(', ') });
    // The published codebook with the reported Table 8: what an extension is measured against.
    await store.writeUnlogged(async (db) => {
      const snapshot = await reportedSnapshot(db, data.source.citation);
      if (snapshot) await insertBaseline(db, STUDY_BASELINE, 'reported', JSON.stringify(snapshot));
    });
    const results = await importFromPaths(store, corpusArticles(config.examplesDir));
    const failed = results.filter((r) => r.status === 'failed');
    if (failed.length > 0) throw new GroundworkError('bad-file', joined(failed.map((r) => r.said ?? say('{line}', { line: r.message }))));
    // Its sources are the first wave: new literature imported later comes in other batches.
    const imported = new Set(results.flatMap((r) => (r.document ? [r.document.id as number] : [])));
    await store.writeUnlogged(async (db) => {
      const keys = (await analysisSources(db)).filter((s) => imported.has(s.id) && s.importBatch !== null).map((s) => s.importBatch!);
      await insertWave(db, STUDY_WAVE, { kind: 'batch', batches: [...new Set(keys)] });
    });
  });
}
