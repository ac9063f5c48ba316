// Positions in REFI-QDA files: each writer counts in its own unit (its profile), and Groundwork
// stores UTF-16 offsets into its canonical text. Every position is carried through an exact map
// (units → the writer's string → canonical text); one that cannot be carried is reported with the
// reason, never moved to a neighbouring character.

import { canonicalizeText } from './text';
import { english, say, type Message } from './message';

export type PositionUnit = 'utf16' | 'codepoint';

/** How a writer counts `startPosition`/`endPosition` over its own plain text (BOM never counted). */
export interface PositionProfile {
  unit: PositionUnit;
  /** How many units a CR LF line end counts for. */
  crlf: 1 | 2;
}

export type PositionProfileId = 'utf16' | 'utf16-crlf1' | 'codepoint' | 'codepoint-crlf1';

export const POSITION_PROFILES: Record<PositionProfileId, PositionProfile> = {
  utf16: { unit: 'utf16', crlf: 2 },
  'utf16-crlf1': { unit: 'utf16', crlf: 1 },
  codepoint: { unit: 'codepoint', crlf: 2 },
  'codepoint-crlf1': { unit: 'codepoint', crlf: 1 },
};

const PROFILE_NAMES: Record<PositionProfileId, Message> = {
  utf16: say('UTF-16 code units, a CR LF counting 2'),
  'utf16-crlf1': say('UTF-16 code units, a CR LF counting 1'),
  codepoint: say('Unicode code points, a CR LF counting 2'),
  'codepoint-crlf1': say('Unicode code points, a CR LF counting 1'),
};

/** The unit a profile counts in, as a message names it. */
export const sayProfile = (id: PositionProfileId): Message => PROFILE_NAMES[id];
export const describeProfile = (id: PositionProfileId): string => english(PROFILE_NAMES[id]);

export type WriterFamily = 'nvivo' | 'atlasti' | 'maxqda' | 'other';

/**
 * The profile a writer uses, from the file's `origin` attribute (see ../shared/refi/README.md):
 * NVivo counts UTF-16 units with CR LF as 2; ATLAS.ti code points with CR LF as 1; MAXQDA code
 * points with each line break as 1; QualCoder, the standard and everyone else code points. A file
 * Groundwork wrote for NVivo says "NVivo" in its origin, so it reads back with NVivo's unit.
 */
export function profileForOrigin(origin: string | null | undefined): { family: WriterFamily; profile: PositionProfileId } {
  const o = origin ?? '';
  if (/nvivo/i.test(o)) return { family: 'nvivo', profile: 'utf16' };
  if (/atlas\.?\s*ti/i.test(o)) return { family: 'atlasti', profile: 'codepoint-crlf1' };
  if (/maxqda/i.test(o)) return { family: 'maxqda', profile: 'codepoint-crlf1' };
  return { family: 'other', profile: 'codepoint' };
}

export type PositionProblem = 'outside' | 'inside-surrogate-pair' | 'inside-combined-character' | 'not-a-number';

const PROBLEMS: Record<PositionProblem, Message> = {
  outside: say('falls outside its text'),
  'inside-surrogate-pair': say('falls inside a character written as a surrogate pair'),
  'inside-combined-character': say('falls inside a character that Unicode normalisation (NFC) combines'),
  'not-a-number': say('is not a whole number'),
};

export const sayProblem = (p: PositionProblem): Message => PROBLEMS[p];
export const describeProblem = (p: PositionProblem): string => english(PROBLEMS[p]);

/**
 * Piecewise map between two offset spaces: from `at[k]` on, `to = from + delta[k]`, except strictly
 * inside the `opaque` ranges (sorted, non-overlapping), whose interior has no image.
 */
interface Steps {
  at: number[];
  delta: number[];
}

function stepDelta(steps: Steps, x: number): number {
  let lo = 0;
  let hi = steps.at.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (steps.at[mid]! <= x) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found < 0 ? 0 : steps.delta[found]!;
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** Units of a profile ↔ UTF-16 indices of the same string. */
export interface UnitMap {
  /** Length of the text in the profile's units. */
  length: number;
  toIndex(unit: number): number | PositionProblem;
  /** The units before an index; the index must not split a counted pair. */
  toUnits(index: number): number;
}

export function unitMap(text: string, profile: PositionProfile): UnitMap {
  // Each surrogate pair (code points) and each CR LF (crlf 1) is two indices counted as one unit.
  const byUnit: Steps = { at: [], delta: [] };
  const byIndex: Steps = { at: [], delta: [] };
  let extra = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    const pair =
      (profile.unit === 'codepoint' && isHigh(c) && isLow(text.charCodeAt(i + 1))) ||
      (profile.crlf === 1 && c === 13 && text.charCodeAt(i + 1) === 10);
    if (!pair) continue;
    extra += 1;
    byIndex.at.push(i + 2);
    byIndex.delta.push(extra);
    byUnit.at.push(i + 2 - extra);
    byUnit.delta.push(extra);
    i += 1;
  }
  const length = text.length - extra;
  return {
    length,
    toIndex(unit) {
      if (!Number.isInteger(unit)) return 'not-a-number';
      if (unit < 0 || unit > length) return 'outside';
      const index = unit + stepDelta(byUnit, unit);
      if (profile.unit === 'utf16' && index > 0 && isHigh(text.charCodeAt(index - 1)) && isLow(text.charCodeAt(index))) {
        return 'inside-surrogate-pair';
      }
      return index;
    },
    toUnits(index) {
      return index - stepDelta(byIndex, index);
    },
  };
}

/** Control characters a source never keeps (as the source importer removes them). */
const CONTROL = /[\u0000-\u0008\u000B\u000E-\u001F\u007F]/g;
const isControl = (c: number) => c <= 8 || c === 11 || (c >= 14 && c <= 31) || c === 127;

