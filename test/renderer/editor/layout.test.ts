import { describe, expect, it } from 'vitest';
import {
  CHUNK_SIZE,
  chunkOfParagraph,
  chunkParagraphs,
  layoutParagraph,
  runStyle,
  segmentsIn,
  stripeShadow,
} from '../../../renderer/editor/layout';
import { conceptId, documentId, segmentId } from '../../../shared/domain/ids';
import type { Segment } from '../../../shared/domain/model';
import { splitParagraphs, type Paragraph } from '../../../shared/domain/text';

const seg = (id: number, start: number, end: number, concept = id): Segment => ({
  id: segmentId(id),
  documentId: documentId(1),
  conceptId: conceptId(concept),
  start,
  end,
  text: '',
  contextBefore: '',
  contextAfter: '',
  memo: '',
  createdAt: '',
});

const byStart = (list: Segment[]) => [...list].sort((a, b) => a.start - b.start);
const longestOf = (list: Segment[]) => list.reduce((m, s) => Math.max(m, s.end - s.start), 0);
const ids = (list: Segment[]) => list.map((s) => s.id as number).sort((a, b) => a - b);

/** The x offsets of an inset box-shadow list, in order. */
const xOffsets = (shadow: string) => [...shadow.matchAll(/inset (-?\d+)px/g)].map((m) => Number(m[1]));

describe('chunks of paragraphs', () => {
  const text = Array.from({ length: 45 }, (_, i) => `line ${i}`).join('\n');
  const paragraphs = splitParagraphs(text);

  it('groups paragraphs in chunks of twenty, the last one shorter, in order and without gaps', () => {
    const chunks = chunkParagraphs(paragraphs);
    expect(CHUNK_SIZE).toBe(20);
    expect(chunks.map((c) => c.paragraphs.length)).toEqual([20, 20, 5]);
    expect(chunks.map((c) => c.index)).toEqual([0, 1, 2]);
    expect(chunks.flatMap((c) => c.paragraphs)).toEqual(paragraphs);
  });

  it('spans each chunk from its first paragraph start to its last paragraph end', () => {
    const chunks = chunkParagraphs(paragraphs, 10);
    for (const c of chunks) {
      expect(c.start).toBe(c.paragraphs[0]!.start);
      expect(c.end).toBe(c.paragraphs.at(-1)!.end);
    }
    expect(text.slice(chunks[1]!.start, chunks[1]!.end).split('\n')).toEqual(
      Array.from({ length: 10 }, (_, i) => `line ${10 + i}`),
    );
    expect(chunks.at(-1)!.end).toBe(text.length);
  });

  it('finds the chunk of a paragraph by its index', () => {
    const chunks = chunkParagraphs(paragraphs);
    for (const p of paragraphs) expect(chunks[chunkOfParagraph(p.index)]!.paragraphs).toContain(p);
  });

  it('has no chunks for no paragraphs', () => {
    expect(chunkParagraphs([])).toEqual([]);
  });
});

describe('segments in a window', () => {
  it('finds the segments overlapping a window, not those merely touching it', () => {
    const list = byStart([seg(1, 0, 10), seg(2, 10, 20), seg(3, 15, 25), seg(4, 20, 30), seg(5, 30, 40)]);
    expect(ids(segmentsIn(list, 10, 20, longestOf(list)))).toEqual([2, 3]);
    expect(ids(segmentsIn(list, 19, 21, longestOf(list)))).toEqual([2, 3, 4]);
    expect(segmentsIn(list, 40, 50, longestOf(list))).toEqual([]);
  });

  it('finds a long segment that starts far before the window, among many short ones', () => {
    const short = Array.from({ length: 500 }, (_, i) => seg(i + 1, i * 10, i * 10 + 3));
    const long = seg(9999, 5, 4000);
    const list = byStart([...short, long]);
    const found = segmentsIn(list, 3000, 3010, longestOf(list));
    expect(ids(found)).toEqual([301, 9999]);
  });

  it('agrees with checking every segment, for random segments and windows', () => {
    let s = 7;
    const next = (below: number) => {
      s = (Math.imul(s, 1103515245) + 12345) >>> 0;
      return (s >>> 8) % below;
    };
    for (let round = 0; round < 100; round += 1) {
      const list = byStart(
        Array.from({ length: 1 + next(60) }, (_, i) => {
          const start = next(1000);
          return seg(i + 1, start, start + 1 + (next(10) === 0 ? next(600) : next(20)));
        }),
      );
      const start = next(1000);
      const end = start + 1 + next(100);
      const expected = list.filter((x) => x.end > start && x.start < end);
      expect(ids(segmentsIn(list, start, end, longestOf(list)))).toEqual(ids(expected));
    }
  });
});

