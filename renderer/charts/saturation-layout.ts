// The saturation curve as a scene: sources in order along the bottom, new concepts per source as
// bars, the cumulative number of concepts as a line, and the point where the stopping rule is met
// marked with a dashed line and its label. Pure: d3 scales place everything, labels arrive
// translated, numbers formatted; `mirror` turns it for a right-to-left reader.

import { scaleLinear } from 'd3';
import { mirror, type Scene, type Shape } from './scene';
import { textDirection, wrapText, type Font, type Measure } from './text-layout';

export interface SaturationChartInput {
  title: string;
  /** One line under the title: the order and the rule in words. */
  subtitle: string;
  /** Per source in order: its short label (its position), new concepts, cumulative concepts. */
  added: number[];
  cumulative: number[];
  /** 0-based index where the rule is met, or null. */
  metAt: number | null;
  metLabel: string;
  xLabel: string;
  yLabel: string;
  legendCumulative: string;
  legendAdded: string;
  /** Numbers in the interface's digits. */
  format: (n: number) => string;
}

const TEXT = '#1f2328';
const MUTED = '#5f646b';
const GRID = '#e6e6e1';
const LINE = '#2f5d8a';
const BAR = '#c9daea';
const MET = '#b3261e';

const F_HEAD: Font = { size: 17, weight: 650 };
const F_SUB: Font = { size: 12 };
const F_TICK: Font = { size: 11 };
const F_AXIS: Font = { size: 12, weight: 500 };

const text = (x: number, y: number, value: string, font: Font, fill: string, align: 'left' | 'right' | 'center', testId?: string, vertical?: boolean): Shape => ({
  kind: 'text',
  x,
  y,
  text: value,
  align,
  dir: textDirection(value),
  size: font.size,
  weight: font.weight,
  fill,
  testId,
  vertical,
});

export function layoutSaturation(input: SaturationChartInput, measure: Measure, options: { rtl?: boolean; width?: number } = {}): Scene {
  const n = input.cumulative.length;
  const width = Math.max(options.width ?? 760, 120 + n * 14);
  const margin = { left: 64, right: 28 };
  const shapes: Shape[] = [];
  let y = 26;
  for (const line of wrapText(input.title, width - 48, F_HEAD, measure)) {
    shapes.push(text(24, y, line, F_HEAD, TEXT, 'left', 'saturation-heading'));
    y += 22;
  }
  for (const line of wrapText(input.subtitle, width - 48, F_SUB, measure)) {
    shapes.push(text(24, y, line, F_SUB, MUTED, 'left'));
    y += 16;
  }
  // Legend: a bar swatch and a line swatch.
  y += 6;
  shapes.push({ kind: 'rect', x: 24, y: y - 10, w: 14, h: 10, fill: BAR });
  shapes.push(text(44, y, input.legendAdded, F_SUB, TEXT, 'left'));
  const second = 44 + measure(input.legendAdded, F_SUB) + 24;
  shapes.push({ kind: 'line', points: [[second, y - 5], [second + 18, y - 5]], stroke: LINE, width: 2.5 });
  shapes.push(text(second + 24, y, input.legendCumulative, F_SUB, TEXT, 'left'));
  y += 18;
  // The stopping rule's label gets its own band above the plot, so it never covers the curve.
  const metLines = input.metAt !== null && n > 0 ? wrapText(input.metLabel, width - margin.left - margin.right, F_AXIS, measure) : [];
  const labelTop = y + 8;
  y += metLines.length * 16;

  const top = y + 10;
  const plotHeight = 260;
  const bottom = top + plotHeight;
  const max = Math.max(1, ...input.cumulative);
  const yScale = scaleLinear().domain([0, max]).nice().range([bottom, top]);
  // Position 0 is before any source (no concept yet): the curve starts from the origin.
  const xScale = scaleLinear()
    .domain([0, Math.max(1, n) + 0.5])
    .range([margin.left, width - margin.right]);
  const step = xScale(2) - xScale(1);

  for (const tick of yScale.ticks(Math.min(6, max)).filter(Number.isInteger)) {
    const ty = yScale(tick);
    shapes.push({ kind: 'line', points: [[margin.left, ty], [width - margin.right, ty]], stroke: GRID, width: 1 });
    shapes.push(text(margin.left - 8, ty + 4, input.format(tick), F_TICK, MUTED, 'right'));
  }
  shapes.push({ kind: 'line', points: [[margin.left, top], [margin.left, bottom]], stroke: MUTED, width: 1 });
  shapes.push({ kind: 'line', points: [[margin.left, bottom], [width - margin.right, bottom]], stroke: MUTED, width: 1 });

  input.added.forEach((a, i) => {
    if (a <= 0) return;
    const x = xScale(i + 1);
    shapes.push({ kind: 'rect', x: x - Math.min(10, step * 0.35), y: yScale(a), w: Math.min(20, step * 0.7), h: bottom - yScale(a), fill: BAR, testId: `saturation-bar-${i + 1}` });
  });
  // Source positions along the bottom: all when they fit, else about every tenth.
  const every = Math.max(1, Math.ceil(n / Math.max(1, Math.floor((width - margin.left - margin.right) / 28))));
  for (let i = 0; i < n; i += 1) {
    if (i % every !== 0 && i !== n - 1) continue;
    shapes.push(text(xScale(i + 1), bottom + 16, input.format(i + 1), F_TICK, MUTED, 'center'));
  }
  if (n > 0) {
    const points = input.cumulative.map((c, i) => [xScale(i + 1), yScale(c)] as [number, number]);
    shapes.push({ kind: 'line', points: [[xScale(0), yScale(0)], ...points], stroke: LINE, width: 2.5 });
    points.forEach(([px, py], i) => {
      shapes.push({ kind: 'circle', cx: px, cy: py, r: 3.5, fill: LINE });
      shapes.push(text(px, py - 8, input.format(input.cumulative[i]!), F_TICK, LINE, 'center', `saturation-point-${i + 1}`));
    });
  }
  if (input.metAt !== null && n > 0) {
    const mx = xScale(input.metAt + 1);
    shapes.push({ kind: 'line', points: [[mx, labelTop + metLines.length * 16 - 8], [mx, bottom]], stroke: MET, width: 1.8, dash: '6 4' });
    // The label ends at the line when it fits on the left of it, else starts there.
    const widest = Math.max(...metLines.map((l) => measure(l, F_AXIS)));
    const onLeft = mx - widest - 8 > margin.left;
    metLines.forEach((line, i) =>
      shapes.push(text(onLeft ? mx - 8 : Math.min(mx + 8, width - margin.right - widest), labelTop + 4 + i * 16, line, F_AXIS, MET, onLeft ? 'right' : 'left', i === 0 ? 'saturation-met' : undefined)),
    );
  }
  shapes.push(text((margin.left + width - margin.right) / 2, bottom + 38, input.xLabel, F_AXIS, TEXT, 'center'));
  shapes.push(text(18, (top + bottom) / 2, input.yLabel, F_AXIS, TEXT, 'center', undefined, true));
  const scene: Scene = { width, height: bottom + 52, title: input.title, shapes };
  return options.rtl ? mirror(scene) : scene;
}
