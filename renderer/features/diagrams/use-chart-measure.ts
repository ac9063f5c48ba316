// Text widths for the chart layouts, measured with the font the charts draw in, once it has
// loaded (measuring with a fallback font would wrap Persian labels at the wrong places).

import { useEffect, useLayoutEffect, useState, type RefObject } from 'react';
import { canvasMeasure, type Measure } from '../../charts/text-layout';

const FAMILY = 'Vazirmatn';

export function useChartMeasure(): Measure | null {
  const [measure, setMeasure] = useState<Measure | null>(null);
  useEffect(() => {
    let live = true;
    const samples = ['400 13px', '500 12px', '650 15px', '700 22px', 'italic 400 12px'];
    void Promise.all(samples.map((s) => document.fonts.load(`${s} ${FAMILY}`, 'بپB2'))).catch(() => undefined)
      .then(() => {
        if (live) setMeasure(() => canvasMeasure(FAMILY));
      });
    return () => {
      live = false;
    };
  }, []);
  return measure;
}

/** Whether the element sits in a right-to-left layout (the Persian interface mirrors the charts). */
export function useIsRtl(ref: RefObject<HTMLElement | null>): boolean {
  const [rtl, setRtl] = useState(false);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const now = getComputedStyle(el).direction === 'rtl';
    if (now !== rtl) setRtl(now);
  });
  return rtl;
}
