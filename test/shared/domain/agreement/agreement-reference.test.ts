// The agreement figures on generated data, checked against maintained implementations run here:
// scikit-learn's cohen_kappa_score and NLTK's AnnotationTask (alpha, kappa, S), from Debian's
// python3-sklearn and python3-nltk. The Python side builds the units from the passages itself.
// CI installs both packages, so a machine without them fails this test rather than skipping it.

import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { AgreementFigures, CodedPassage } from '../../../../shared/domain/agreement/levels';
import { intercoderAgreement } from '../../../../shared/domain/agreement/levels';
import { conceptId, documentId, segmentId } from '../../../../shared/domain/ids';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const INSTALL = 'apt-get install -y python3-sklearn python3-nltk';

/** The first python3 that has scikit-learn and NLTK (PYTHON may name one). */
function findPython(): string {
  const candidates = [process.env.PYTHON, '/usr/bin/python3', 'python3'].filter((c): c is string => !!c);
  for (const candidate of candidates) {
    const probe = spawnSync(candidate, ['-c', 'import sklearn, nltk'], { encoding: 'utf8' });
    if (probe.status === 0) return candidate;
  }
  throw new Error(`No python3 with scikit-learn and NLTK was found (tried ${candidates.join(', ')}). Install them: ${INSTALL}`);
}

