// Importing files chosen in a dialog or dropped on the window: size is checked before a file is
// read, then everything goes to the backend in one call, and the outcome of every file is shown.

import { formatBytes, MAX_SOURCE_BYTES } from '../../../shared/domain/limits';
import type { ImportedFile } from '../../../shared/domain/model';
import { t } from '../../i18n/t';
import { useStore } from '../../state/store';
import { useImportReport } from './ImportReport';

function toBase64(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export async function importFiles(files: File[]): Promise<void> {
  if (files.length === 0) return;
  const refused: ImportedFile[] = [];
  const accepted: { name: string; dataBase64: string }[] = [];
  for (const file of files) {
    if (file.size > MAX_SOURCE_BYTES) {
      refused.push({
        name: file.name,
        status: 'failed',
        message: t('{name}: the file is {size}; sources larger than {limit} are not imported. Split it into parts.', {
          name: file.name,
          size: formatBytes(file.size),
          limit: formatBytes(MAX_SOURCE_BYTES),
        }),
      });
      continue;
    }
    try {
      accepted.push({ name: file.name, dataBase64: toBase64(await file.arrayBuffer()) });
    } catch {
      refused.push({ name: file.name, status: 'failed', message: t('{name}: the file cannot be read.', { name: file.name }) });
    }
  }
  const results = accepted.length > 0 ? ((await useStore.getState().run('document.import', { files: accepted })) ?? []) : [];
  useImportReport.setState({ results: [...results, ...refused] });
  const first = results.find((r) => r.status === 'imported')?.document;
  if (first && !useStore.getState().openDoc) await useStore.getState().openDocument(first.id);
}
