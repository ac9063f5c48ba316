// Importing REFI-QDA files (.qdpx, .qde, .qdc) picked in Import… or dropped on the window, and
// exporting the project: each file is one call (one undo step), and its report stays on screen
// until it is closed. A refused file gets its one-line reason; the project is unchanged by it.

import { create } from 'zustand';
import { GroundworkError } from '../../../shared/api/errors';
import type { ExchangeImportResult } from '../../../shared/domain/exchange-import';
import { api } from '../../api/client';
import { answerNow, refreshed } from '../../state/query-client';
import { useStore } from '../../state/store';

export type ExchangeOutcome = { file: string; result: ExchangeImportResult } | { file: string; error: string };

interface ExchangeState {
  /** Files being imported now (in order), and the outcome of each one done. */
  pending: string[];
  outcomes: ExchangeOutcome[];
  exportOpen: boolean;
}

export const useExchange = create<ExchangeState>(() => ({ pending: [], outcomes: [], exportOpen: false }));

function toBase64(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export async function importExchangeFiles(files: File[]): Promise<void> {
  if (files.length === 0) return;
  const running = useExchange.getState().pending.length > 0;
  useExchange.setState((s) => ({ pending: [...s.pending, ...files.map((f) => f.name)], outcomes: running ? s.outcomes : [] }));
  let firstSource = false;
  for (const file of files) {
    let outcome: ExchangeOutcome;
    try {
      const result = await api.call('exchange.import', { name: file.name, dataBase64: toBase64(await file.arrayBuffer()) });
      outcome = { file: file.name, result };
      firstSource ||= result.written.sources > 0;
    } catch (error) {
      outcome = { file: file.name, error: error instanceof GroundworkError ? error.message : String(error) };
    }
    useExchange.setState((s) => ({ pending: s.pending.slice(1), outcomes: [...s.outcomes, outcome] }));
    await refreshed();
  }
  // As after importing sources: the first one opens when nothing is open yet.
  const { openDoc, openDocument } = useStore.getState();
  if (!firstSource || openDoc) return;
  const [first] = await answerNow('document.list', {});
  if (first) await openDocument(first.id);
}

export const closeExchangeReport = () => useExchange.setState((s) => (s.pending.length ? s : { outcomes: [] }));

export const openExport = (open: boolean) => useExchange.setState({ exportOpen: open });
