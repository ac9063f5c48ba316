// The main window of an open project, laid out like the desktop tools researchers know: sources
// and code system on the left, the reader in the middle, details and retrieved segments on the
// right; or the Table 8 view. Files dropped anywhere are imported.

import { useEffect, useState } from 'react';
import { shortcutKey } from '../../components/shortcut-key';
import { t } from '../../i18n/t';
import { useStore } from '../../state/store';
import { Reader } from '../../editor/Reader';
import { CodeTree } from '../codebook/CodeTree';
import { DocumentList } from '../documents/DocumentList';
import { filesFromDrop, importFiles } from '../documents/import-files';
import { Inspector } from '../inspector/Inspector';
import { RetrievedSegments } from '../segments/RetrievedSegments';
import { Table8View } from '../counts/Table8View';
import { TopBar } from './TopBar';
import { DiagramsView } from '../diagrams/DiagramsView';
import { Table7View } from '../study/Table7View';
import { SearchPanel } from '../search/SearchPanel';
import { useSearch } from '../search/search-store';
import { WordFrequencies } from '../stats/WordFrequencies';
import { MaturityView } from '../maturity/MaturityView';
import { ScreeningView } from '../screening/ScreeningView';
import { AgreementView } from '../team/AgreementView';
import { TeamDialogs } from '../team/TeamDialogs';
import { ExchangeDialogs } from '../exchange/ExchangeDialogs';
import { EvolutionView } from '../evolution/EvolutionView';
import { SaturationView } from '../evolution/SaturationView';
import { AnalysisView } from '../evolution/AnalysisView';
import { useProjectLabelLanguage } from '../study/labels';

const typing = (target: EventTarget | null) => (target as HTMLElement | null)?.closest?.('input:not([type="radio"]):not([type="checkbox"]), textarea, select, [contenteditable="true"]');

export function Workspace() {
  // Labels follow the open project's choice of language.
  useProjectLabelLanguage();
  const view = useStore((s) => s.view);
  const searching = useSearch((s) => s.open);
  const [dropping, setDropping] = useState(false);

  // Ctrl+Z / Ctrl+Shift+Z (and Ctrl+Y) undo and redo coding and codebook changes, except while
  // typing in a field, where they undo the typing.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey)) return;
      const key = shortcutKey(event);
      // Ctrl+Shift+F: search the sources (from anywhere, fields included).
      if (key === 'f' && event.shiftKey) {
        event.preventDefault();
        useStore.getState().setView('coding');
        useSearch.getState().show(true);
        return;
      }
      if (typing(event.target)) return;
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
        void filesFromDrop(event.dataTransfer).then(importFiles);
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
            {searching ? (
              <SearchPanel />
            ) : (
              <>
                <Inspector />
                <RetrievedSegments />
              </>
            )}
          </div>
        </main>
      ) : view === 'words' ? (
        <main className="gw-workspace-single">
          <WordFrequencies />
        </main>
      ) : view === 'maturity' ? (
        <main className="gw-workspace-single">
          <MaturityView />
        </main>
      ) : view === 'screening' ? (
        <main className="gw-workspace-single">
          <ScreeningView />
        </main>
      ) : view === 'agreement' ? (
        <main className="gw-workspace-single">
          <AgreementView />
        </main>
      ) : view === 'evolution' || view === 'saturation' || view === 'analysis' ? (
        <main className="gw-workspace-single">
          {view === 'evolution' ? <EvolutionView /> : view === 'saturation' ? <SaturationView /> : <AnalysisView />}
        </main>
      ) : (
        <main className="gw-workspace-single">
          {view === 'diagrams' ? <DiagramsView /> : view === 'table7' ? <Table7View /> : <Table8View />}
        </main>
      )}
      <TeamDialogs />
      <ExchangeDialogs />
      {dropping && <div className="gw-drop-overlay">{t('Drop files to import them as sources')}</div>}
    </div>
  );
}
