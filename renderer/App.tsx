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

export function App() {
  const project = useStore((s) => s.project);
  const info = useStore((s) => s.info);
  // Subscribing here re-renders the whole tree, so every t() reads the new language at once.
  useInterfaceLanguage((s) => s.language);

  useEffect(() => {
    void useStore.getState().boot();
    return subscribeToEvents((event) => {
      if (event.origin === origin) return;
      const state = useStore.getState();
      if (event.type === 'project.switched') {
        void api.call('project.current', {}).then((p) => state.setProject(p));
      } else {
        void state.refresh();
      }
    });
  }, []);

  // A project's messages belong to it: closing or switching projects clears them, so nothing said
  // about the last project follows the user to the start screen or into the next one.
  const projectPath = project?.path ?? null;
  useEffect(() => {
    useStore.setState({ toasts: [] });
  }, [projectPath]);

  if (!info) return <Toasts />;
  return (
    <>
      {project ? <Workspace /> : <StartScreen />}
      <ImportReport />
      <ConfirmHost />
      <Toasts />
    </>
  );
}
