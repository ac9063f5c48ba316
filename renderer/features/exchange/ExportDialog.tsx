// Export… : the project as a REFI-QDA project (.qdpx) for MAXQDA, ATLAS.ti, NVivo or QualCoder, with
// positions in the standard's code points or in NVivo's own unit, or the codebook alone (.qdc).
// The file is checked against the standard's schema before it is offered for saving.

import { useState } from 'react';
import { downloadBase64 } from '../../components/download';
import { t } from '../../i18n/t';
import { translated } from '../../i18n/message';
import { useStore } from '../../state/store';
import { openExport, useExchange } from './exchange-store';

export function ExportDialog() {
  const open = useExchange((s) => s.exportOpen);
  const run = useStore((s) => s.run);
  const toast = useStore((s) => s.toast);
  const [format, setFormat] = useState<'qdpx' | 'qdc'>('qdpx');
  const [unit, setUnit] = useState<'standard' | 'nvivo'>('standard');
  const [busy, setBusy] = useState(false);
  if (!open) return null;

  const save = async () => {
    setBusy(true);
    const file = await run('exchange.export', { format, unit: format === 'qdpx' ? unit : 'standard' });
    setBusy(false);
    if (!file) return;
    downloadBase64(file.filename, file.dataBase64, format === 'qdpx' ? 'application/zip' : 'application/xml');
    openExport(false);
    toast('info', t('Exported “{file}”.', { file: file.filename }));
    file.warnings.forEach((warning, i) => toast('info', file.warningsSaid?.[i] ? translated(file.warningsSaid[i]) : warning));
  };

  return (
    <div className="gw-modal-backdrop" onMouseDown={() => !busy && openExport(false)}>
      <div className="gw-modal gw-export-dialog" role="dialog" aria-modal="true" aria-labelledby="gw-export-title" onMouseDown={(e) => e.stopPropagation()}>
        <h2 id="gw-export-title">{t('Export for another program')}</h2>
        <fieldset>
          <legend>{t('What to export')}</legend>
          <label>
            <input type="radio" name="gw-export-format" checked={format === 'qdpx'} onChange={() => setFormat('qdpx')} />{' '}
            {t('The project (.qdpx): sources, codebook, coded passages, memos, attributes and coders')}
          </label>
          <label>
            <input type="radio" name="gw-export-format" checked={format === 'qdc'} onChange={() => setFormat('qdc')} /> {t('The codebook alone (.qdc)')}
          </label>
        </fieldset>
        <fieldset disabled={format !== 'qdpx'}>
          <legend>{t('Positions of coded passages')}</legend>
          <label>
            <input type="radio" name="gw-export-unit" checked={unit === 'standard'} onChange={() => setUnit('standard')} />{' '}
            {t('As the standard counts them (Unicode code points): MAXQDA, ATLAS.ti, QualCoder')}
          </label>
          <label>
            <input type="radio" name="gw-export-unit" checked={unit === 'nvivo'} onChange={() => setUnit('nvivo')} />{' '}
            {t('For NVivo (UTF-16 code units, Windows line ends)')}
          </label>
        </fieldset>
        <p className="gw-muted">{t('REFI-QDA is the exchange standard MAXQDA, ATLAS.ti, NVivo and QualCoder read. The file is checked against the standard’s schema before it is saved.')}</p>
        <div className="gw-modal-actions">
          <button type="button" className="gw-button" disabled={busy} onClick={() => openExport(false)}>
            {t('Cancel')}
          </button>
          <button type="button" className="gw-button gw-primary" disabled={busy} onClick={() => void save()}>
            {busy ? t('Exporting…') : t('Export')}
          </button>
        </div>
      </div>
    </div>
  );
}
