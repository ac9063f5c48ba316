// A plain vertical bar chart as a scene (a concept's passages per publication year): one bar per
// value in the given order, its figure on top, the value under it. Pure; labels arrive translated.

import { scaleBand, scaleLinear } from 'd3';
import { mirror, type Scene, type Shape } from './scene';
import { textDirection, wrapText, type Font, type Measure } from './text-layout';

export interface BarsInput {
  title: string;
  bars: { label: string; value: number }[];
  yLabel: string;
  format: (n: number) => string;
}

const F_HEAD: Font = { size: 15, weight: 650 };
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

export function layoutBars(input: BarsInput, measure: Measure, options: { rtl?: boolean } = {}): Scene {
  const width = Math.max(420, 100 + input.bars.length * 46);
  const shapes: Shape[] = [];
  let y = 24;
  for (const line of wrapText(input.title, width - 40, F_HEAD, measure)) {
    shapes.push(text(20, y, line, F_HEAD, '#1f2328', 'left'));
    y += 20;
  }
  const top = y + 14;
  const bottom = top + 200;
  const left = 56;
  const x = scaleBand<number>().domain(input.bars.map((_, i) => i)).range([left, width - 20]).padding(0.25);
  const yScale = scaleLinear().domain([0, Math.max(1, ...input.bars.map((b) => b.value))]).nice().range([bottom, top]);
  for (const tick of yScale.ticks(5)) {
    shapes.push({ kind: 'line', points: [[left, yScale(tick)], [width - 20, yScale(tick)]], stroke: '#e6e6e1', width: 1 });
    shapes.push(text(left - 8, yScale(tick) + 4, input.format(tick), F_TICK, '#5f646b', 'right'));
  }
  input.bars.forEach((b, i) => {
    const bx = x(i)!;
    shapes.push({ kind: 'rect', x: bx, y: yScale(b.value), w: x.bandwidth(), h: bottom - yScale(b.value), fill: '#2f5d8a', testId: `bar-${b.label}` });
    shapes.push(text(bx + x.bandwidth() / 2, yScale(b.value) - 5, input.format(b.value), F_TICK, '#1f2328', 'center'));
    shapes.push(text(bx + x.bandwidth() / 2, bottom + 15, b.label, F_TICK, '#5f646b', 'center'));
  });
  shapes.push({ kind: 'line', points: [[left, bottom], [width - 20, bottom]], stroke: '#5f646b', width: 1 });
  shapes.push(text(16, (top + bottom) / 2, input.yLabel, F_AXIS, '#1f2328', 'center', undefined, true));
  const scene: Scene = { width, height: bottom + 30, title: input.title, shapes };
  return options.rtl ? mirror(scene) : scene;
}
