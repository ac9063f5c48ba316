// The paradigm model (Strauss & Corbin; the study's Figure 5) as a scene: causal conditions →
// core phenomenon → strategies → consequences from left to right, context above and intervening
// conditions below the strategies with arrows into them. Every box lists its main categories
// with their concept and final-code counts; boxes grow with their lists. Pure: text widths come
// from the given measure, all labels arrive translated.

import type { ComponentKey } from '../../shared/domain/paradigm';
import { num } from '../i18n/t';
import { mirror, type Point, type Scene, type Shape } from './scene';
import { textDirection, widestWord, wrapText, type Font, type Measure } from './text-layout';

export interface ParadigmCategory {
  id?: number;
  name: string;
  color: string;
  concepts: number;
  finalCodes: number;
  /** What changed (the change view): a new main category, or one that grew; `change` says by how much. */
  mark?: 'new' | 'grown';
  change?: string;
}

export interface ParadigmBox {
  title: string;
  /** e.g. "2 main categories · 5 concepts · 14 final codes" */
  figures: string;
  categories: ParadigmCategory[];
  /** Shown when the component has no main category. */
  empty: string;
  /** What changed in the component's figures (the change view), e.g. "+1 concept · +3 final codes". */
  change?: string;
}

export interface ParadigmInput {
  title: string;
  /** One line under the title saying what the figures are. */
  legend: string;
  boxes: Record<ComponentKey, ParadigmBox>;
  /** A line under the legend saying what the marks mean (the change view). */
  marksLegend?: string;
}

/** The fills marking a new main category and one that grew. */
export const MARK_FILL = { new: '#fde7a8', grown: '#d7f0da' } as const;
const CHANGE = '#1f6b33';

export const PARADIGM_THEME: Record<ComponentKey, { band: string; border: string }> = {
  causal: { band: '#e3edf8', border: '#7c9cc0' },
  context: { band: '#efe9f7', border: '#9c8bbd' },
  intervening: { band: '#efe9f7', border: '#9c8bbd' },
  phenomenon: { band: '#fbedd2', border: '#c08a2c' },
  strategies: { band: '#e2f2e6', border: '#6fa47e' },
  consequences: { band: '#f9e3e1', border: '#c07a72' },
};

const TEXT = '#1f2328';
const MUTED = '#5f646b';
const ARROW = '#4a525c';

const F_TITLE: Font = { size: 15, weight: 650 };
const F_FIGURES: Font = { size: 12 };
const F_NAME: Font = { size: 13 };
const F_NUM: Font = { size: 12, weight: 500 };
const F_EMPTY: Font = { size: 12, italic: true };
const F_HEAD: Font = { size: 18, weight: 650 };
const F_LEGEND: Font = { size: 12 };

const F_CHANGE: Font = { size: 12, weight: 600 };

const LH = { title: 20, figures: 16, name: 18, empty: 16, head: 24, legend: 16, change: 16 };
const PAD = 12;
const DOT = 14;
const MARGIN = 24;
const GAP_X = 64;
const GAP_Y = 44;
const BASE_WIDTH = 250;
const MAX_FIGURES_WIDTH = 320;

export const countPair = (c: ParadigmCategory) => `${num(c.concepts)} · ${num(c.finalCodes)}`;

interface Measured {
  key: ComponentKey;
  height: number;
  draw(x: number, y: number): Shape[];
}

function text(x: number, y: number, value: string, font: Font, fill: string, align: 'left' | 'right' | 'center', testId?: string, link?: string): Shape {
  return { kind: 'text', x, y, text: value, align, dir: textDirection(value), size: font.size, weight: font.weight, italic: font.italic, fill, testId, link };
}

