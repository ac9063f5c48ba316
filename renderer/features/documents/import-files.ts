// Importing files chosen in a dialog, a folder picked or dropped, or files dropped on the window.
// Each file gets a progress row (queued → reading → imported / duplicate / failed); files go to the
// backend one at a time, so the panel shows overall progress (files and bytes) and a batch can be
// cancelled: files not yet started are not imported, those done stay. The calls of one batch share
// a batch id, so the whole batch is one undo step. A failing file never stops the rest.

import { create } from 'zustand';
import { MAX_SOURCE_BYTES } from '../../../shared/domain/limits';
import type { ImportedFile, ImportStage } from '../../../shared/domain/model';
import type { Message } from '../../../shared/domain/message';
import { GroundworkError } from '../../../shared/api/errors';
import { api } from '../../api/client';
import { uploadBytes } from '../../api/transport';
import { size, t } from '../../i18n/t';
import { holdRefresh } from '../../state/query-client';
import { useStore } from '../../state/store';
import { importOrder } from './import-order';
import { isExchangeFile } from '../../../shared/domain/exchange-import';
import { importExchangeFiles } from '../exchange/exchange-store';

/** What the importers read (the bibliography ones included); anything else is skipped unread. */
export const IMPORTABLE_EXTENSIONS = ['.pdf', '.docx', '.html', '.htm', '.xhtml', '.txt', '.text', '.md', '.markdown', '.ris', '.bib', '.csv'];

export interface ImportRow {
  name: string;
  /** Where the file sits in a picked or dropped folder, else its name. */
  path: string;
  size: number;
  stage: ImportStage;
  message: string;
  /** The backend's report line, structured: shown in the interface language (else `message` as written). */
  said?: Message;
  file?: File;
}

export interface ImportBatch {
  id: string;
  rows: ImportRow[];
  running: boolean;
  cancelRequested: boolean;
}

export const useImportBatch = create<{ batch: ImportBatch | null }>(() => ({ batch: null }));

const update = (change: (batch: ImportBatch) => ImportBatch) => {
  const { batch } = useImportBatch.getState();
  if (batch) useImportBatch.setState({ batch: change(batch) });
};
const setRow = (index: number, row: Partial<ImportRow>) =>
  update((b) => ({ ...b, rows: b.rows.map((r, i) => (i === index ? { ...r, ...row } : r)) }));

function toBase64(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

const extensionOf = (name: string) => {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot).toLowerCase() : '';
};

export interface PickedFile {
  file: File;
  /** Relative path inside a picked or dropped folder. */
  path?: string;
}

/** Checks made before a file is read: hidden files in folders are left out, others get a row. */
function rowFor({ file, path }: PickedFile, inFolder: boolean): ImportRow {
  const row: ImportRow = { name: file.name, path: path || file.name, size: file.size, stage: 'queued', message: '', file };
  const ext = extensionOf(file.name);
  if (inFolder && !IMPORTABLE_EXTENSIONS.includes(ext)) {
    return {
      ...row,
      stage: 'failed',
      file: undefined,
      message: ext
        ? t('{name}: skipped, "{ext}" files are not imported.', { name: file.name, ext })
        : t('{name}: skipped, files without an extension are not imported.', { name: file.name }),
    };
  }
  if (file.size > MAX_SOURCE_BYTES) {
    return {
      ...row,
      stage: 'failed',
      file: undefined,
      message: t('{name}: the file is {size}; sources larger than {limit} are not imported. Split it into parts.', {
        name: file.name,
        size: size(file.size),
        limit: size(MAX_SOURCE_BYTES),
      }),
    };
  }
  return row;
}

const hidden = (path: string) => path.split('/').some((part) => part.startsWith('.'));

/** Starts importing; files added while a batch runs join it. */
export async function importFiles(files: (File | PickedFile)[]): Promise<void> {
  const all = files.map((f) => (f instanceof File ? { file: f, path: (f as File & { webkitRelativePath?: string }).webkitRelativePath || undefined } : f));
  // REFI-QDA projects and codebooks are imports of their own, each one undo step with its report.
  const exchange = all.filter((p) => isExchangeFile(p.file.name) && !(p.path && hidden(p.path)));
  if (exchange.length) void importExchangeFiles(exchange.map((p) => p.file));
  const picked = all.filter((p) => !isExchangeFile(p.file.name));
  if (picked.length === 0) return;
  const rows = importOrder(picked.filter((p) => !(p.path && hidden(p.path)))).map((p) => rowFor(p, !!p.path));
  if (rows.length === 0) {
    if (picked.length > 0) useStore.getState().toast('error', t('The folder holds no files to import.'));
    return;
  }
  const current = useImportBatch.getState().batch;
  if (current?.running) {
    update((b) => ({ ...b, rows: [...b.rows, ...rows] }));
    return;
  }
  const id = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  useImportBatch.setState({ batch: { id, rows, running: true, cancelRequested: false } });
  await runBatch(id);
}

