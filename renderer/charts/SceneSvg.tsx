// Draws a chart scene as one self-contained <svg>: every style an attribute (no stylesheet), so the
// same element serialises into a standalone file. d3 builds the path geometry.

import { line as d3line, path as d3path } from 'd3';
import { forwardRef } from 'react';
import { textAnchor, type Point, type Scene, type Shape } from './scene';

export const SVG_FONT_FAMILY = "Vazirmatn, 'Noto Sans Arabic', Tahoma, sans-serif";

const polyline = d3line<Point>();

function arrowHead(points: Point[], size = 8): string {
  const [x1, y1] = points[points.length - 1]!;
  const [x0, y0] = points[points.length - 2]!;
  const angle = Math.atan2(y1 - y0, x1 - x0);
  const p = d3path();
  p.moveTo(x1, y1);
  p.lineTo(x1 - size * Math.cos(angle - 0.45), y1 - size * Math.sin(angle - 0.45));
  p.lineTo(x1 - size * Math.cos(angle + 0.45), y1 - size * Math.sin(angle + 0.45));
  p.closePath();
  return p.toString();
}

/** The line stops short of the arrowhead's tip, so a thick stroke does not poke through it. */
function shortened(points: Point[], by: number): Point[] {
  const copy = points.slice();
  const [x1, y1] = copy[copy.length - 1]!;
  const [x0, y0] = copy[copy.length - 2]!;
  const length = Math.hypot(x1 - x0, y1 - y0) || 1;
  copy[copy.length - 1] = [x1 - ((x1 - x0) / length) * by, y1 - ((y1 - y0) / length) * by];
  return copy;
}

function band(s: Extract<Shape, { kind: 'band' }>): string {
  const mid = (s.x0 + s.x1) / 2;
  const p = d3path();
  p.moveTo(s.x0, s.y0[0]);
  p.bezierCurveTo(mid, s.y0[0], mid, s.y1[0], s.x1, s.y1[0]);
  p.lineTo(s.x1, s.y1[1]);
  p.bezierCurveTo(mid, s.y1[1], mid, s.y0[1], s.x0, s.y0[1]);
  p.closePath();
  return p.toString();
}

function ShapeSvg({ shape: s, onLink }: { shape: Shape; onLink?: (link: string) => void }) {
  switch (s.kind) {
    case 'rect':
      return (
        <rect
          x={s.x}
          y={s.y}
          width={s.w}
          height={s.h}
          rx={s.rx ?? 0}
          fill={s.fill}
          stroke={s.stroke ?? 'none'}
          strokeWidth={s.strokeWidth ?? 1}
          strokeDasharray={s.dash}
          data-testid={s.testId}
        />
      );
    case 'text': {
      const link = s.link && onLink ? s.link : undefined;
      return (
        <text
          x={s.x}
          y={s.y}
          fill={s.fill}
          fontSize={s.size}
          fontWeight={s.weight ?? 400}
          fontStyle={s.italic ? 'italic' : undefined}
          textAnchor={textAnchor(s.align, s.dir)}
          direction={s.dir}
          unicodeBidi="embed"
          transform={s.vertical ? `rotate(-90 ${s.x} ${s.y})` : undefined}
          data-testid={s.testId}
          role={link ? 'link' : undefined}
          tabIndex={link ? 0 : undefined}
          cursor={link ? 'pointer' : undefined}
          onClick={link ? () => onLink!(link) : undefined}
          onKeyDown={link ? (event) => event.key === 'Enter' && onLink!(link) : undefined}
        >
          {s.text}
        </text>
      );
    }
    case 'line':
      return (
        <g>
          <path d={polyline(s.arrow ? shortened(s.points, 6) : s.points) ?? ''} fill="none" stroke={s.stroke} strokeWidth={s.width} strokeDasharray={s.dash} />
          {s.arrow && <path d={arrowHead(s.points, 6 + s.width * 2)} fill={s.stroke} />}
        </g>
      );
    case 'band':
      return <path d={band(s)} fill={s.fill} fillOpacity={s.opacity} />;
    case 'circle':
      return <circle cx={s.cx} cy={s.cy} r={s.r} fill={s.fill} stroke={s.stroke ?? 'none'} />;
  }
}

export const SceneSvg = forwardRef<SVGSVGElement, { scene: Scene; testId?: string; lang?: string; onLink?: (link: string) => void }>(function SceneSvg(
  { scene, testId, lang, onLink },
  ref,
) {
  return (
    <svg
      ref={ref}
      xmlns="http://www.w3.org/2000/svg"
      width={Math.ceil(scene.width)}
      height={Math.ceil(scene.height)}
      viewBox={`0 0 ${Math.ceil(scene.width)} ${Math.ceil(scene.height)}`}
      fontFamily={SVG_FONT_FAMILY}
      // A drawing with links to follow is a group of them; one without is a single image.
      role={onLink && scene.shapes.some((x) => x.kind === 'text' && x.link) ? 'group' : 'img'}
      aria-label={scene.title}
      data-testid={testId}
      lang={lang}
    >
      <title>{scene.title}</title>
      <rect x={0} y={0} width={Math.ceil(scene.width)} height={Math.ceil(scene.height)} fill="#ffffff" />
      {scene.shapes.map((shape, i) => (
        <ShapeSvg key={i} shape={shape} onLink={onLink} />
      ))}
    </svg>
  );
});
