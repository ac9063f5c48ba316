// A count matrix as a table whose cells are shaded by their count (a heat map), with row and column
// totals; rows and columns named in the chosen label language.

import { interpolateBlues } from 'd3';
import type { AxisItem } from '../../../shared/domain/change-view';
import { num, t } from '../../i18n/t';
import { useLabelLanguage } from '../study/labels';
import { axisLabel } from './texts';

export function HeatTable({
  rows,
  columns,
  cells,
  rowTotals,
  columnTotals,
  total,
  corner,
  numbers = true,
  testId,
  footer,
}: {
  rows: AxisItem[];
  columns: AxisItem[];
  cells: number[][];
  rowTotals?: number[];
  columnTotals?: number[];
  total?: number;
  corner: string;
  numbers?: boolean;
  testId: string;
  footer?: { label: string; values: number[] };
}) {
  const lang = useLabelLanguage((s) => s.lang);
  const max = Math.max(1, ...cells.flat());
  const shade = (v: number) => {
    if (v === 0) return undefined;
    const x = 0.15 + (0.75 * v) / max;
    return { background: interpolateBlues(x), color: x > 0.55 ? '#ffffff' : '#1f2328' };
  };
  return (
    <div className="gw-heat-scroll">
      <table className="gw-heat" data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">{corner}</th>
            {columns.map((c) => (
              <th key={c.key} scope="col" data-key={c.key} title={axisLabel(c, lang)}>
                <bdi>{axisLabel(c, lang)}</bdi>
              </th>
            ))}
            {rowTotals && <th scope="col">{t('Total')}</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={r.key} data-key={r.key}>
              <th scope="row" title={axisLabel(r, lang)}>
                <bdi>{axisLabel(r, lang)}</bdi>
              </th>
              {cells[i]!.map((v, j) => (
                <td key={columns[j]!.key} style={shade(v)} className={v === 0 ? 'gw-heat-zero' : undefined} data-col={columns[j]!.key} aria-label={numbers ? undefined : num(v)}>
                  {numbers ? num(v) : ''}
                </td>
              ))}
              {rowTotals && <td className="gw-heat-total">{num(rowTotals[i]!)}</td>}
            </tr>
          ))}
        </tbody>
        {(columnTotals || footer) && (
          <tfoot>
            {columnTotals && (
              <tr>
                <th scope="row">{t('Total')}</th>
                {columnTotals.map((v, j) => (
                  <td key={columns[j]!.key} className="gw-heat-total">
                    {num(v)}
                  </td>
                ))}
                {total !== undefined && <td className="gw-heat-total">{num(total)}</td>}
              </tr>
            )}
            {footer && (
              <tr>
                <th scope="row">{footer.label}</th>
                {footer.values.map((v, j) => (
                  <td key={columns[j]!.key} className="gw-heat-total">
                    {num(v)}
                  </td>
                ))}
              </tr>
            )}
          </tfoot>
        )}
      </table>
    </div>
  );
}
