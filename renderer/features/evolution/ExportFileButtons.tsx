// "Export CSV" and "Export XLSX" for a report or an analysis view: the backend writes the file (the
// spreadsheet right to left when labels are Persian), the window saves it.

import { useState } from 'react';
import type { Input } from '../../../shared/api/contract';
import { api } from '../../api/client';
import { downloadBase64 } from '../../components/download';
import { t } from '../../i18n/t';
import { useStore } from '../../state/store';
import { useLabelLanguage } from '../study/labels';
import { errorMessage } from '../workspace/error-message';

type View = Input<'analysis.export'>['view'];

const MIME = { csv: 'text/csv;charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const;

export function ExportFileButtons({ view }: { view: View | null }) {
  const lang = useLabelLanguage((s) => s.lang);
  const toast = useStore((s) => s.toast);
  const [busy, setBusy] = useState(false);
  const save = async (format: 'csv' | 'xlsx') => {
    if (!view) return;
    setBusy(true);
    try {
      const file = await api.call('analysis.export', { view, format, labels: lang });
      downloadBase64(file.filename, file.dataBase64, MIME[format]);
    } catch (error) {
      toast('error', errorMessage((error as Error).message));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="gw-toolbar">
      <button type="button" className="gw-button" disabled={busy || !view} onClick={() => void save('csv')}>
        {t('Export CSV')}
      </button>
      <button type="button" className="gw-button" disabled={busy || !view} onClick={() => void save('xlsx')}>
        {t('Export XLSX')}
      </button>
    </div>
  );
}
