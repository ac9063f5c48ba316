// RIS (Zotero, EndNote, Mendeley): the file is cut into records at their TY and ER lines, each
// record is checked line by line, and each good one is handed to citation-js on its own, so one
// broken record is reported without losing the others.

import type { ParsedEntry } from './entries';
import { attachmentName, firstLine, fromCsl, TooManyRecords, yearOf } from './entries';
import { toCsl } from './citation';
import { say, sayList, type Message } from '../../../shared/domain/message';

const TAG = /^([A-Z][A-Z0-9])  -(?: (.*))?$/;
const CONTINUED = new Set(['AB', 'N1', 'N2']);

interface Chunk {
  lines: { tag: string; value: string }[];
  problems: Message[];
}


function chunks(text: string): Chunk[] {
  const out: Chunk[] = [];
  let current: Chunk | null = null;
  let stray: Chunk | null = null;
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((raw, i) => {
    // trimEnd, not /\s+$/: the regex backtracks over every space of a long run (quadratic).
    const line = raw.trimEnd();
    if (!line.trim()) return;
    const m = TAG.exec(line.replace(/^\uFEFF/, ''));
    if (m?.[1] === 'TY') {
      if (current) {
        current.problems.push(say('it has no end line (ER) before the next record at line {line}', { line: i + 1 }));
        out.push(current);
      }
      if (stray) out.push(stray);
      stray = null;
      current = { lines: [{ tag: 'TY', value: m[2] ?? '' }], problems: [] };
      return;
    }
    if (!current) {
      if (!stray) stray = { lines: [], problems: [say('lines outside any record, starting at line {line} (no TY line opens it)', { line: i + 1 })] };
      if (m) stray.lines.push({ tag: m[1]!, value: m[2] ?? '' });
      if (m?.[1] === 'ER') {
        out.push(stray);
        stray = null;
      }
      return;
    }
    if (!m) {
      // Free-text fields (abstracts, notes) may run over several lines, as Zotero writes notes.
      const last = current.lines[current.lines.length - 1]!;
      if (CONTINUED.has(last.tag)) {
        last.value = `${last.value} ${line.trim()}`;
        return;
      }
      // A few reasons name the record's problem; a flood of bad lines is counted, not listed.
      if (current.problems.length < 3) current.problems.push(say('line {line} is not a RIS tag line ("{text}")', { line: i + 1, text: line.slice(0, 40) }));
      else if (current.problems.length === 3) current.problems.push(say('and more lines like it'));
      return;
    }
    if (m[1] === 'ER') {
      out.push(current);
      current = null;
      return;
    }
    current.lines.push({ tag: m[1]!, value: m[2] ?? '' });
  });
  if (current) {
    (current as Chunk).problems.push(say('the file ends before its end line (ER)'));
    out.push(current);
  }
  if (stray) out.push(stray);
  return out;
}

const TITLE_TAGS = ['TI', 'T1', 'CT', 'BT'];

export function looksLikeRis(text: string): boolean {
  // [ \t]*, not \s*: with /m, \s* would run over every following line from each line start.
  return /^[ \t]*TY  - /m.test(text.replace(/^\uFEFF/, ''));
}

export function parseRis(text: string, maxRecords = Infinity): ParsedEntry[] {
  if (!looksLikeRis(text)) return [];
  const records = chunks(text.replace(/^\uFEFF/, ''));
  if (records.length > maxRecords) throw new TooManyRecords(records.length);
  return records.map((chunk, i): ParsedEntry => {
    const index = i + 1;
    const get = (tags: string[]) => chunk.lines.find((l) => tags.includes(l.tag))?.value.trim() ?? '';
    const title = get(TITLE_TAGS);
    if (chunk.problems.length > 0) return { index, ok: false, title, message: sayList(chunk.problems) };
    if (!title) return { index, ok: false, title, message: say('it has no title (TI or T1 line)') };
    const body = [...chunk.lines.map((l) => `${l.tag}  - ${l.value}`), 'ER  - ', ''].join('\n');
    try {
      const [item] = toCsl(body);
      if (!item) return { index, ok: false, title, message: say('citation-js found no record in it') };
      const attachments = chunk.lines
        .filter((l) => l.tag === 'L1' || l.tag === 'L4' || (l.tag === 'UR' && /^file:/i.test(l.value)))
        .map((l) => attachmentName(l.value))
        .filter(Boolean);
      const year = yearOf(get(['PY', 'Y1']));
      return { index, ok: true, attributes: fromCsl(item, year), attachments };
    } catch (error) {
      return { index, ok: false, title, message: say('it cannot be read ({reason})', { reason: firstLine(error) }) };
    }
  });
}
