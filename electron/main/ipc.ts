// The IPC bridge: the one channel the window calls the backend through, the event channel back,
// and the native file dialogs. Calls from any page but our own renderer are refused.

import { BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { PROJECT_EXTENSION } from '../../db/sqlite/open';
import type { CallRequest, CallResponse } from '../../shared/api/wire';
import type { Backend } from '../backend/backend';
import { dispatch } from '../backend/dispatcher';

export function connectIpc(backend: Backend, rendererUrl: string): () => void {
  const trusted = (event: IpcMainInvokeEvent) => event.senderFrame?.url.startsWith(rendererUrl) ?? false;

  ipcMain.handle('groundwork:call', (event, request: CallRequest): Promise<CallResponse> | CallResponse => {
    if (!trusted(event)) return { ok: false, error: { code: 'internal', message: 'Refused: not the Groundwork window.' } };
    return dispatch(backend, request);
  });

  ipcMain.handle('groundwork:pick-project', async (event, mode: 'open' | 'save') => {
    if (!trusted(event)) return null;
    const window = BrowserWindow.fromWebContents(event.sender);
    const filters = [{ name: 'Groundwork project', extensions: [PROJECT_EXTENSION.slice(1)] }];
    if (mode === 'save') {
      const result = await dialog.showSaveDialog(window!, { defaultPath: backend.config.home, filters });
      return result.canceled ? null : result.filePath ?? null;
    }
    const result = await dialog.showOpenDialog(window!, { defaultPath: backend.config.home, filters, properties: ['openFile'] });
    return result.canceled ? null : result.filePaths[0] ?? null;
  });

  const unsubscribe = backend.subscribe((event) => {
    for (const window of BrowserWindow.getAllWindows()) window.webContents.send('groundwork:event', event);
  });

  return () => {
    unsubscribe();
    ipcMain.removeHandler('groundwork:call');
    ipcMain.removeHandler('groundwork:pick-project');
  };
}
