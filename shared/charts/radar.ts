// The radar chart of an assessment as pure geometry (d3 scales and shapes, no DOM): one axis per
// dimension, one ring per level, one closed path per assessment. The app's React component and
// the printable HTML report draw the same layout, so the report shows what the screen shows.

import { curveLinearClosed, lineRadial, scaleLinear } from 'd3';

export interface RadarSeries {
  name: string;
  /** One score per axis (0 … levelCount), null where the dimension has none. */
  values: (number | null)[];
  color: string;
}

export interface RadarInput {
  axes: string[];
  levelCount: number;
  levelLabels: string[];
  series: RadarSeries[];
  /** Labels are right-to-left text (Persian): anchors and text direction follow. */
  rtl: boolean;
  size?: number;
}

export interface RadarLabel {
  x: number;
  y: number;
  lines: string[];
  anchor: 'start' | 'middle' | 'end';
}

export interface RadarLayout {
  width: number;
  height: number;
  cx: number;
  cy: number;
  rings: { level: number; label: string; points: string; labelX: number; labelY: number }[];
  axes: { x2: number; y2: number; label: RadarLabel }[];
  series: { name: string; color: string; path: string; dots: { x: number; y: number; missing: boolean }[] }[];
}

const fmt = (n: number) => Math.round(n * 100) / 100;

/** Splits a label into lines of about `width` characters at spaces, at most three lines. */
export function wrapLabel(text: string, width = 22): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  if (lines.length > 3) return [...lines.slice(0, 2), `${lines.slice(2).join(' ').slice(0, width - 1)}…`];
  return lines;
}

export function radarLayout(input: RadarInput): RadarLayout {
  const size = input.size ?? 560;
  const margin = 190;
  const width = size + 2 * margin;
  const height = size + 2 * 55;
  const cx = width / 2;
  const cy = height / 2;
  const n = Math.max(input.axes.length, 1);
  const radius = scaleLinear().domain([0, Math.max(input.levelCount, 1)]).range([0, size / 2]);
  const angle = (i: number) => (2 * Math.PI * i) / n; // 0 = straight up, clockwise
  const point = (i: number, value: number) => ({
    x: cx + radius(value) * Math.sin(angle(i)),
    y: cy - radius(value) * Math.cos(angle(i)),
  });
  const rings = Array.from({ length: input.levelCount }, (_, k) => {
    const level = k + 1;
    const pts = input.axes.length >= 3
      ? input.axes.map((_, i) => point(i, level)).map((p) => `${fmt(p.x)},${fmt(p.y)}`).join(' ')
      : '';
    return { level, label: input.levelLabels[k] ?? String(level), points: pts, labelX: fmt(cx + 4), labelY: fmt(cy - radius(level) - 3) };
  });
  const axes = input.axes.map((text, i) => {
    const end = point(i, input.levelCount);
    const out = point(i, input.levelCount + 0.35);
    const sin = Math.sin(angle(i));
    const side = Math.abs(sin) < 0.2 ? 'middle' : sin > 0 ? 'right' : 'left';
    const anchor: RadarLabel['anchor'] =
      side === 'middle' ? 'middle' : side === 'right' ? (input.rtl ? 'end' : 'start') : input.rtl ? 'start' : 'end';
    const lines = wrapLabel(text, 24);
    const up = Math.cos(angle(i)) > 0.5;
    return {
      x2: fmt(end.x),
      y2: fmt(end.y),
      label: { x: fmt(out.x), y: fmt(out.y - (up ? (lines.length - 1) * 15 : 0)), lines, anchor },
    };
  });
  const line = lineRadial<number>()
    .angle((_, i) => angle(i))
    .radius((v) => radius(v))
    .curve(curveLinearClosed);
  const series = input.series.map((s) => {
    const values = input.axes.map((_, i) => s.values[i] ?? 0);
    return {
      name: s.name,
      color: s.color,
      path: line(values) ?? '',
      dots: input.axes.map((_, i) => {
        const p = point(i, s.values[i] ?? 0);
        return { x: fmt(p.x), y: fmt(p.y), missing: s.values[i] === null || s.values[i] === undefined };
      }),
    };
  });
  return { width, height, cx, cy, rings, axes, series };
}

const escapeXml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The layout as a standalone SVG document (for the HTML report and SVG export). */
export function radarSvg(layout: RadarLayout, options: { rtl: boolean; title: string }): string {
  const dir = options.rtl ? ' direction="rtl"' : '';
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${layout.width} ${layout.height}" width="${layout.width}" height="${layout.height}" role="img" aria-label="${escapeXml(options.title)}" font-family="Vazirmatn, Tahoma, sans-serif" font-size="13">`,
    `<title>${escapeXml(options.title)}</title>`,
  );
  for (const r of layout.rings) {
    if (r.points) parts.push(`<polygon points="${r.points}" fill="none" stroke="#c9ced6" stroke-width="1"/>`);
  }
  for (const a of layout.axes) {
    parts.push(`<line x1="${layout.cx}" y1="${layout.cy}" x2="${a.x2}" y2="${a.y2}" stroke="#c9ced6"/>`);
  }
  for (const r of layout.rings) {
    parts.push(`<text x="${r.labelX}" y="${r.labelY}" fill="#6b7280" font-size="11">${r.level}</text>`);
  }
  for (const s of layout.series) {
    parts.push(
      `<g><path d="${s.path}" transform="translate(${layout.cx},${layout.cy})" fill="${s.color}" fill-opacity="0.18" stroke="${s.color}" stroke-width="2"/>`,
    );
    for (const d of s.dots) {
      parts.push(
        `<circle cx="${d.x}" cy="${d.y}" r="3.5" fill="${d.missing ? '#ffffff' : s.color}" stroke="${s.color}" stroke-width="1.5"/>`,
      );
    }
    parts.push('</g>');
  }
  for (const a of layout.axes) {
    const tspans = a.label.lines
      .map((l, i) => `<tspan x="${a.label.x}" dy="${i === 0 ? 0 : 15}">${escapeXml(l)}</tspan>`)
      .join('');
    parts.push(`<text x="${a.label.x}" y="${a.label.y}" text-anchor="${a.label.anchor}"${dir} fill="#1f2937">${tspans}</text>`);
  }
  parts.push('</svg>');
  return parts.join('');
}
