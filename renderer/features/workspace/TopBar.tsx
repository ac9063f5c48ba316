// The bar above the workspace: project name, the two views, undo/redo/history, close.

import { t } from '../../i18n/t';
import { useStore } from '../../state/store';
import { HistoryMenu } from '../history/HistoryMenu';

export function TopBar() {
  const project = useStore((s) => s.project);
  const view = useStore((s) => s.view);
  const setView = useStore((s) => s.setView);
  const run = useStore((s) => s.run);
  const setProject = useStore((s) => s.setProject);
  return (
    <header className="gw-topbar">
      <div className="gw-brand">Groundwork</div>
      <div className="gw-project-name" title={project?.path} dir="auto">
        {project?.name}
      </div>
      <nav className="gw-tabs" aria-label={t('Views')}>
        <button type="button" className={view === 'coding' ? 'gw-tab gw-active' : 'gw-tab'} aria-pressed={view === 'coding'} onClick={() => setView('coding')}>
          {t('Coding')}
        </button>
        <button type="button" className={view === 'table8' ? 'gw-tab gw-active' : 'gw-tab'} aria-pressed={view === 'table8'} onClick={() => setView('table8')}>
          {t('Table 8')}
        </button>
        <button type="button" className={view === 'screening' ? 'gw-tab gw-active' : 'gw-tab'} aria-pressed={view === 'screening'} onClick={() => setView('screening')}>
          {t('Screening')}
        </button>
      </nav>
      <HistoryMenu />
      <button
        type="button"
        className="gw-button"
        onClick={async () => {
          if ((await run('project.close', {})) !== undefined) await setProject(null);
        }}
      >
        {t('Close project')}
      </button>
    </header>
  );
}
