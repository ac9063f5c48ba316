// The PRISMA 2020 flow diagram (Page et al., 2021) for a review's records as a scene: stages
// Identification, Screening and Included down the side, the records' path down the main column,
// exclusions in side boxes. A figure a study does not report (null) is drawn as "not reported",
// never as a number. Pure: labels arrive translated, widths come from the measure.

import type { PrismaFigures } from '../../shared/domain/prisma';
import { mirror, type Point, type Scene, type Shape } from './scene';
import { textDirection, wrapText, type Font, type Measure } from './text-layout';

export interface PrismaLabels {
  title: string;
  identification: string;
  screening: string;
  included: string;
  identified: string;
  removedBeforeScreening: string;
  duplicates: string;
  screened: string;
  excludedAtScreening: string;
  assessed: string;
  excludedAtEligibility: string;
  studiesIncluded: string;
  awaiting: string;
  notReported: string;
  /** "(n = {n})" */
  count: (n: number) => string;
}

const TEXT = '#1f2328';
const MUTED = '#6b6f76';
const STAGE = '#cfe0f1';
const STAGE_TEXT = '#1d3f63';
const HEADER = '#f6d57a';
const LINE = '#3d444d';

const F: Font = { size: 13 };
const F_NR: Font = { size: 13, italic: true };
const F_STAGE: Font = { size: 14, weight: 650 };
const F_HEAD: Font = { size: 14, weight: 650 };
const LH = 18;
const PAD = 10;
const MARGIN = 20;
const STAGE_W = 34;
const MAIN_W = 280;
const SIDE_W = 280;
const GAP_X = 56;
const GAP_Y = 34;

type Line = { text: string; font: Font; fill: string; testId?: string };

interface Block {
  lines: Line[];
  dashed?: boolean;
}

