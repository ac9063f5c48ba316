// The outcome of an import, one line per file: imported, already in the project, or refused and why.

import { create } from 'zustand';
import type { ImportedFile } from '../../../shared/domain/model';
import { t } from '../../i18n/t';

export const useImportReport = create<{ results: ImportedFile[] | null }>(() => ({ results: null }));

const MARK = { imported: '✓', duplicate: '=', failed: '✗' } as const;

export function ImportReport() {
  const results = useImportReport((s) => s.results);
  if (!results || results.length === 0) return null;
  const close = () => useImportReport.setState({ results: null });
  const imported = results.filter((r) => r.status === 'imported').length;
  return (
    <div className="gw-modal-backdrop" onMouseDown={close}>
      <div className="gw-modal gw-import-report" role="dialog" aria-modal="true" aria-labelledby="gw-import-title" onMouseDown={(e) => e.stopPropagation()}>
        <h2 id="gw-import-title">{t('Import: {imported} of {total} files imported', { imported, total: results.length })}</h2>
        <ul>
          {results.map((r, i) => (
            <li key={`${r.name}-${i}`} className={`gw-import-${r.status}`}>
              <span className="gw-import-mark" aria-hidden="true">
                {MARK[r.status]}
              </span>
              <span dir="auto">{r.message || r.name}</span>
            </li>
          ))}
        </ul>
        <div className="gw-modal-actions">
          <button type="button" className="gw-button gw-primary" autoFocus onClick={close}>
            {t('OK')}
          </button>
        </div>
      </div>
    </div>
  );
}
