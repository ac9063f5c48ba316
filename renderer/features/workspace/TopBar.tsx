// The bar above the workspace: project name, the two views, undo/redo/history, close.

import { LanguageSwitch } from '../../components/LanguageSwitch';
import { t } from '../../i18n/t';
import { useStore } from '../../state/store';
import { HistoryMenu } from '../history/HistoryMenu';
import { LabelLanguageSwitch } from '../study/LabelLanguageSwitch';
import { useSearch } from '../search/search-store';

export function TopBar() {
  const project = useStore((s) => s.project);
  const view = useStore((s) => s.view);
  const setView = useStore((s) => s.setView);
  const run = useStore((s) => s.run);
  const setProject = useStore((s) => s.setProject);
  return (
    <header className="gw-topbar">
      <div className="gw-brand">{t('Groundwork')}</div>
      <div className="gw-project-name" title={project?.path} dir="auto">
        {project?.name}
      </div>
      <nav className="gw-tabs" aria-label={t('Views')}>
        <button type="button" className={view === 'coding' ? 'gw-tab gw-active' : 'gw-tab'} aria-pressed={view === 'coding'} onClick={() => setView('coding')}>
          {t('Coding')}
        </button>
        <button type="button" className={view === 'table7' ? 'gw-tab gw-active' : 'gw-tab'} aria-pressed={view === 'table7'} onClick={() => setView('table7')}>
          {t('Table 7')}
        </button>
        <button type="button" className={view === 'table8' ? 'gw-tab gw-active' : 'gw-tab'} aria-pressed={view === 'table8'} onClick={() => setView('table8')}>
          {t('Table 8')}
        </button>
        <button type="button" className={view === 'diagrams' ? 'gw-tab gw-active' : 'gw-tab'} aria-pressed={view === 'diagrams'} onClick={() => setView('diagrams')}>
          {t('Diagrams')}
        </button>
        <button type="button" className={view === 'words' ? 'gw-tab gw-active' : 'gw-tab'} aria-pressed={view === 'words'} onClick={() => setView('words')}>
          {t('Word frequencies')}
        </button>
        <button type="button" className={view === 'maturity' ? 'gw-tab gw-active' : 'gw-tab'} aria-pressed={view === 'maturity'} onClick={() => setView('maturity')}>
          {t('Maturity model')}
        </button>
      </nav>
      <LabelLanguageSwitch />
      <button
        type="button"
        className="gw-button gw-search-toggle"
        title={t('Search every source (Ctrl+Shift+F)')}
        onClick={() => {
          setView('coding');
          useSearch.getState().show(!useSearch.getState().open || view !== 'coding');
        }}
      >
        {t('Search')}
      </button>
      <HistoryMenu />
      <LanguageSwitch />
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
