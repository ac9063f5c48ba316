// The import panel: one row per file as it goes (queued, reading, imported, duplicate, failed with
// the reason, cancelled), the overall progress in files and bytes, Cancel while a batch runs, and
// the outcome when it is done.

import { useRef } from 'react';
import { useDialog } from '../../components/use-dialog';
import type { ImportStage } from '../../../shared/domain/model';
import { size, t } from '../../i18n/t';
import { backendText } from '../../i18n/message';
import { STAGE_LABEL } from './texts';
import { cancelImport, closeImport, useImportBatch } from './import-files';

const MARK: Record<ImportStage, string> = {
  queued: '·',
  reading: '…',
  imported: '✓',
  partial: '◐',
  duplicate: '=',
  failed: '✗',
  cancelled: '–',
};

export function ImportReport() {
  const batch = useImportBatch((s) => s.batch);
  if (!batch || batch.rows.length === 0) return null;
  return <ImportDialog batch={batch} />;
}

function ImportDialog({ batch }: { batch: NonNullable<ReturnType<typeof useImportBatch.getState>['batch']> }) {
  const dialogRef = useRef<HTMLDivElement>(null);
  // Esc or a click outside closes the report once the batch is done; while it runs they do nothing.
  useDialog(dialogRef, { onClose: () => !useImportBatch.getState().batch?.running && closeImport() });
  const { rows, running } = batch;
  const total = rows.length;
  const finished = rows.filter((r) => r.stage !== 'queued' && r.stage !== 'reading').length;
  const imported = rows.filter((r) => r.stage === 'imported').length;
  const bytesTotal = rows.reduce((n, r) => n + r.size, 0);
  const bytesDone = rows.filter((r) => r.stage !== 'queued' && r.stage !== 'reading').reduce((n, r) => n + r.size, 0);
  const title = running
    ? t('Importing: {done} of {total} files', { done: finished, total })
    : t('Import: {imported} of {total} files imported', { imported, total });
  return (
    <div className="gw-modal-backdrop">
      <div
        ref={dialogRef}
        className="gw-modal gw-import-report"
        role="dialog"
        aria-modal="true"
        aria-labelledby="gw-import-title"
        aria-busy={running}
      >
        <h2 id="gw-import-title">{title}</h2>
        <div className="gw-import-overall">
          <progress max={Math.max(1, bytesTotal)} value={bytesDone} aria-label={t('Import progress')} />
          <span className="gw-muted" data-testid="import-bytes">
            {t('{done} of {total}', { done: size(bytesDone), total: size(bytesTotal) })}
            {batch.cancelRequested && running ? ` · ${t('Cancelling…')}` : ''}
          </span>
        </div>
        <ul aria-label={t('Files')}>
          {rows.map((r, i) => (
            <li key={`${r.path}-${i}`} className={`gw-import-${r.stage}`} data-stage={r.stage}>
              <span className="gw-import-mark" aria-hidden="true">
                {MARK[r.stage]}
              </span>
              {r.message ? (
                <span>{backendText(r.message, r.said)}</span>
              ) : (
                <span>
                  <bdi>{r.path}</bdi> <span className="gw-muted">{t(STAGE_LABEL[r.stage])}</span>
                </span>
              )}
            </li>
          ))}
        </ul>
        <div className="gw-modal-actions">
          {running ? (
            <button type="button" className="gw-button" onClick={cancelImport} disabled={batch.cancelRequested}>
              {t('Cancel')}
            </button>
          ) : (
            <button type="button" className="gw-button gw-primary" autoFocus onClick={closeImport}>
              {t('OK')}
            </button>
          )}
        </div>
      </div>
    </div>
  );
}