/** mulberry32: a small seeded generator, so a failure can be replayed. */
function random(seed: number) {
  let t = seed >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

type Label = number | 'nothing';
interface Dataset {
  sources: number[];
  concepts: number[];
  a: CodedPassage[];
  b: CodedPassage[];
  expectedOverlapUnits: { a: Label; b: Label }[];
}

/**
 * Spots 1,000 characters apart in each source, each of one kind: both coders (B's passage trimmed by
 * at most 4 %, so the share stays ≥ 0.96), one coder only, the same spot with two concepts, or a near
 * miss (half the passage shifted: share 1/3). Some passages use a concept or a source not chosen.
 */
function generate(seed: number): Dataset {
  const rnd = random(seed);
  const int = (n: number) => Math.floor(rnd() * n);
  const nSources = 1 + int(6);
  const nConcepts = 1 + int(5);
  const sources = Array.from({ length: nSources }, (_, i) => i + 1);
  const concepts = Array.from({ length: nConcepts }, (_, i) => i + 1);
  const a: CodedPassage[] = [];
  const b: CodedPassage[] = [];
  const units: Dataset['expectedOverlapUnits'] = [];
  let id = 1;
  const push = (list: CodedPassage[], s: number, c: number, start: number, end: number) =>
    list.push({ id: segmentId(id++), documentId: documentId(s), conceptId: conceptId(c), start, end });
  for (const s of [...sources, 99]) {
    const spots = int(2 + 4 * (rnd() < 0.7 ? nConcepts : 1));
    for (let k = 0; k < spots; k += 1) {
      const start = k * 1000 + int(100);
      const length = 50 + int(350);
      const end = start + length;
      const c = 1 + int(nConcepts);
      const kind = rnd();
      const chosen = s !== 99;
      if (kind < 0.35) {
        const cut = Math.floor(length * 0.04 * rnd());
        const left = int(cut + 1);
        push(a, s, c, start, end);
        push(b, s, c, start + left, end - (cut - left));
        if (chosen) units.push({ a: c, b: c });
      } else if (kind < 0.55) {
        push(a, s, c, start, end);
        if (chosen) units.push({ a: c, b: 'nothing' });
      } else if (kind < 0.75) {
        push(b, s, c, start, end);
        if (chosen) units.push({ a: 'nothing', b: c });
      } else if (kind < 0.85 && nConcepts > 1) {
        const other = (c % nConcepts) + 1;
        push(a, s, c, start, end);
        push(b, s, other, start, end);
        if (chosen) units.push({ a: c, b: other });
      } else if (kind < 0.95) {
        const half = Math.floor(length / 2);
        push(a, s, c, start, end);
        push(b, s, c, start + half, end + half);
        if (chosen) units.push({ a: c, b: 'nothing' }, { a: 'nothing', b: c });
      } else {
        push(a, s, 42, start, end); // a concept not chosen: no unit
      }
    }
  }
  return { sources, concepts, a, b, expectedOverlapUnits: units };
}

interface Reference {
  units: number;
  agreements: number;
  percent: number | null;
  sklearnKappa: number | null;
  distinctLabels: number;
  nltkKappa?: number;
  nltkS?: number;
  nltkAlpha?: number;
  bpQ?: number | null;
}

function same(ours: number | null, theirs: number | null | undefined, what: string) {
  if (theirs === null || theirs === undefined) expect(ours, what).toBeNull();
  else expect(ours, what).toBeCloseTo(theirs, 10);
}

function compare(ours: AgreementFigures, ref: Reference, what: string, alpha: boolean) {
  expect(ours.units, `${what}: units`).toBe(ref.units);
  expect(ours.agreements, `${what}: agreements`).toBe(ref.agreements);
  same(ours.percent, ref.percent, `${what}: percent`);
  same(ours.cohenKappa.value, ref.sklearnKappa, `${what}: Cohen's κ against scikit-learn`);
  if (ref.nltkKappa !== undefined) same(ours.cohenKappa.value, ref.nltkKappa, `${what}: Cohen's κ against NLTK`);
  if (ours.categories === ref.distinctLabels && ref.nltkS !== undefined)
    same(ours.brennanPrediger.value, ref.nltkS, `${what}: Brennan & Prediger against NLTK's S`);
  if (alpha) {
    if (ref.distinctLabels > 1) same(ours.krippendorffAlpha!.value, ref.nltkAlpha, `${what}: α against NLTK`);
    else expect(ours.krippendorffAlpha!.value, `${what}: α with one value`).toBeNull();
  }
}

describe('agreement against scikit-learn and NLTK on generated data', () => {
  it('gives the same figures at every level, per concept and overall, for 40 generated projects', () => {
    const python = findPython();
    const datasets = Array.from({ length: 40 }, (_, i) => generate(1000 + i));
    const run = spawnSync(python, [path.join(HERE, 'reference.py')], {
      input: JSON.stringify(datasets),
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(run.status, run.stderr).toBe(0);
    const references = JSON.parse(run.stdout) as {
      presence: { overall: Reference; perConcept: Reference[] };
      frequency: { overall: Reference; perConcept: Reference[] };
      overlap: { overall: Reference };
    }[];
    let checkedBp = 0;
    let undefinedKappas = 0;
    datasets.forEach((d, i) => {
      const ours = intercoderAgreement({
        sources: d.sources.map(documentId),
        concepts: d.concepts.map(conceptId),
        a: d.a,
        b: d.b,
      });
      const ref = references[i]!;
      compare(ours.presence.overall, ref.presence.overall, `data ${i} presence`, true);
      compare(ours.frequency.overall, ref.frequency.overall, `data ${i} frequency`, false);
      ours.presence.perConcept.forEach((c, j) => compare(c, ref.presence.perConcept[j]!, `data ${i} presence c${j + 1}`, true));
      ours.frequency.perConcept.forEach((c, j) => compare(c, ref.frequency.perConcept[j]!, `data ${i} frequency c${j + 1}`, false));
      compare(ours.overlap.overall, ref.overlap.overall, `data ${i} overlap`, false);
      same(ours.overlap.overall.brennanPrediger.value, ref.overlap.overall.bpQ, `data ${i} overlap BP`);
      for (const r of [ref.presence.overall, ref.frequency.overall, ...ref.presence.perConcept, ...ref.frequency.perConcept])
        if (r.nltkS !== undefined) checkedBp += 1;
      undefinedKappas += ref.presence.perConcept.filter((r) => r.sklearnKappa === null).length;
    });
    // the generated data reach both the ordinary and the degenerate cases
    expect(checkedBp).toBeGreaterThan(100);
    expect(undefinedKappas).toBeGreaterThan(0);
  });
});