/** The writer's string (BOM removed) → Groundwork's canonical text, offset by offset. */
export interface CanonicalMap {
  /** `canonicalizeText` of the writer's string with control characters removed. */
  text: string;
  toCanonical(index: number): number | PositionProblem;
}

/**
 * Builds the canonical text and the exact map to it: removed characters (a leading BOM, control
 * characters, the CR of a CR LF) shift what follows; NFC is applied per grapheme cluster of each
 * line that changes, so a cluster that NFC rewrites is one run whose inside has no image.
 */
export function canonicalMap(writerText: string): CanonicalMap {
  const removed: Steps = { at: [], delta: [] };
  let stage1 = '';
  let gone = 0;
  let bomGone = false;
  let from = 0;
  const flush = (i: number) => {
    stage1 += writerText.slice(from, i);
  };
  for (let i = 0; i < writerText.length; i += 1) {
    const c = writerText.charCodeAt(i);
    // canonicalizeText removes one BOM, at the start of what the control characters leave.
    let drop = isControl(c) || (c === 0xfeff && i === gone && !bomGone && (bomGone = true));
    if (c === 13) {
      // Control characters go first, so a CR, controls, LF is one line end, as in the importer.
      let next = i + 1;
      while (next < writerText.length && isControl(writerText.charCodeAt(next))) next += 1;
      drop = writerText.charCodeAt(next) === 10;
    }
    if (drop) {
      flush(i);
      from = i + 1;
      gone += 1;
      removed.at.push(i + 1);
      removed.delta.push(-gone);
    } else if (c === 13 || c === 0x2028 || c === 0x2029) {
      flush(i);
      stage1 += '\n';
      from = i + 1;
    }
  }
  flush(writerText.length);

  // NFC, per line; lines that NFC leaves alone (nearly all) cost one comparison.
  const runs: { start: number; end: number; canonicalEnd: number }[] = [];
  const nfcSteps: Steps = { at: [], delta: [] };
  let canonical = '';
  let shift = 0;
  let lineStart = 0;
  const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  while (lineStart <= stage1.length) {
    const newline = stage1.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? stage1.length : newline;
    const line = stage1.slice(lineStart, lineEnd);
    const nfc = line.normalize('NFC');
    if (nfc === line) canonical += line;
    else {
      const pieces = [...segmenter.segment(line)].map((s) => ({ at: s.index, raw: s.segment, nfc: s.segment.normalize('NFC') }));
      const byCluster = pieces.map((p) => p.nfc).join('') === nfc;
      for (const piece of byCluster ? pieces : [{ at: 0, raw: line, nfc }]) {
        canonical += piece.nfc;
        if (piece.nfc === piece.raw) continue;
        const start = lineStart + piece.at;
        const end = start + piece.raw.length;
        shift += piece.nfc.length - piece.raw.length;
        runs.push({ start, end, canonicalEnd: end + shift });
        nfcSteps.at.push(end);
        nfcSteps.delta.push(shift);
      }
    }
    if (newline === -1) break;
    canonical += '\n';
    lineStart = newline + 1;
  }
  const expected = canonicalizeText(writerText.replace(CONTROL, ''));
  if (canonical !== expected) throw new Error('canonicalMap: the mapped text differs from canonicalizeText (a bug)');

  const insideRun = (x: number) => {
    let lo = 0;
    let hi = runs.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const r = runs[mid]!;
      if (x <= r.start) hi = mid - 1;
      else if (x >= r.end) lo = mid + 1;
      else return true;
    }
    return false;
  };
  return {
    text: canonical,
    toCanonical(index) {
      if (!Number.isInteger(index)) return 'not-a-number';
      if (index < 0 || index > writerText.length) return 'outside';
      const s1 = index + stepDelta(removed, index);
      if (insideRun(s1)) return 'inside-combined-character';
      return s1 + stepDelta(nfcSteps, s1);
    },
  };
}

/** A writer's [start, end) in its units → canonical UTF-16 offsets, or the first problem. */
export function mapSelection(
  units: UnitMap,
  canon: CanonicalMap,
  start: number,
  end: number,
): { start: number; end: number } | { problem: PositionProblem; which: 'start' | 'end' | 'order' } {
  const s = units.toIndex(start);
  if (typeof s === 'string') return { problem: s, which: 'start' };
  const e = units.toIndex(end);
  if (typeof e === 'string') return { problem: e, which: 'end' };
  const cs = canon.toCanonical(s);
  if (typeof cs === 'string') return { problem: cs, which: 'start' };
  const ce = canon.toCanonical(e);
  if (typeof ce === 'string') return { problem: ce, which: 'end' };
  if (ce < cs) return { problem: 'outside', which: 'order' };
  return { start: cs, end: ce };
}

/**
 * For export: the text a file carries (LF, or CR LF for NVivo) and a map from canonical UTF-16
 * offsets to the positions written in the profile's units.
 */
export function exportPositions(canonical: string, profile: PositionProfile, lineEnd: '\n' | '\r\n') {
  const text = lineEnd === '\n' ? canonical : canonical.replace(/\n/g, '\r\n');
  const units = unitMap(text, profile);
  const lfBefore: number[] = [];
  if (lineEnd === '\r\n') for (let i = canonical.indexOf('\n'); i !== -1; i = canonical.indexOf('\n', i + 1)) lfBefore.push(i);
  const toFileIndex = (offset: number) => {
    // Each LF before the offset gained a CR.
    let lo = 0;
    let hi = lfBefore.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (lfBefore[mid]! < offset) lo = mid + 1;
      else hi = mid;
    }
    return offset + lo;
  };
  return { text, toUnits: (offset: number) => units.toUnits(toFileIndex(offset)) };
}