describe('highlight of a run', () => {
  it('is nothing for an uncoded run', () => {
    expect(runStyle([])).toBe('');
  });

  it('is a translucent background of the one concept colour', () => {
    expect(runStyle(['#ff0000'])).toBe('background-color: rgba(255, 0, 0, 0.3)');
    expect(runStyle(['#ff0000', '#ff0000'])).toBe(runStyle(['#ff0000']));
  });

  it('shows a second and third colour as bars along the bottom, and no more', () => {
    expect(runStyle(['#ff0000', '#00ff00'])).toBe('background-color: rgba(255, 0, 0, 0.4); box-shadow: inset 0 -3px 0 0 #00ff00');
    const four = runStyle(['#ff0000', '#00ff00', '#0000ff', '#123456']);
    expect(four).toBe('background-color: rgba(255, 0, 0, 0.4); box-shadow: inset 0 -3px 0 0 #00ff00, inset 0 -6px 0 0 #0000ff');
    expect(four).not.toContain('#123456');
  });
});

describe('margin stripes of a paragraph', () => {
  it('stand on the left of a left-to-right paragraph', () => {
    expect(stripeShadow(['#111111', '#222222'], 'ltr')).toBe('inset 4px 0 0 0 #111111, inset 8px 0 0 0 #222222');
  });

  it('stand on the right of a right-to-left paragraph: negative x offsets', () => {
    const stripes = stripeShadow(['#111111', '#222222', '#333333'], 'rtl');
    expect(xOffsets(stripes)).toEqual([-4, -8, -12]);
  });

  it('show each colour once and at most four', () => {
    const stripes = stripeShadow(['#111111', '#111111', '#222222', '#333333', '#444444', '#555555'], 'ltr');
    expect(xOffsets(stripes)).toEqual([4, 8, 12, 16]);
    expect(stripes).not.toContain('#555555');
    expect(stripeShadow([], 'rtl')).toBe('');
  });
});

describe('layout of one paragraph', () => {
  const text = 'مقدمه\nبازاریابی مبتنی بر حساب برای B2B است\nend';
  const paragraph: Paragraph = splitParagraphs(text)[1]!;
  const colors: Record<number, string> = { 1: '#aa0000', 2: '#00bb00', 3: '#0000cc', 4: '#dddd00' };
  const colorOf = (s: Segment) => colors[s.conceptId as number]!;
  const phrase = (p: string) => {
    const at = text.indexOf(p);
    return [at, at + p.length] as const;
  };

  it('cuts the paragraph into runs that cover it, each with the segments over it and their colours', () => {
    const whole = seg(1, ...phrase('بازاریابی مبتنی بر حساب'));
    const inner = seg(2, ...phrase('مبتنی بر'));
    const outside = seg(3, 0, 5); // in the first line only
    const crossing = seg(4, paragraph.end - 3, text.length); // runs on into the next line
    const layout = layoutParagraph(paragraph, [outside, whole, inner, crossing], colorOf);
    expect(layout.paragraph).toBe(paragraph);
    expect(layout.runs[0]!.start).toBe(paragraph.start);
    expect(layout.runs.at(-1)!.end).toBe(paragraph.end);
    expect(layout.runs.map((r) => text.slice(r.start, r.end)).join('')).toBe(text.slice(paragraph.start, paragraph.end));
    const run = (p: string) => layout.runs.find((r) => text.slice(r.start, r.end) === p);
    expect(run('مبتنی بر')).toMatchObject({ segments: '2,1', style: runStyle(['#00bb00', '#aa0000']) });
    expect(run('بازاریابی ')).toMatchObject({ segments: '1', style: runStyle(['#aa0000']) });
    expect(run('است')).toMatchObject({ segments: '4', style: runStyle(['#dddd00']) });
    expect(layout.runs.some((r) => r.segments.split(',').includes('3'))).toBe(false);
    // Stripes for the three concepts coded here, in order of position, on the right (RTL).
    expect(paragraph.dir).toBe('rtl');
    expect(layout.stripes).toBe(stripeShadow(['#aa0000', '#00bb00', '#dddd00'], 'rtl'));
    expect(xOffsets(layout.stripes).every((x) => x < 0)).toBe(true);
  });

  it('is one plain run without stripes when nothing is coded in the paragraph', () => {
    const layout = layoutParagraph(paragraph, [seg(3, 0, 5)], colorOf);
    expect(layout.runs).toEqual([{ start: paragraph.start, end: paragraph.end, segments: '', style: '' }]);
    expect(layout.stripes).toBe('');
  });
});
