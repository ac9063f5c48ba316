// Backend timings through the web host's HTTP API: what a call costs as the renderer sees it
// (validation, handler, SQLite, JSON both ways and the local HTTP round trip).

import fs from 'node:fs';
import { paragraphOffsets, prng, randInt } from './corpus.mjs';
import { repeat, summarize } from './stats.mjs';

/** 5,000; GROUNDWORK_BENCH_SEGMENTS overrides it for a quick trial of the benchmark itself. */
export const SEGMENTS = Number(process.env.GROUNDWORK_BENCH_SEGMENTS) || 5_000;
export const CONCEPTS = 50;

const base64 = (file) => fs.readFileSync(file).toString('base64');

// The same edge characters the backend trims from a selection (shared/domain/range.ts).
const SPACE = /[\s\u200B\u200C\u200D\u200E\u200F\u2066-\u2069\uFEFF]/u;
function tighten(text, start, end) {
  while (start < end && SPACE.test(text[start])) start += 1;
  while (end > start && SPACE.test(text[end - 1])) end -= 1;
  return start < end ? { start, end } : null;
}

/**
 * `count` passages to code: random ranges of 5–200 characters inside one paragraph; 15 % overlap
 * the previous passage, about 5 % cross into the next paragraph. No two have the same concept and
 * range (the backend refuses such a twin).
 */