/** Lays out one box at a given width; `draw` places it. */
function measureBox(key: ComponentKey, box: ParadigmBox, width: number, numWidth: number, measure: Measure): Measured {
  const inner = width - 2 * PAD;
  const nameWidth = inner - DOT - numWidth - 8;
  const titleLines = wrapText(box.title, inner, F_TITLE, measure);
  const figureLines = wrapText(box.figures, inner, F_FIGURES, measure);
  const changeLines = box.change ? wrapText(box.change, inner, F_CHANGE, measure) : [];
  const bandHeight = 8 + titleLines.length * LH.title + 6;
  const rows = box.categories.map((c) => ({ c, lines: wrapText(c.name, nameWidth, F_NAME, measure), changed: c.change ? 1 : 0 }));
  const emptyLines = box.categories.length ? [] : wrapText(box.empty, inner, F_EMPTY, measure);
  const figuresHeight = 6 + (figureLines.length + changeLines.length) * LH.figures + 6;
  const listHeight = rows.reduce((h, r) => h + r.lines.length * LH.name + r.changed * LH.change + 4, 0) + emptyLines.length * LH.empty;
  const height = bandHeight + figuresHeight + 8 + listHeight + PAD;
  const theme = PARADIGM_THEME[key];

  return {
    key,
    height,
    draw(x, y) {
      const shapes: Shape[] = [];
      const strong = key === 'phenomenon';
      shapes.push({ kind: 'rect', x, y, w: width, h: height, rx: 8, fill: '#ffffff', stroke: theme.border, strokeWidth: strong ? 2.2 : 1.2, testId: `paradigm-box-${key}` });
      shapes.push({ kind: 'rect', x: x + 1, y: y + 1, w: width - 2, h: bandHeight - 1, rx: 7, fill: theme.band });
      shapes.push({ kind: 'rect', x: x + 1, y: y + bandHeight - 8, w: width - 2, h: 8, fill: theme.band });
      let cy = y + 8;
      for (const line of titleLines) {
        cy += LH.title;
        shapes.push(text(x + width / 2, cy - 5, line, F_TITLE, TEXT, 'center', `paradigm-title-${key}`, `component:${key}`));
      }
      cy = y + bandHeight + 6;
      for (const line of figureLines) {
        cy += LH.figures;
        shapes.push(text(x + width / 2, cy - 4, line, F_FIGURES, MUTED, 'center', `paradigm-figures-${key}`));
      }
      for (const line of changeLines) {
        cy += LH.figures;
        shapes.push(text(x + width / 2, cy - 4, line, F_CHANGE, CHANGE, 'center', `paradigm-change-${key}`));
      }
      cy += 6;
      shapes.push({ kind: 'line', points: [[x + PAD, cy], [x + width - PAD, cy]], stroke: '#d9d9d4', width: 1 });
      cy += 8;
      for (const { c, lines, changed } of rows) {
        if (c.mark) {
          const h = lines.length * LH.name + changed * LH.change + 2;
          shapes.push({ kind: 'rect', x: x + 4, y: cy - 1, w: width - 8, h, rx: 4, fill: MARK_FILL[c.mark], testId: c.id !== undefined ? `paradigm-mark-${c.mark}-${c.id}` : undefined });
        }
        shapes.push({ kind: 'circle', cx: x + PAD + 5, cy: cy + LH.name / 2, r: 4.5, fill: c.color, stroke: '#00000022' });
        shapes.push(text(x + width - PAD, cy + LH.name - 5, countPair(c), F_NUM, TEXT, 'right', c.id !== undefined ? `paradigm-count-${c.id}` : undefined));
        for (const line of lines) {
          cy += LH.name;
          shapes.push(text(x + PAD + DOT, cy - 5, line, F_NAME, TEXT, 'left', 'paradigm-category', c.id !== undefined ? `category:${c.id}` : undefined));
        }
        if (c.change) {
          cy += LH.change;
          shapes.push(text(x + PAD + DOT, cy - 4, c.change, F_CHANGE, CHANGE, 'left', c.id !== undefined ? `paradigm-change-${c.id}` : undefined));
        }
        cy += 4;
      }
      for (const line of emptyLines) {
        cy += LH.empty;
        shapes.push(text(x + PAD, cy - 4, line, F_EMPTY, MUTED, 'left', `paradigm-empty-${key}`));
      }
      return shapes;
    },
  };
}

