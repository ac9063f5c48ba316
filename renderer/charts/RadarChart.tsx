// The radar chart of one or two assessments: the d3 layout of shared/charts/radar.ts drawn as
// React SVG. Persian labels are laid out right to left in the Vazirmatn font.

import { radarLayout, type RadarSeries } from '../../shared/charts/radar';

interface Props {
  axes: string[];
  levelLabels: string[];
  series: RadarSeries[];
  rtl: boolean;
  title: string;
}

export function RadarChart({ axes, levelLabels, series, rtl, title }: Props) {
  const layout = radarLayout({ axes, levelCount: levelLabels.length, levelLabels, series, rtl });
  return (
    <svg
      className="gw-radar"
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      role="img"
      aria-label={title}
      data-testid="radar"
      fontFamily="Vazirmatn, system-ui, sans-serif"
      fontSize={13}
    >
      <title>{title}</title>
      {layout.rings.map((r) => r.points && <polygon key={r.level} points={r.points} fill="none" stroke="#c9ced6" />)}
      {layout.axes.map((a, i) => (
        <line key={i} x1={layout.cx} y1={layout.cy} x2={a.x2} y2={a.y2} stroke="#c9ced6" />
      ))}
      {layout.rings.map((r) => (
        <text key={r.level} x={r.labelX} y={r.labelY} fill="#6b7280" fontSize={11}>
          {r.level}
        </text>
      ))}
      {layout.series.map((s) => (
        <g key={s.name} data-series={s.name}>
          <path d={s.path} transform={`translate(${layout.cx},${layout.cy})`} fill={s.color} fillOpacity={0.18} stroke={s.color} strokeWidth={2} />
          {s.dots.map((d, i) => (
            <circle key={i} cx={d.x} cy={d.y} r={3.5} fill={d.missing ? '#fff' : s.color} stroke={s.color} strokeWidth={1.5} />
          ))}
        </g>
      ))}
      {layout.axes.map((a, i) => (
        <text key={i} x={a.label.x} y={a.label.y} textAnchor={a.label.anchor} direction={rtl ? 'rtl' : 'ltr'} fill="#1f2937" className="gw-radar-axis">
          {a.label.lines.map((line, j) => (
            <tspan key={j} x={a.label.x} dy={j === 0 ? 0 : 15}>
              {line}
            </tspan>
          ))}
        </text>
      ))}
    </svg>
  );
}