export function planSegments(text, count, conceptIds, seed) {
  const rng = prng(seed);
  const paragraphs = paragraphOffsets(text);
  const codable = paragraphs.map((p, index) => ({ ...p, index })).filter((p) => p.end - p.start >= 5);
  const seen = new Set();
  const plan = [];
  const kinds = { inside: 0, overlapping: 0, crossing: 0 };
  let previous = null;
  let guard = 0;
  while (plan.length < count) {
    if ((guard += 1) > count * 20) throw new Error('could not plan enough distinct segments');
    const roll = rng();
    let start;
    let end;
    let kind;
    let index;
    if (previous && roll < 0.15) {
      kind = 'overlapping';
      index = previous.index;
      const p = paragraphs[index];
      const until = Math.min(previous.end, p.end);
      if (until <= previous.start) continue;
      start = randInt(rng, previous.start, until - 1);
      end = Math.min(start + randInt(rng, 5, 200), p.end);
    } else if (roll < 0.2) {
      kind = 'crossing';
      index = randInt(rng, 0, paragraphs.length - 2);
      const p = paragraphs[index];
      const q = paragraphs[index + 1];
      if (p.end - p.start < 1 || q.end - q.start < 1) continue;
      start = p.end - randInt(rng, 1, Math.min(100, p.end - p.start));
      end = q.start + randInt(rng, 1, Math.min(100, q.end - q.start));
    } else {
      kind = 'inside';
      const p = codable[randInt(rng, 0, codable.length - 1)];
      index = p.index;
      const length = randInt(rng, 5, Math.min(200, p.end - p.start));
      start = randInt(rng, p.start, p.end - length);
      end = start + length;
    }
    const range = tighten(text, start, end);
    if (!range) continue;
    const conceptId = conceptIds[randInt(rng, 0, conceptIds.length - 1)];
    const key = `${conceptId}:${range.start}:${range.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    plan.push({ start, end, conceptId, kind });
    kinds[kind] += 1;
    previous = { ...range, index };
  }
  return { plan, kinds };
}

function fileSizes(projectPath) {
  const size = (file) => {
    try {
      return fs.statSync(file).size;
    } catch {
      return 0;
    }
  };
  const main = size(projectPath);
  const wal = size(`${projectPath}-wal`);
  return { file: main, wal, total: main + wal };
}

export async function benchBackend({ host, sources, log }) {
  const { timed } = host;
  const results = {};
  const big = sources.find((s) => s.key === '5mb');

  // project.create: three throwaway projects, the import scratch project and the real one.
  const creates = [];
  const create = async (name) => {
    const r = await timed('project.create', { name });
    creates.push(r.ms);
    return r.value;
  };
  for (let i = 1; i <= 3; i += 1) await create(`Bench throwaway ${i}`);

  // document.import: twice per size in a scratch project (undone in between, so the same text can
  // come in again), then once into the project the rest of the benchmark uses.
  log('importing the sources (3 runs each)…');
  await create('Bench import scratch');
  const imports = Object.fromEntries(sources.map((s) => [s.key, []]));
  const importUndos = Object.fromEntries(sources.map((s) => [s.key, []]));
  const payloads = Object.fromEntries(sources.map((s) => [s.key, [{ name: `${s.name}.txt`, dataBase64: base64(s.file) }]]));
  const importOne = async (source) => {
    const r = await timed('document.import', { files: payloads[source.key] });
    const [file] = r.value;
    if (file.status !== 'imported') throw new Error(`import of ${source.name}: ${file.status}: ${file.message}`);
    imports[source.key].push(r.ms);
    return file.document;
  };
  for (let run = 0; run < 2; run += 1) {
    for (const source of sources) {
      await importOne(source);
      importUndos[source.key].push((await timed('history.undo')).ms);
    }
  }
  const project = await create('Groundwork benchmark');
  const documents = {};
  for (const source of sources) documents[source.key] = await importOne(source);
  results['project.create'] = summarize(creates);
  for (const source of sources) {
    results[`document.import ${source.label}`] = summarize(imports[source.key]);
    results[`history.undo (import ${source.label})`] = summarize(importUndos[source.key]);
  }

  const bigId = documents['5mb'].id;
  const get = await repeat(5, () => timed('document.get', { id: bigId }));
  results[`document.get ${big.label}`] = { ...get, last: undefined, responseBytes: get.last.bytes };
  const text = get.last.value.text;
  if (text.length !== big.chars) log(`note: the stored text has ${text.length} characters, the file ${big.chars}`);

  // Concepts, then the codings.
  const conceptIds = [];
  const conceptTimes = [];
  for (let i = 1; i <= CONCEPTS; i += 1) {
    const r = await timed('concept.create', { label: i % 3 === 0 ? `concept ${i}` : `مفهوم ${i}` });
    conceptIds.push(r.value.id);
    conceptTimes.push(r.ms);
  }
  results['concept.create'] = summarize(conceptTimes);

  const { plan, kinds } = planSegments(text, SEGMENTS, conceptIds, 20_240_601);
  log(`coding ${SEGMENTS} segments on the ${big.label} source (${kinds.overlapping} overlapping the previous, ${kinds.crossing} crossing a paragraph end)…`);
  const codeTimes = [];
  const started = performance.now();
  for (const [i, s] of plan.entries()) {
    const r = await timed('segment.code', { documentId: bigId, start: s.start, end: s.end, conceptId: s.conceptId });
    codeTimes.push(r.ms);
    if ((i + 1) % 1000 === 0) log(`  ${i + 1} segments, ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  results['segment.code'] = {
    ...summarize(codeTimes),
    first500: summarize(codeTimes.slice(0, 500)).median,
    last500: summarize(codeTimes.slice(-500)).median,
    kinds,
  };

  // Axial coding: five main categories and one sub-category, 45 of the 50 concepts filed (one
  // in two categories of different components), four main categories placed in components.
  const categoryTimes = [];
  const category = async (name, parentId) => {
    const r = await timed('category.create', parentId ? { name, parentId } : { name });
    categoryTimes.push(r.ms);
    return r.value.id;
  };
  const mains = [];
  for (const name of ['شرایط علی', 'پدیده محوری', 'راهبردها', 'پیامدها', 'Unplaced']) mains.push(await category(name));
  const sub = await category('زیرمقوله راهبرد', mains[2]);
  const fileTimes = [];
  const groups = [
    [mains[0], conceptIds.slice(0, 9)],
    [mains[1], conceptIds.slice(9, 18)],
    [mains[2], conceptIds.slice(18, 24)],
    [sub, conceptIds.slice(24, 30)],
    [mains[3], conceptIds.slice(30, 39)],
    [mains[4], conceptIds.slice(39, 45)],
    [mains[3], [conceptIds[0]]], // a concept under two components
  ];
  for (const [categoryId, ids] of groups) fileTimes.push((await timed('category.fileConcepts', { categoryId, conceptIds: ids })).ms);
  const assignTimes = [];
  for (const [i, component] of ['causal', 'phenomenon', 'strategies', 'consequences'].entries()) {
    assignTimes.push((await timed('component.assign', { categoryId: mains[i], component })).ms);
  }
  results['category.create'] = summarize(categoryTimes);
  results['category.fileConcepts'] = summarize(fileTimes);
  results['component.assign'] = summarize(assignTimes);

  log('reading, counting and exporting…');
  const counts = await repeat(10, () => timed('counts.paradigm'));
  results['counts.paradigm'] = { ...counts, last: undefined, finalCodes: counts.last.value.totals.finalCodes };
  const forDoc = await repeat(5, () => timed('segment.forDocument', { documentId: bigId }));
  results['segment.forDocument'] = { ...forDoc, last: undefined, segments: forDoc.last.value.length, responseBytes: forDoc.last.bytes };
  const listAll = await repeat(3, () => timed('segment.list', { scope: { kind: 'all' } }));
  results['segment.list (all)'] = { ...listAll, last: undefined, responseBytes: listAll.last.bytes };
  const segCsv = await repeat(3, () => timed('export.segmentsCsv'));
  results['export.segmentsCsv'] = { ...segCsv, last: undefined, csvChars: segCsv.last.value.csv.length };
  const t8 = await repeat(3, () => timed('export.table8Csv'));
  results['export.table8Csv'] = { ...t8, last: undefined };
  // What the renderer's refresh() asks for after every change, besides counts and segments.
  for (const [method, input] of [
    ['codebook.get', {}],
    ['document.list', {}],
    ['history.get', {}],
  ]) {
    const r = await repeat(5, () => timed(method, input));
    results[method] = { ...r, last: undefined, responseBytes: r.last.bytes };
  }

  // Undo and redo of one coding (the last command), five times each.
  const extra = plan[0];
  await timed('segment.code', { documentId: bigId, start: extra.start, end: extra.end, conceptId: conceptIds.find((id) => id !== extra.conceptId) });
  const undos = [];
  const redos = [];
  for (let i = 0; i < 5; i += 1) {
    undos.push((await timed('history.undo')).ms);
    redos.push((await timed('history.redo')).ms);
  }
  results['history.undo (segment.code)'] = summarize(undos);
  results['history.redo (segment.code)'] = summarize(redos);

  results['project file (while open)'] = fileSizes(project.path);
  return {
    results,
    state: { projectPath: project.path, documents, bigText: text, conceptIds, segmentCount: SEGMENTS + 1 },
    fileSizes: () => fileSizes(project.path),
  };
}
