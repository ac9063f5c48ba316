// The count cascade as a scene: a funnel final codes → concepts → main categories → components
// with the numbers, then the flow from each main category to its paradigm component, bands as
// thick as the main category's final codes (or concepts). Main categories outside every component
// are listed at the end without a band. Pure: labels arrive translated.

import { scaleLinear, scaleSqrt } from 'd3';
import type { ComponentKey } from '../../shared/domain/paradigm';
import { PARADIGM_THEME, type ParadigmCategory } from './paradigm-layout';
import { num } from '../i18n/t';
import { mirror, type Scene, type Shape } from './scene';
import { textDirection, widestWord, wrapText, type Font, type Measure } from './text-layout';

export interface CascadeStep {
  value: number;
  /** e.g. "final codes" */
  label: string;
}

export interface CascadeComponent {
  key: ComponentKey;
  label: string;
  categories: ParadigmCategory[];
  /** The component's own distinct figures (a concept shared by two of its main categories once). */
  concepts: number;
  finalCodes: number;
}

export interface CascadeInput {
  title: string;
  legend: string;
  steps: [CascadeStep, CascadeStep, CascadeStep, CascadeStep];
  flowTitle: string;
  components: CascadeComponent[];
  unassigned: ParadigmCategory[];
  unassignedLabel: string;
  weight: 'finalCodes' | 'concepts';
  /** The component's figures beside its name, e.g. "12 concepts · 40 final codes". */
  componentFigures: (c: CascadeComponent) => string;
}

const TEXT = '#1f2328';
const MUTED = '#5f646b';
const F_HEAD: Font = { size: 18, weight: 650 };
const F_SUB: Font = { size: 15, weight: 650 };
const F_SMALL: Font = { size: 12 };
const F_NUM: Font = { size: 22, weight: 700 };
const F_STEP: Font = { size: 13 };
const F_NAME: Font = { size: 13 };
const F_COMPONENT: Font = { size: 13, weight: 650 };
const MARGIN = 24;
const STEP_W = 120;
const STEP_GAP = 80;
const LEFT_LABEL_MIN = 300;
const NODE_W = 14;
const FLOW = 300;
const RIGHT_LABEL = 280;

const put = (x: number, y: number, value: string, font: Font, fill: string, align: 'left' | 'right' | 'center', testId?: string): Shape => ({
  kind: 'text',
  x,
  y,
  text: value,
  align,
  dir: textDirection(value),
  size: font.size,
  weight: font.weight,
  italic: font.italic,
  fill,
  testId,
});

