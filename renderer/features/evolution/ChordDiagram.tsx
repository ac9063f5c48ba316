// Concept co-occurrence as a chord diagram (d3.chord): each concept an arc as wide as its
// co-occurrences, each ribbon a pair of concepts as thick as their count. One self-contained <svg>
// (styles as attributes), so the SVG/PNG export works on it as on every drawing.

import { arc, chord, descending, ribbon } from 'd3';
import { forwardRef, useMemo } from 'react';
import { SVG_FONT_FAMILY } from '../../charts/SceneSvg';
import { textAnchor } from '../../charts/scene';
import { textDirection } from '../../charts/text-layout';

const PALETTE = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];

export const ChordDiagram = forwardRef<SVGSVGElement, { labels: string[]; counts: number[][]; title: string }>(function ChordDiagram({ labels, counts, title }, ref) {
  const size = 720;
  const outer = 190;
  const inner = outer - 14;
  const layout = useMemo(() => {
    // The diagonal (a concept's own passages) is not a co-occurrence.
    const matrix = counts.map((row, i) => row.map((v, j) => (i === j ? 0 : v)));
    return chord().padAngle(0.04).sortSubgroups(descending)(matrix);
  }, [counts]);
  const groupArc = arc<{ startAngle: number; endAngle: number }>().innerRadius(inner).outerRadius(outer);
  const ribbonPath = ribbon<unknown, { startAngle: number; endAngle: number; radius?: number }>().radius(inner - 1);
  const c = size / 2;
  return (
    <svg ref={ref} xmlns="http://www.w3.org/2000/svg" width={size} height={size} viewBox={`0 0 ${size} ${size}`} fontFamily={SVG_FONT_FAMILY} role="img" aria-label={title} data-testid="chord-diagram">
      <title>{title}</title>
      <rect x={0} y={0} width={size} height={size} fill="#ffffff" />
      <g transform={`translate(${c} ${c})`}>
        {layout.map((d, i) => (
          <path key={`r${i}`} d={ribbonPath(d as never) as unknown as string} fill={PALETTE[d.source.index % PALETTE.length]} fillOpacity={0.65} stroke="#ffffff" strokeWidth={0.5} />
        ))}
        {layout.groups.map((g) => {
          if (g.value === 0) return null;
          const angle = (g.startAngle + g.endAngle) / 2;
          const flip = angle > Math.PI;
          const label = labels[g.index] ?? '';
          const short = label.length > 28 ? `${label.slice(0, 27)}…` : label;
          return (
            <g key={`g${g.index}`}>
              <path d={groupArc(g) ?? ''} fill={PALETTE[g.index % PALETTE.length]} />
              <text
                transform={`rotate(${(angle * 180) / Math.PI - 90}) translate(${outer + 8}) ${flip ? 'rotate(180)' : ''}`}
                textAnchor={textAnchor(flip ? 'right' : 'left', textDirection(short))}
                dominantBaseline="middle"
                fontSize={11}
                fill="#1f2328"
                direction={textDirection(short)}
                unicodeBidi="embed"
              >
                {short}
              </text>
            </g>
          );
        })}
      </g>
    </svg>
  );
});
