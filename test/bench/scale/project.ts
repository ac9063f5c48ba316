// The scale benchmark's projects, built through the Store and the repositories in one process
// (bundled by test/bench/scale.mjs and run with the project's Node):
//   build FILE                 2,000 generated sources imported by the importer, a codebook of
//                              2,000 concepts in 72 main categories, a maturity model, one search;
//   grow FILE N                adds segments of 60 characters in steps of 10,000 (one command
//                              each, so the largest undo step is 10,000 rows) until N exist;
//   latency FILE               segment.code through the backend in this process, with the file's
//                              synchronous=FULL and then with NORMAL (issue 10 item 5).
// Each prints one line of JSON with its figures.

import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { assignComponent, fileConcept, insertCategory, insertConcept } from '../../../db/codebook';
import { insertDimension, mapCategory } from '../../../db/maturity';
import { insertSegment } from '../../../db/segments';
import { createProjectFile, openProjectFile } from '../../../db/sqlite/open';
import { sqliteStore } from '../../../db/sqlite/store';
import type { Store } from '../../../db/store';
import { createClient } from '../../../shared/api/client';
import { COMPONENT_KEYS } from '../../../shared/domain/paradigm';
import { contextAround, tightenRange } from '../../../shared/domain/range';
import type { CategoryId, ConceptId, DocumentId } from '../../../shared/domain/ids';
import { createBackend } from '../../../electron/backend/backend';
import { localTransport } from '../../../electron/backend/dispatcher';
import { importSources } from '../../../electron/backend/import/index';
import { generateScaleCorpus, prng, randInt } from '../scale-corpus.mjs';

// Run from the repository root (the bundle itself lives in node_modules/.cache).
const REPO = process.cwd();
const EXAMPLES = path.join(REPO, 'fixtures/example');
export const CONCEPTS = 2_000;
export const STEP = 10_000;
export const SEGMENT_LENGTH = 60;

const color = (i: number) => `#${((i * 2_654_435_761) >>> 8).toString(16).padStart(6, '0').slice(0, 6)}`;
const bytesOnDisk = (file: string) => [file, `${file}-wal`].reduce((sum, f) => sum + (fs.existsSync(f) ? fs.statSync(f).size : 0), 0);

async function build(file: string) {
  const corpus = generateScaleCorpus(EXAMPLES);
  const store = createProjectFile(file, 'Scale benchmark');
  const started = performance.now();
  for (let i = 0; i < corpus.files.length; i += 100) {
    const batch = corpus.files.slice(i, i + 100).map((f) => ({ name: f.name, bytes: Buffer.from(f.text, 'utf8') }));
    const results = await importSources(store, batch, { batch: 'scale' });
    const failed = results.find((r) => r.status !== 'imported');
    if (failed) throw new Error(`import: ${failed.message}`);
  }
  const importMs = performance.now() - started;

  // The codebook: 6 components × 10 main categories (+ 12 in none), each with two sub-categories;
  // every concept filed once, one in twenty filed a second time elsewhere.
  const rng = prng(77);
  await store.write({ kind: 'codebook.generate', label: 'Generated codebook' }, async (db) => {
    const mains: CategoryId[] = [];
    const leaves: CategoryId[] = [];
    for (let m = 0; m < 72; m += 1) {
      const main = await insertCategory(db, { name: `مقوله اصلی ${m + 1}`, color: color(m), parentId: null });
      if (m < 60) await assignComponent(db, main, COMPONENT_KEYS[m % COMPONENT_KEYS.length]!);
      mains.push(main);
      leaves.push(main);
      for (let s = 0; s < 2; s += 1) leaves.push(await insertCategory(db, { name: `زیرمقوله ${m + 1}.${s + 1}`, color: color(m * 3 + s), parentId: main }));
    }
    for (let c = 0; c < CONCEPTS; c += 1) {
      const id = await insertConcept(db, { label: c % 3 === 0 ? `concept ${c + 1}` : `مفهوم ${c + 1}`, color: color(c + 100), inVivo: false });
      await fileConcept(db, leaves[randInt(rng, 0, leaves.length - 1)]!, id);
      if (rng() < 0.05) await fileConcept(db, leaves[randInt(rng, 0, leaves.length - 1)]!, id);
    }
    for (let d = 0; d < 8; d += 1) {
      const dimension = await insertDimension(db, { labelFa: `بعد ${d + 1}`, labelEn: `Dimension ${d + 1}` });
      for (let k = 0; k < 3; k += 1) await mapCategory(db, dimension, mains[(d * 7 + k * 11) % 60]!, true);
    }
  });

  // One search, as a researcher would run one after importing (and as the index is built on it).
  const backend = createBackend({ host: 'test', version: 'bench', home: path.dirname(file), examplesDir: EXAMPLES });
  await backend.open(store);
  const api = createClient(localTransport(backend));
  const searchStarted = performance.now();
  await api.call('search.query', { query: 'بازاریابی' });
  const firstSearchMs = performance.now() - searchStarted;
  await backend.close();
  return { sources: corpus.files.length, textBytes: corpus.bytes, importMs, firstSearchMs, fileBytes: bytesOnDisk(file) };
}