export function layoutCascade(input: CascadeInput, measure: Measure, options: { rtl?: boolean } = {}): Scene {
  const shapes: Shape[] = [];
  const allCategories = [...input.components.flatMap((c) => c.categories), ...input.unassigned];
  const pairOf = (c: ParadigmCategory) => `${num(c.concepts)} · ${num(c.finalCodes)}`;
  const numWidth = Math.max(measure('00 · 00', F_NAME), ...allCategories.map((c) => measure(pairOf(c), F_NAME)));
  // The name column grows for a word that would not fit, rather than cutting it.
  const LEFT_LABEL = Math.ceil(Math.max(LEFT_LABEL_MIN, ...allCategories.map((c) => widestWord(c.name, F_NAME, measure) + 24 + numWidth)));
  const totalWidth = Math.max(2 * MARGIN + 4 * STEP_W + 3 * STEP_GAP, 2 * MARGIN + LEFT_LABEL + 2 * NODE_W + FLOW + RIGHT_LABEL);
  let y = MARGIN;
  for (const line of wrapText(input.title, totalWidth - 2 * MARGIN, F_HEAD, measure)) {
    y += 24;
    shapes.push(put(MARGIN, y - 6, line, F_HEAD, TEXT, 'left'));
  }
  for (const line of wrapText(input.legend, totalWidth - 2 * MARGIN, F_SMALL, measure)) {
    y += 16;
    shapes.push(put(MARGIN, y - 4, line, F_SMALL, MUTED, 'left'));
  }

  // The funnel: bars on a square-root scale (785 and 6 both stay visible), joined by bands.
  y += 44;
  const maxStep = Math.max(1, ...input.steps.map((s) => s.value));
  const height = scaleSqrt().domain([0, maxStep]).range([6, 150]);
  const axis = y + 75;
  const stepX = (i: number) => MARGIN + i * (STEP_W + STEP_GAP);
  const stepColours = ['#7c9cc0', '#6fa47e', '#c08a2c', '#9c8bbd'];
  input.steps.forEach((step, i) => {
    const h = height(step.value);
    if (i > 0) {
      const ph = height(input.steps[i - 1]!.value);
      shapes.push({ kind: 'band', x0: stepX(i - 1) + STEP_W, y0: [axis - ph / 2, axis + ph / 2], x1: stepX(i), y1: [axis - h / 2, axis + h / 2], fill: '#9aa3ad', opacity: 0.22 });
    }
    shapes.push({ kind: 'rect', x: stepX(i), y: axis - h / 2, w: STEP_W, h, rx: 4, fill: stepColours[i]!, testId: `cascade-step-${i}` });
    shapes.push(put(stepX(i) + STEP_W / 2, axis - 75 - 10, num(step.value), F_NUM, TEXT, 'center', `cascade-value-${i}`));
    wrapText(step.label, STEP_W + STEP_GAP - 16, F_STEP, measure).forEach((line, j) =>
      shapes.push(put(stepX(i) + STEP_W / 2, axis + 75 + 22 + j * 17, line, F_STEP, TEXT, 'center', `cascade-label-${i}`)),
    );
  });
  y = axis + 75 + 60;

  // The flow from main categories to components.
  for (const line of wrapText(input.flowTitle, totalWidth - 2 * MARGIN, F_SUB, measure)) {
    y += 22;
    shapes.push(put(MARGIN, y - 5, line, F_SUB, TEXT, 'left'));
  }
  y += 16;
  const weightOf = (c: ParadigmCategory) => (input.weight === 'finalCodes' ? c.finalCodes : c.concepts);
  const placed = input.components.flatMap((component) => component.categories.map((c) => ({ c, component })));
  const total = placed.reduce((s, p) => s + weightOf(p.c), 0);
  const thickness = scaleLinear().domain([0, Math.max(1, total)]).range([0, Math.max(240, placed.length * 14)]);
  const bandOf = (c: ParadigmCategory) => Math.max(2, thickness(weightOf(c)));

  const leftNodeX = MARGIN + LEFT_LABEL;
  const rightNodeX = leftNodeX + NODE_W + FLOW;
  const nameWidth = LEFT_LABEL - 24 - numWidth;
  type LeftNode = { c: ParadigmCategory; lines: string[]; top: number; h: number; slot: number; component?: ComponentKey };
  const left: LeftNode[] = [];
  let ly = y;
  const addLeft = (c: ParadigmCategory, component?: ComponentKey) => {
    const lines = wrapText(c.name, nameWidth, F_NAME, measure);
    const h = bandOf(c);
    const slot = Math.max(h, lines.length * 17 + 2);
    left.push({ c, lines, top: ly + (slot - h) / 2, h, slot, component });
    ly += slot + 6;
  };
  for (const p of placed) addLeft(p.c, p.component.key);
  const leftBottom = ly;

  // Components: node as tall as its bands, placed down the right column next to their categories.
  let ry = y;
  const rightNodes = input.components.map((component) => {
    const bands = left.filter((n) => n.component === component.key);
    const h = Math.max(2, bands.reduce((s, n) => s + n.h, 0));
    const lines = [...wrapText(component.label, RIGHT_LABEL - 16, F_COMPONENT, measure), ...wrapText(input.componentFigures(component), RIGHT_LABEL - 16, F_SMALL, measure)];
    const slot = Math.max(h, lines.length * 17 + 2);
    // Keep a component level with its first main category when there is room.
    const wanted = bands[0] ? Math.max(ry, bands[0].top - (slot - h) / 2) : ry;
    const node = { component, top: wanted + (slot - h) / 2, h, lines, slot, bands };
    ry = wanted + slot + 16;
    return node;
  });

  for (const node of rightNodes) {
    let at = node.top;
    for (const n of node.bands) {
      shapes.push({ kind: 'band', x0: leftNodeX + NODE_W, y0: [n.top, n.top + n.h], x1: rightNodeX, y1: [at, at + n.h], fill: n.c.color, opacity: 0.45 });
      at += n.h;
    }
  }
  for (const n of left) {
    shapes.push({ kind: 'rect', x: leftNodeX, y: n.top, w: NODE_W, h: n.h, fill: n.c.color });
    const textTop = n.top + n.h / 2 - (n.lines.length * 17) / 2;
    // The name and its figures are separate texts, so a Persian name never swallows the numbers.
    shapes.push(put(leftNodeX - 8, textTop + 17 - 4, pairOf(n.c), F_NAME, MUTED, 'right', 'cascade-category-counts'));
    n.lines.forEach((line, j) => shapes.push(put(leftNodeX - 16 - numWidth, textTop + (j + 1) * 17 - 4, line, F_NAME, TEXT, 'right', 'cascade-category')));
  }
  for (const node of rightNodes) {
    const theme = PARADIGM_THEME[node.component.key];
    shapes.push({ kind: 'rect', x: rightNodeX, y: node.top, w: NODE_W, h: node.h, fill: theme.border, testId: `cascade-component-${node.component.key}` });
    const textTop = node.top + node.h / 2 - (node.lines.length * 17) / 2;
    node.lines.forEach((line, j) =>
      shapes.push(put(rightNodeX + NODE_W + 8, textTop + (j + 1) * 17 - 4, line, j === 0 ? F_COMPONENT : F_SMALL, j === 0 ? TEXT : MUTED, 'left', j === 0 ? 'cascade-component' : undefined)),
    );
  }

  let bottom = Math.max(leftBottom, ry);
  if (input.unassigned.length) {
    let uy = bottom + 10;
    for (const line of wrapText(input.unassignedLabel, totalWidth - 2 * MARGIN, F_SMALL, measure)) {
      uy += 16;
      shapes.push(put(MARGIN, uy - 4, line, F_SMALL, MUTED, 'left'));
    }
    uy += 6;
    for (const c of input.unassigned) {
      const lines = wrapText(c.name, LEFT_LABEL, F_NAME, measure);
      shapes.push({ kind: 'rect', x: MARGIN, y: uy + 4, w: 10, h: 10, fill: '#ffffff', stroke: c.color, strokeWidth: 2, dash: '2 2' });
      lines.forEach((line, j) => shapes.push(put(MARGIN + 18, uy + (j + 1) * 17 - 4, line, F_NAME, MUTED, 'left', 'cascade-unassigned')));
      shapes.push(put(MARGIN + 18 + LEFT_LABEL + 12, uy + 17 - 4, pairOf(c), F_NAME, MUTED, 'left', 'cascade-unassigned-counts'));
      uy += lines.length * 17 + 4;
    }
    bottom = uy;
  }
  const scene: Scene = { width: totalWidth, height: bottom + MARGIN, title: input.title, shapes };
  return options.rtl ? mirror(scene) : scene;
}
