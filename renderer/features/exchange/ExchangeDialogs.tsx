// The exchange dialogs of an open project: the import report and the export dialog.

import { ExchangeReport } from './ExchangeReport';
import { ExportDialog } from './ExportDialog';

export function ExchangeDialogs() {
  return (
    <>
      <ExchangeReport />
      <ExportDialog />
    </>
  );
}
