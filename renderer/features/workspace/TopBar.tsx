// The bar above the workspace: project name (and "Read-only" when it is), the views,
// undo/redo/history, save a copy, close; under it, the read-only line when the project is.

import { LanguageSwitch } from '../../components/LanguageSwitch';
import { t } from '../../i18n/t';
import { useStore } from '../../state/store';
import { VIEWS } from './views';
import { HistoryMenu } from '../history/HistoryMenu';
import { CoderMenu } from '../team/CoderMenu';
import { LabelLanguageSwitch } from '../study/LabelLanguageSwitch';
import { useSearch } from '../search/search-store';
import { ExportButton } from '../exchange/ExportButton';
import { ReadOnlyBadge } from './ReadOnlyBadge';
import { ReadOnlyBanner } from './ReadOnlyBanner';
import { SaveCopyButton } from './SaveCopyButton';
import { LiveNotice } from '../server/LiveNotice';
import { UserMenu } from '../server/UserMenu';

export function TopBar() {
  const project = useStore((s) => s.project);
  const view = useStore((s) => s.view);
  const setView = useStore((s) => s.setView);
  const run = useStore((s) => s.run);
  const setProject = useStore((s) => s.setProject);
  const host = useStore((s) => s.info?.host);
  return (
    <header className="gw-topbar">
      <div className="gw-brand">{t('Groundwork')}</div>
      <div className="gw-project-name" title={project?.path} dir="auto" data-user-text>
        {project?.name}
      </div>
      <ReadOnlyBadge />
      {host === 'server' && <LiveNotice />}
      <nav className="gw-tabs" aria-label={t('Views')}>
        {VIEWS.map((v) => (
          <button key={v.key} type="button" data-view={v.key} className={view === v.key ? "gw-tab gw-active" : "gw-tab"} aria-pressed={view === v.key} onClick={() => setView(v.key)}>
            {t(v.label)}
          </button>
        ))}
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
      <CoderMenu />
      <ExportButton />
      <HistoryMenu />
      <LanguageSwitch />
      {host === 'server' ? <UserMenu /> : <SaveCopyButton />}
      <button
        type="button"
        className="gw-button"
        onClick={async () => {
          if ((await run('project.close', {})) !== undefined) await setProject(null);
        }}
      >
        {t('Close project')}
      </button>
      <ReadOnlyBanner />
    </header>
  );
}