async function grow(file: string, target: number) {
  const store = openProjectFile(file);
  try {
    const docs = await store.read((db) => db.all<{ id: number; sha256: string }>('SELECT id, sha256 FROM document ORDER BY id'));
    const texts = new Map<number, string>();
    await store.read(async (db) => {
      for (const d of docs) texts.set(d.id, (await db.get<{ text: string }>('SELECT text FROM source_text WHERE sha256 = ?', d.sha256))!.text);
    });
    const concepts = (await store.read((db) => db.all<{ id: number }>('SELECT id FROM concept ORDER BY id'))).map((r) => r.id as ConceptId);
    let have = Number((await store.read((db) => db.get<{ n: number }>('SELECT count(*) AS n FROM segment')))!.n);
    const rng = prng(1_000_003 + have);
    const started = performance.now();
    let steps = 0;
    while (have < target) {
      const n = Math.min(STEP, target - have);
      await store.write({ kind: 'segment.generate', label: `Generated ${n} segments` }, async (db) => {
        let written = 0;
        while (written < n) {
          const doc = docs[randInt(rng, 0, docs.length - 1)]!;
          const text = texts.get(doc.id)!;
          const start = randInt(rng, 0, Math.max(0, text.length - SEGMENT_LENGTH - 1));
          const range = tightenRange(text, { start, end: Math.min(text.length, start + SEGMENT_LENGTH) });
          if (!range) continue;
          const conceptId = concepts[randInt(rng, 0, concepts.length - 1)]!;
          const twin = await db.get('SELECT 1 AS one FROM segment WHERE document_id = ? AND concept_id = ? AND start_offset = ? AND end_offset = ?', doc.id, conceptId, range.start, range.end);
          if (twin) continue;
          const context = contextAround(text, range);
          await insertSegment(db, {
            documentId: doc.id as DocumentId,
            conceptId,
            ...range,
            text: text.slice(range.start, range.end),
            contextBefore: context.before,
            contextAfter: context.after,
          });
          written += 1;
        }
      });
      have += n;
      steps += 1;
    }
    return { segments: have, steps, ms: performance.now() - started };
  } finally {
    await store.close();
  }
}

/** segment.code through the dispatcher in this process: the backend's own cost, without HTTP. */
async function codingLatency(store: Store, file: string, runs: number, seed: number) {
  const backend = createBackend({ host: 'test', version: 'bench', home: path.dirname(file), examplesDir: EXAMPLES });
  await backend.open(store);
  const api = createClient(localTransport(backend));
  const docs = await api.call('document.list', {});
  const concept = await api.call('concept.create', { label: `latency ${seed}` });
  const rng = prng(seed);
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const doc = docs[randInt(rng, 0, docs.length - 1)]!;
    const start = randInt(rng, 0, doc.length - SEGMENT_LENGTH - 1);
    const t = performance.now();
    try {
      await api.call('segment.code', { documentId: doc.id, start, end: start + SEGMENT_LENGTH, conceptId: concept.id });
    } catch {
      continue; // a selection of spaces only: not timed
    }
    times.push(performance.now() - t);
  }
  await backend.close();
  return times;
}

async function latency(file: string) {
  const full = await codingLatency(openProjectFile(file), file, 300, 11);
  // The same store with synchronous=NORMAL: opened the way open.ts does, but for that one pragma.
  const raw = new Database(file, { fileMustExist: true });
  raw.pragma('journal_mode = WAL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 50');
  raw.pragma('synchronous = NORMAL');
  const normal = await codingLatency(sqliteStore(raw, file), file, 300, 12);
  return { full, normal };
}

async function main() {
  const [command, file, arg] = process.argv.slice(2);
  if (!file) throw new Error('usage: project.mjs build|grow|latency FILE [N]');
  let result: unknown;
  if (command === 'build') result = await build(file);
  else if (command === 'grow') result = await grow(file, Number(arg));
  else if (command === 'latency') result = await latency(file);
  else throw new Error(`unknown command ${command}`);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error((error as Error).stack ?? String(error));
    process.exit(1);
  },
);
