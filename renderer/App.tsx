// The whole window: the start screen or the workspace of the open project, with the dialogs and
// messages that can appear over either. Listens for changes made by other windows or tabs, and
// re-renders everything when the interface language changes.

import { useEffect } from 'react';
import { api, origin } from './api/client';
import { subscribeToEvents } from './api/transport';
import { ConfirmHost } from './components/confirm';
import { ImportReport } from './features/documents/ImportReport';
import { StartScreen } from './features/start/StartScreen';
import { Toasts } from './features/workspace/Toasts';
import { Workspace } from './features/workspace/Workspace';
import { useInterfaceLanguage } from './i18n/language';
import { useStore } from './state/store';
import { LoginScreen } from './features/server/LoginScreen';
import { ReconnectBanner } from './features/server/ReconnectBanner';
import { ServerStartScreen } from './features/server/ServerStartScreen';
import { useServer } from './features/server/server-store';
import './features/server/server.css';

export function App() {
  const project = useStore((s) => s.project);
  const info = useStore((s) => s.info);
  // A team server answers only a signed-in page (renderer/features/server).
  const server = useServer((s) => s.status);
  const ready = server === 'not-server' || server === 'signed-in';
  // Subscribing here re-renders the whole tree, so every t() reads the new language at once.
  useInterfaceLanguage((s) => s.language);

  useEffect(() => {
    void useServer.getState().check();
  }, []);

  useEffect(() => {
    if (!ready) return;
    void useStore.getState().boot();
    return subscribeToEvents((event) => {
      useServer.getState().heard(event);
      if (event.origin === origin) return;
      const state = useStore.getState();
      if (event.type === 'project.switched') {
        void api.call('project.current', {}).then((p) => state.setProject(p));
      } else {
        state.refreshSoon();
      }
    });
  }, [ready]);

  // A project's messages belong to it: closing or switching projects clears them, so nothing said
  // about the last project follows the user to the start screen or into the next one.
  const projectPath = project?.path ?? null;
  useEffect(() => {
    useStore.setState({ toasts: [] });
  }, [projectPath]);

  if (server === 'signed-out') {
    return (
      <>
        <LoginScreen />
        <Toasts />
      </>
    );
  }
  if (!info || !ready) return <Toasts />;
  return (
    <>
      {project ? <Workspace /> : info.host === 'server' ? <ServerStartScreen /> : <StartScreen />}
      <ReconnectBanner />
      <ImportReport />
      <ConfirmHost />
      <Toasts />
    </>
  );
}
