// "Export SVG" and "Export PNG" for a drawn chart.

import { useState, type RefObject } from 'react';
import { exportPng, exportSvg, fileStem } from '../../components/svg-export';
import { t } from '../../i18n/t';
import { useStore } from '../../state/store';

export function ExportButtons({ svg, name }: { svg: RefObject<SVGSVGElement | null>; name: string }) {
  const toast = useStore((s) => s.toast);
  const [busy, setBusy] = useState(false);
  const run = async (kind: 'svg' | 'png') => {
    const element = svg.current;
    if (!element) return;
    setBusy(true);
    try {
      if (kind === 'svg') await exportSvg(element, `${fileStem(name)}.svg`);
      else await exportPng(element, `${fileStem(name)}.png`);
    } catch (error) {
      toast('error', t('The drawing could not be exported: {reason}', { reason: (error as Error).message }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="gw-toolbar">
      <button type="button" className="gw-button" disabled={busy} onClick={() => void run('svg')}>
        {t('Export SVG')}
      </button>
      <button type="button" className="gw-button" disabled={busy} onClick={() => void run('png')}>
        {t('Export PNG')}
      </button>
    </div>
  );
}
