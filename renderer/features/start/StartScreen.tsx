// The start screen, shown when no project is open: create a project, open one (read-only if
// asked), open the example project (four Persian and Arabic corpus articles and an English text,
// nothing coded) or the study, start either afresh (after saying what it holds), restore a backup.

import { useEffect, useState } from 'react';
import type { ProjectInfo, ProjectListing } from '../../../shared/domain/model';
import { bridge } from '../../api/transport';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { locale, t } from '../../i18n/t';
import { useStore } from '../../state/store';
import { BackupsCard } from './BackupsCard';
import { startAfresh } from './start-afresh';

export function StartScreen() {
  const info = useStore((s) => s.info);
  const run = useStore((s) => s.run);
  const setProject = useStore((s) => s.setProject);
  const [name, setName] = useState('');
  const [path, setPath] = useState('');
  const [projects, setProjects] = useState<{ recent: ProjectListing[]; inHome: ProjectListing[] } | null>(null);
  const [readOnly, setReadOnly] = useState(false);
  const openFile = (file: string) => open(run('project.open', readOnly ? { path: file, readOnly: true } : { path: file }));

  useEffect(() => {
    void run('project.list', {}).then((list) => list && setProjects(list));
  }, [run]);

  const open = async (promise: Promise<ProjectInfo | undefined>) => {
    const project = await promise;
    if (project) await setProject(project);
  };

  const listed = [
    ...(projects?.recent ?? []),
    ...(projects?.inHome ?? []).filter((p) => !projects?.recent.some((r) => r.path === p.path)),
  ];

  return (
    <main className="gw-start">
      <header className="gw-start-header">
        <div className="gw-start-title">
          <h1>{t('Groundwork')}</h1>
          <LanguageSwitch />
        </div>
        <p className="gw-muted">{t('Qualitative coding in the grounded-theory tradition: open, axial and selective coding, with the counts of the paradigm model.')}</p>
      </header>
      <div className="gw-start-grid">
        <section className="gw-card">
          <h2>{t('New project')}</h2>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              if (name.trim()) void open(run('project.create', { name: name.trim() }));
            }}
          >
            <label className="gw-field">
              <span className="gw-field-label">{t('Name')}</span>
              <input className="gw-input" dir="auto" value={name} onChange={(e) => setName(e.target.value)} placeholder={t('e.g. B2B marketing review')} />
            </label>
            <p className="gw-muted gw-small">{t('Saved as one file in {home}', { home: info?.home ?? '…' })}</p>
            <div className="gw-row gw-actions">
              <button type="submit" className="gw-button gw-primary" disabled={!name.trim()}>
                {t('Create project')}
              </button>
              {bridge && (
                <button
                  type="button"
                  className="gw-button"
                  onClick={async () => {
                    const file = await bridge!.pickProjectFile('save');
                    if (file) await open(run('project.create', { name: name.trim() || file.replace(/^.*[\\/]/, '').replace(/\.groundwork$/, ''), path: file }));
                  }}
                >
                  {t('Create in…')}
                </button>
              )}
            </div>
          </form>
        </section>

        <section className="gw-card">
          <h2>{t('Open project')}</h2>
          {listed.length > 0 ? (
            <ul className="gw-project-list">
              {listed.map((p) => (
                <li key={p.path}>
                  <button type="button" className="gw-project-item" disabled={!p.exists} onClick={() => void openFile(p.path)} title={p.path}>
                    <bdi className="gw-strong">{p.name}</bdi>
                    <span className="gw-muted gw-small">{p.exists ? new Date(p.modifiedAt!).toLocaleString(locale()) : t('missing')}</span>
                  </button>
                </li>
              ))}
            </ul>
          ) : (
            <p className="gw-muted">{t('No projects yet.')}</p>
          )}
          <form
            className="gw-row"
            onSubmit={(event) => {
              event.preventDefault();
              if (path.trim()) void openFile(path.trim());
            }}
          >
            <input className="gw-input" dir="auto" value={path} onChange={(e) => setPath(e.target.value)} placeholder={t('Path to a .groundwork file')} aria-label={t('Path to a project file')} />
            <button type="submit" className="gw-button" disabled={!path.trim()}>
              {t('Open')}
            </button>
            {bridge && (
              <button
                type="button"
                className="gw-button"
                onClick={async () => {
                  const file = await bridge!.pickProjectFile('open');
                  if (file) await openFile(file);
                }}
              >
                {t('Browse…')}
              </button>
            )}
          </form>
          <label className="gw-check gw-small">
            <input type="checkbox" checked={readOnly} onChange={(e) => setReadOnly(e.target.checked)} />
            <span>{t('Open read-only: browse, search and export without changing the file')}</span>
          </label>
        </section>

        <BundledCard
          title={t('Example project')}
          text={t('Four articles from the literature of a published B2B marketing review (three Persian, one Arabic) and the English abstract of that review, imported and ready to code.')}
          openLabel={t('Open the example project')}
          freshTitle={t('Discard any coding done in the example and start again')}
          onOpen={(fresh) => void (fresh ? startAfresh('example') : open(run('project.openExample', {})))}
        />
        <BundledCard
          testId="study-card"
          title={t('B2B marketing maturity model (Tellohosseini et al., 2022)')}
          text={t('The published study to reproduce: its full codebook (six components, Table 7’s 7 dimensions and 48 category rows, 354 concept items in Persian with English glosses), its reported Table 8, screening figures and references, and four corpus articles ready to code.')}
          openLabel={t('Open the study')}
          freshTitle={t('Discard any coding done in the study project and start again')}
          onOpen={(fresh) => void (fresh ? startAfresh('study') : open(run('project.openStudy', {})))}
        />
        <BackupsCard />
      </div>
    </main>
  );
}

/** A project that comes with Groundwork: open it, or build it afresh. */
function BundledCard(props: { title: string; text: string; openLabel: string; freshTitle: string; testId?: string; onOpen: (fresh: boolean) => void }) {
  return (
    <section className="gw-card gw-card-example" data-testid={props.testId}>
      <h2>{props.title}</h2>
      <p>{props.text}</p>
      <div className="gw-row gw-actions">
        <button type="button" className="gw-button gw-primary" onClick={() => props.onOpen(false)}>
          {props.openLabel}
        </button>
        <button type="button" className="gw-button" onClick={() => props.onOpen(true)} title={props.freshTitle}>
          {t('Start it afresh…')}
        </button>
      </div>
    </section>
  );
}
