// The Electron shell: one window on the built renderer, with context isolation, the sandbox and
// no Node integration; the backend runs here in the main process and is reached over IPC.

import { app, BrowserWindow, shell } from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createBackend } from '../backend/backend';
import { APP_ROOT, hostConfig, RENDERER_DIR } from '../host-config';
import { connectIpc } from './ipc';
import { installMenu } from './menu';
import { stopImportWorker, warmImportWorker } from '../backend/import/worker-pool';

// The window notices other programs (the command line, a second window) writing to its project,
// and keeps a daily backup of each project it opens.
const backend = createBackend({
  ...hostConfig('electron', process.env.GROUNDWORK_HOME ?? path.join(app.getPath('documents'), 'Groundwork')),
  watchProject: true,
  dailyBackups: true,
});
const indexFile = path.join(RENDERER_DIR, 'index.html');
const rendererUrl = pathToFileURL(RENDERER_DIR).href;

function createWindow(): void {
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    title: 'Groundwork',
    show: false,
    webPreferences: {
      preload: path.join(APP_ROOT, 'dist', 'electron', 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  window.once('ready-to-show', () => window.show());
  // Links open in the system browser; the window never navigates away from the app.
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://') || url.startsWith('http://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  window.webContents.on('will-navigate', (event, url) => {
    if (!url.startsWith(rendererUrl)) event.preventDefault();
  });
  void window.loadFile(indexFile);
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => BrowserWindow.getAllWindows()[0]?.focus());
  void app.whenReady().then(() => {
    installMenu();
    connectIpc(backend, rendererUrl);
    createWindow();
    // The first import does not wait for its worker to start.
    warmImportWorker();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  // Closing the project checkpoints its WAL into the one project file: quit once that is done.
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    stopImportWorker();
    void backend.close().finally(() => {
      closed = true;
      app.quit();
    });
  });
}