export function cancelImport(): void {
  const batch = useImportBatch.getState().batch;
  update((b) => (b.running ? { ...b, cancelRequested: true } : b));
  // The file being read stops at once too, not only the ones still queued.
  if (batch?.running) void api.call('document.cancelImport', { batch: batch.id }).catch(() => undefined);
}

export function closeImport(): void {
  const { batch } = useImportBatch.getState();
  if (batch && !batch.running) useImportBatch.setState({ batch: null });
}

async function importOne(batchId: string, file: File): Promise<ImportedFile> {
  let bytes: ArrayBuffer;
  try {
    bytes = await file.arrayBuffer();
  } catch {
    return { name: file.name, status: 'failed', message: t('{name}: the file cannot be read.', { name: file.name }) };
  }
  try {
    // In the browser the bytes go as they are, named in the call by a token; in Electron, in the call.
    const upload = await uploadBytes(bytes);
    const input = upload ? { name: file.name, upload } : { name: file.name, dataBase64: toBase64(bytes) };
    const [result] = await api.call('document.import', { files: [input], batch: batchId });
    return result ?? { name: file.name, status: 'failed', message: t('{name}: the file cannot be read.', { name: file.name }) };
  } catch (error) {
    if (error instanceof GroundworkError) return { name: file.name, status: 'failed', message: error.message, ...(error.said ? { said: error.said } : {}) };
    return { name: file.name, status: 'failed', message: String(error) };
  }
}

async function runBatch(id: string): Promise<void> {
  let firstImported: ImportedFile['document'];
  let sinceRefresh = 0;
  // The views follow the batch every ten files, not after each one (importOne never throws).
  const hold = holdRefresh();
  for (let index = 0; ; index += 1) {
    const batch = useImportBatch.getState().batch;
    if (!batch || batch.id !== id || index >= batch.rows.length) break;
    const row = batch.rows[index]!;
    if (row.stage !== 'queued' || !row.file) continue;
    if (batch.cancelRequested) {
      setRow(index, { stage: 'cancelled', file: undefined, message: t('{name}: not imported, the import was cancelled.', { name: row.name }) });
      continue;
    }
    setRow(index, { stage: 'reading' });
    const result = await importOne(id, row.file);
    // The file being read when Cancel was clicked is stopped by the backend: it is cancelled too.
    const stopped = result.status === 'failed' && useImportBatch.getState().batch?.cancelRequested;
    setRow(index, { stage: stopped ? 'cancelled' : result.status, message: result.message || result.name, said: result.said, file: undefined });
    if (result.status === 'imported') {
      firstImported ??= result.document;
      sinceRefresh += 1;
      if (sinceRefresh >= 10) {
        sinceRefresh = 0;
        await hold.flush();
      }
    }
  }
  update((b) => ({ ...b, running: false }));
  await hold.release();
  if (firstImported && !useStore.getState().openDoc) await useStore.getState().openDocument(firstImported.id);
}

/** The files of a dropped folder (or of dropped files), read from the drop's entries. */
export async function filesFromDrop(dataTransfer: DataTransfer): Promise<PickedFile[]> {
  // Entries must be taken while the drop event is being handled; they are walked afterwards.
  const entries = [...dataTransfer.items]
    .map((item) => (item.kind === 'file' ? item.webkitGetAsEntry?.() : null))
    .filter((e): e is FileSystemEntry => !!e);
  const plain = [...dataTransfer.files];
  if (!entries.some((e) => e.isDirectory)) return plain.map((file) => ({ file }));
  const out: PickedFile[] = [];
  const walk = async (entry: FileSystemEntry, prefix: string): Promise<void> => {
    if (entry.isFile) {
      const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
      out.push({ file, path: prefix ? `${prefix}/${entry.name}` : undefined });
    } else if (entry.isDirectory) {
      const reader = (entry as FileSystemDirectoryEntry).createReader();
      const children: FileSystemEntry[] = [];
      // readEntries returns its entries in portions until it returns none.
      for (;;) {
        const part = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
        if (part.length === 0) break;
        children.push(...part);
      }
      children.sort((a, b) => a.name.localeCompare(b.name));
      for (const child of children) await walk(child, prefix ? `${prefix}/${entry.name}` : entry.name);
    }
  };
  for (const entry of entries) await walk(entry, '');
  return out;
}