export function layoutPrisma(figures: PrismaFigures, labels: PrismaLabels, measure: Measure, options: { rtl?: boolean } = {}): Scene {
  const wrap = (text: string, width: number, font: Font, fill: string, testId?: string): Line[] =>
    wrapText(text, width - 2 * PAD, font, measure).map((t) => ({ text: t, font, fill, testId }));
  const figure = (n: number | null, width: number, testId: string): Line[] =>
    n === null ? wrap(labels.notReported, width, F_NR, MUTED, `${testId}-not-reported`) : wrap(labels.count(n), width, F, TEXT, testId);
  const block = (title: string, n: number | null, width: number, testId: string): Block => ({
    lines: [...wrap(title, width, F, TEXT), ...figure(n, width, testId)],
  });

  const reasons: Line[] =
    figures.excludedAtEligibility === null
      ? wrap(labels.notReported, SIDE_W, F_NR, MUTED, 'prisma-excluded-eligibility-not-reported')
      : figures.excludedAtEligibility.length === 0
        ? wrap(labels.count(0), SIDE_W, F, TEXT, 'prisma-excluded-eligibility')
        : figures.excludedAtEligibility.flatMap((r) => wrap(`${r.reason} ${labels.count(r.count)}`, SIDE_W, F, TEXT, 'prisma-excluded-reason'));

  const rows: { main: Block; side?: Block }[] = [
    {
      main: block(labels.identified, figures.identified, MAIN_W, 'prisma-identified'),
      side: { lines: [...wrap(labels.removedBeforeScreening, SIDE_W, F, TEXT), ...block(labels.duplicates, figures.duplicatesRemoved, SIDE_W, 'prisma-duplicates').lines] },
    },
    { main: block(labels.screened, figures.screened, MAIN_W, 'prisma-screened'), side: block(labels.excludedAtScreening, figures.excludedAtScreening, SIDE_W, 'prisma-excluded-screening') },
    {
      main: block(labels.assessed, figures.assessedForEligibility, MAIN_W, 'prisma-assessed'),
      side: { lines: [...wrap(labels.excludedAtEligibility, SIDE_W, F, TEXT), ...reasons] },
    },
    {
      main: block(labels.studiesIncluded, figures.included, MAIN_W, 'prisma-included'),
      side: figures.awaiting !== undefined ? { ...block(labels.awaiting, figures.awaiting, SIDE_W, 'prisma-awaiting'), dashed: true } : undefined,
    },
  ];

  const shapes: Shape[] = [];
  const mainX = MARGIN + STAGE_W + 16;
  const sideX = mainX + MAIN_W + GAP_X;
  const totalWidth = sideX + SIDE_W + MARGIN;
  const put = (line: Line, x: number, y: number, align: 'left' | 'center'): Extract<Shape, { kind: 'text' }> => ({
    kind: 'text',
    x,
    y,
    text: line.text,
    align,
    dir: textDirection(line.text),
    size: line.font.size,
    weight: line.font.weight,
    italic: line.font.italic,
    fill: line.fill,
    testId: line.testId,
  });

  // Header across the main and side columns.
  let y = MARGIN;
  const headLines = wrap(labels.title, totalWidth - mainX - MARGIN, F_HEAD, TEXT);
  const headH = headLines.length * LH + 2 * PAD;
  shapes.push({ kind: 'rect', x: mainX, y, w: totalWidth - mainX - MARGIN, h: headH, rx: 8, fill: HEADER });
  headLines.forEach((l, i) => shapes.push(put(l, (mainX + totalWidth - MARGIN) / 2, y + PAD + (i + 1) * LH - 5, 'center')));
  y += headH + GAP_Y * 0.6;

  const boxHeight = (b: Block) => b.lines.length * LH + 2 * PAD;
  const drawBox = (b: Block, x: number, top: number, w: number, h: number) => {
    shapes.push({ kind: 'rect', x, y: top, w, h, rx: 4, fill: '#ffffff', stroke: LINE, strokeWidth: 1.2, dash: b.dashed ? '5 4' : undefined });
    const textTop = top + (h - b.lines.length * LH) / 2;
    b.lines.forEach((l, i) => shapes.push(put(l, x + w / 2, textTop + (i + 1) * LH - 5, 'center')));
  };

  // A stage bar must be tall enough for its label, written down it.
  const stageNeed = (label: string) => measure(label, F_STAGE) + 24;
  const minRow = [stageNeed(labels.identification), stageNeed(labels.screening) / 2, stageNeed(labels.screening) / 2, stageNeed(labels.included)];
  const rowSpans: [number, number][] = [];
  let previousBottom: number | null = null;
  for (const [i, row] of rows.entries()) {
    const h = Math.max(boxHeight(row.main), row.side ? boxHeight(row.side) : 0, minRow[i]!);
    drawBox(row.main, mainX, y, MAIN_W, h);
    if (row.side) {
      drawBox(row.side, sideX, y, SIDE_W, h);
      shapes.push({ kind: 'line', points: [[mainX + MAIN_W, y + h / 2], [sideX, y + h / 2]], stroke: LINE, width: 1.4, arrow: !row.side.dashed, dash: row.side.dashed ? '4 3' : undefined });
    }
    if (previousBottom !== null) {
      const x = mainX + MAIN_W / 2;
      shapes.push({ kind: 'line', points: [[x, previousBottom], [x, y]] as Point[], stroke: LINE, width: 1.4, arrow: true });
    }
    rowSpans.push([y, y + h]);
    previousBottom = y + h;
    y += h + GAP_Y;
  }

  // Stage bars down the side: Identification (row 1), Screening (rows 2–3), Included (row 4).
  const stage = (label: string, from: number, to: number) => {
    const top = rowSpans[from]![0];
    const bottom = rowSpans[to]![1];
    shapes.push({ kind: 'rect', x: MARGIN, y: top, w: STAGE_W, h: bottom - top, rx: 8, fill: STAGE });
    shapes.push({ ...put({ text: label, font: F_STAGE, fill: STAGE_TEXT }, MARGIN + STAGE_W / 2 + 5, (top + bottom) / 2, 'center'), vertical: true });
  };
  stage(labels.identification, 0, 0);
  stage(labels.screening, 1, 2);
  stage(labels.included, 3, 3);

  const scene: Scene = { width: totalWidth, height: y - GAP_Y + MARGIN, title: labels.title, shapes };
  return options.rtl ? mirror(scene) : scene;
}
