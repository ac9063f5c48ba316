// The radar layout: axes clockwise from the top, rings per level, values on the right radius,
// label anchors mirrored for right-to-left labels, and text escaped in the SVG string.

import { describe, expect, it } from 'vitest';
import { radarLayout, radarSvg, wrapLabel } from '../../../shared/charts/radar';

const input = (rtl: boolean) => ({
  axes: ['Top', 'Right', 'Bottom', 'Left'],
  levelCount: 5,
  levelLabels: ['1', '2', '3', '4', '5'],
  series: [{ name: 'A', values: [5, 2.5, null, 1], color: '#000' }],
  rtl,
  size: 500,
});

describe('radar layout', () => {
  it('puts the first axis straight up and the others clockwise, at the outer ring', () => {
    const l = radarLayout(input(false));
    expect(l.rings).toHaveLength(5);
    expect(l.axes[0]).toMatchObject({ x2: l.cx, y2: l.cy - 250 });
    expect(l.axes[1]).toMatchObject({ x2: l.cx + 250, y2: l.cy });
    expect(l.axes[2]!.y2).toBeCloseTo(l.cy + 250);
  });

  it('places each value at its share of the radius; a missing value at the centre, marked', () => {
    const dots = radarLayout(input(false)).series[0]!.dots;
    const l = radarLayout(input(false));
    expect(dots[0]).toMatchObject({ x: l.cx, y: l.cy - 250, missing: false });
    expect(dots[1]).toMatchObject({ x: l.cx + 125, y: l.cy, missing: false });
    expect(dots[2]).toMatchObject({ x: l.cx, y: l.cy, missing: true });
    expect(dots[3]).toMatchObject({ x: l.cx - 50, missing: false });
  });

  it('anchors labels away from the chart, mirrored for right-to-left text', () => {
    expect(radarLayout(input(false)).axes.map((a) => a.label.anchor)).toEqual(['middle', 'start', 'middle', 'end']);
    expect(radarLayout(input(true)).axes.map((a) => a.label.anchor)).toEqual(['middle', 'end', 'middle', 'start']);
  });

  it('wraps long labels on at most three lines', () => {
    expect(wrapLabel('B2B business strategy and policies on being digital/non-digital', 22)).toEqual([
      'B2B business strategy',
      'and policies on being',
      'digital/non-digital',
    ]);
    expect(wrapLabel('a b c d e f g h i j k l m n o p', 3)).toHaveLength(3);
  });

  it('escapes text in the SVG and marks right-to-left labels', () => {
    const l = radarLayout({ ...input(true), axes: ['<b>x</b>', 'رهبری', 'y', 'z'] });
    const svg = radarSvg(l, { rtl: true, title: 'A & B' });
    expect(svg).toContain('&lt;b&gt;x&lt;/b&gt;');
    expect(svg).toContain('<title>A &amp; B</title>');
    expect(svg).toContain('direction="rtl"');
    expect(svg).not.toContain('<b>');
  });
});