/** The column width: at least BASE_WIDTH, wide enough for the widest word anywhere in a box. */
export function paradigmBoxWidth(input: ParadigmInput, numWidth: number, measure: Measure): number {
  let width = BASE_WIDTH;
  for (const box of Object.values(input.boxes)) {
    width = Math.max(width, widestWord(box.title, F_TITLE, measure) + 2 * PAD);
    // The figures read best on one line: widen for them up to a limit, then they wrap.
    width = Math.max(width, Math.min(measure(box.figures, F_FIGURES), MAX_FIGURES_WIDTH) + 2 * PAD);
    for (const c of box.categories) width = Math.max(width, widestWord(c.name, F_NAME, measure) + 2 * PAD + DOT + numWidth + 8);
  }
  return Math.ceil(width);
}

export function layoutParadigm(input: ParadigmInput, measure: Measure, options: { rtl?: boolean } = {}): Scene {
  const all = Object.values(input.boxes).flatMap((b) => b.categories);
  const numWidth = Math.ceil(Math.max(measure('000 · 000', F_NUM), ...all.map((c) => measure(countPair(c), F_NUM))));
  const width = paradigmBoxWidth(input, numWidth, measure);
  const box = (key: ComponentKey) => measureBox(key, input.boxes[key], width, numWidth, measure);
  const [causal, phenomenon, strategies, consequences, context, intervening] = (
    ['causal', 'phenomenon', 'strategies', 'consequences', 'context', 'intervening'] as const
  ).map(box) as [Measured, Measured, Measured, Measured, Measured, Measured];

  const totalWidth = 2 * MARGIN + 4 * width + 3 * GAP_X;
  const shapes: Shape[] = [];
  let y = MARGIN;
  for (const line of wrapText(input.title, totalWidth - 2 * MARGIN, F_HEAD, measure)) {
    y += LH.head;
    shapes.push(text(MARGIN, y - 6, line, F_HEAD, TEXT, 'left', 'paradigm-heading'));
  }
  for (const line of wrapText(input.legend, totalWidth - 2 * MARGIN, F_LEGEND, measure)) {
    y += LH.legend;
    shapes.push(text(MARGIN, y - 4, line, F_LEGEND, MUTED, 'left'));
  }
  if (input.marksLegend) {
    for (const line of wrapText(input.marksLegend, totalWidth - 2 * MARGIN - 2 * DOT - 8, F_LEGEND, measure)) {
      y += LH.legend;
      shapes.push(text(MARGIN, y - 4, line, F_LEGEND, CHANGE, 'left', 'paradigm-marks-legend'));
    }
  }
  const top = y + 20;
  const middle = [causal, phenomenon, strategies, consequences];
  const centre = top + Math.max(context.height + GAP_Y + strategies.height / 2, ...middle.map((m) => m.height / 2));
  const colX = (i: number) => MARGIN + i * (width + GAP_X);

  middle.forEach((m, i) => shapes.push(...m.draw(colX(i), centre - m.height / 2)));
  const strategiesTop = centre - strategies.height / 2;
  const strategiesBottom = centre + strategies.height / 2;
  const contextTop = strategiesTop - GAP_Y - context.height;
  shapes.push(...context.draw(colX(2), contextTop));
  shapes.push(...intervening.draw(colX(2), strategiesBottom + GAP_Y));

  const arrow = (points: Point[]): Shape => ({ kind: 'line', points, stroke: ARROW, width: 1.8, arrow: true });
  for (let i = 0; i < 3; i += 1) shapes.push(arrow([[colX(i) + width + 4, centre], [colX(i + 1) - 4, centre]]));
  const sx = colX(2) + width / 2;
  shapes.push(arrow([[sx, strategiesTop - GAP_Y + 4], [sx, strategiesTop - 4]]));
  shapes.push(arrow([[sx, strategiesBottom + GAP_Y - 4], [sx, strategiesBottom + 4]]));

  const bottom = Math.max(strategiesBottom + GAP_Y + intervening.height, ...middle.map((m) => centre + m.height / 2));
  const scene: Scene = { width: totalWidth, height: bottom + MARGIN, title: input.title, shapes };
  return options.rtl ? mirror(scene) : scene;
}
