// Export… in the top bar: opens the export dialog (REFI-QDA project or codebook).

import { t } from '../../i18n/t';
import { openExport } from './exchange-store';

export function ExportButton() {
  return (
    <button type="button" className="gw-button" title={t('Export the project for MAXQDA, ATLAS.ti, NVivo or QualCoder (REFI-QDA)')} onClick={() => openExport(true)}>
      {t('Export…')}
    </button>
  );
}
