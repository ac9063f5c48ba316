// The preload: exposes one small object, window.groundwork, and nothing else. The renderer calls
// the backend through it and hears change events; it gets no Node or Electron API.

import { contextBridge, ipcRenderer } from 'electron';
import type { CallRequest, CallResponse, BackendEvent } from '../../shared/api/wire';

const bridge = {
  host: 'electron' as const,
  call: (request: CallRequest): Promise<CallResponse> => ipcRenderer.invoke('groundwork:call', request),
  onEvent(listener: (event: BackendEvent) => void): () => void {
    const handler = (_: unknown, event: BackendEvent) => listener(event);
    ipcRenderer.on('groundwork:event', handler);
    return () => ipcRenderer.removeListener('groundwork:event', handler);
  },
  /** Native open/save dialogs for project files; resolves to a path, or null when cancelled. */
  pickProjectFile: (mode: 'open' | 'save'): Promise<string | null> => ipcRenderer.invoke('groundwork:pick-project', mode),
};

export type GroundworkBridge = typeof bridge;

contextBridge.exposeInMainWorld('groundwork', bridge);
