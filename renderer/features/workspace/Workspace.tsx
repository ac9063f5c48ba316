// The main window of an open project, laid out like the desktop tools researchers know: sources
// and code system on the left, the reader in the middle, details and retrieved segments on the
// right; or the Table 8 view. Files dropped anywhere are imported.

import { useEffect, useState } from 'react';
import { t } from '../../i18n/t';
import { useStore } from '../../state/store';
import { Reader } from '../../editor/Reader';
import { CodeTree } from '../codebook/CodeTree';
import { DocumentList } from '../documents/DocumentList';
import { importFiles } from '../documents/import-files';
import { Inspector } from '../inspector/Inspector';
import { RetrievedSegments } from '../segments/RetrievedSegments';
import { Table8View } from '../counts/Table8View';
import { TopBar } from './TopBar';
import { ScreeningView } from '../screening/ScreeningView';

const typing = (target: EventTarget | null) => (target as HTMLElement | null)?.closest?.('input, textarea, select, [contenteditable="true"]');

export function Workspace() {
  const view = useStore((s) => s.view);
  const [dropping, setDropping] = useState(false);

  // Ctrl+Z / Ctrl+Shift+Z (and Ctrl+Y) undo and redo coding and codebook changes, except while
  // typing in a field, where they undo the typing.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || typing(event.target)) return;
      const key = event.key.toLowerCase();
      const { undo, redo } = useStore.getState();
      if (key === 'z' && !event.shiftKey) {
        event.preventDefault();
        void undo();
      } else if ((key === 'z' && event.shiftKey) || key === 'y') {
        event.preventDefault();
        void redo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const hasFiles = (event: React.DragEvent) => event.dataTransfer.types.includes('Files');

  return (
    <div
      className="gw-app"
      onDragOver={(event) => {
        if (!hasFiles(event)) return;
        event.preventDefault();
        setDropping(true);
      }}
      onDragLeave={(event) => {
        if (event.currentTarget === event.target || !event.relatedTarget) setDropping(false);
      }}
      onDrop={(event) => {
        if (!hasFiles(event)) return;
        event.preventDefault();
        setDropping(false);
        void importFiles([...event.dataTransfer.files]);
      }}
    >
      <TopBar />
      {view === 'coding' ? (
        <main className="gw-workspace">
          <div className="gw-column gw-left">
            <DocumentList />
            <CodeTree />
          </div>
          <Reader />
          <div className="gw-column gw-right">
            <Inspector />
            <RetrievedSegments />
          </div>
        </main>
      ) : view === 'screening' ? (
        <main className="gw-workspace-single">
          <ScreeningView />
        </main>
      ) : (
        <main className="gw-workspace-single">
          <Table8View />
        </main>
      )}
      {dropping && <div className="gw-drop-overlay">{t('Drop files to import them as sources')}</div>}
    </div>
  );
}
