// What a chart layout produces: plain geometric shapes in one coordinate space, drawn by
// SceneSvg. Layouts are written left to right; `mirror` turns a whole scene for a right-to-left
// interface (positions flipped, left and right alignment swapped, figures read right to left), so each layout is written once.

import type { Direction } from '../../shared/domain/text';

export type Align = 'left' | 'center' | 'right';
export type Point = [number, number];

export type Shape =
  | { kind: 'rect'; x: number; y: number; w: number; h: number; fill: string; stroke?: string; strokeWidth?: number; rx?: number; dash?: string; testId?: string }
  | {
      kind: 'text';
      /** The point the text is aligned on: its left end, centre or right end. */
      x: number;
      /** Baseline. */
      y: number;
      text: string;
      align: Align;
      dir: Direction;
      size: number;
      weight?: number;
      italic?: boolean;
      fill: string;
      /** Rotated by -90° about (x, y), for stage labels. */
      vertical?: boolean;
      testId?: string;
      /** An opaque key handed to the drawing's onLink when the text is clicked (e.g. "category:12"). */
      link?: string;
    }
  | { kind: 'line'; points: Point[]; stroke: string; width: number; arrow?: boolean; dash?: string }
  | {
      /** A flow band from a vertical span on the left to one on the right. */
      kind: 'band';
      x0: number;
      y0: [number, number];
      x1: number;
      y1: [number, number];
      fill: string;
      opacity: number;
    }
  | { kind: 'circle'; cx: number; cy: number; r: number; fill: string; stroke?: string };

export interface Scene {
  width: number;
  height: number;
  /** The accessible name of the drawing, and the <title> of an exported file. */
  title: string;
  shapes: Shape[];
}

const flipAlign = (align: Align): Align => (align === 'left' ? 'right' : align === 'right' ? 'left' : 'center');

/** The same scene for a right-to-left reader: what was at the left is at the right. */
export function mirror(scene: Scene): Scene {
  const W = scene.width;
  const mx = (x: number) => W - x;
  const shapes = scene.shapes.map((s): Shape => {
    switch (s.kind) {
      case 'rect':
        return { ...s, x: W - s.x - s.w };
      case 'text':
        // Text without letters ("2 · 7": concepts · final codes) reads in the interface's direction.
        return { ...s, x: mx(s.x), align: s.vertical ? s.align : flipAlign(s.align), dir: /\p{L}/u.test(s.text) ? s.dir : 'rtl' };
      case 'line':
        return { ...s, points: s.points.map(([x, y]) => [mx(x), y] as Point) };
      case 'band':
        return { ...s, x0: mx(s.x0), x1: mx(s.x1) };
      case 'circle':
        return { ...s, cx: mx(s.cx) };
    }
  });
  return { ...scene, shapes };
}

/** The SVG text-anchor that puts a text of this direction at the wanted alignment. */
export function textAnchor(align: Align, dir: Direction): 'start' | 'middle' | 'end' {
  if (align === 'center') return 'middle';
  const leftIsStart = dir === 'ltr';
  return (align === 'left') === leftIsStart ? 'start' : 'end';
}
