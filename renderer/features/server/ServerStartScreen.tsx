// The start screen on a team server: the projects this user has a role in, and for an
// administrator a new project, publishing a .groundwork file (its coders become users) and the
// bundled projects. No paths, backups or "start afresh": the server keeps its projects.

import { useEffect, useState } from 'react';
import type { ProjectInfo, ProjectListing } from '../../../shared/domain/model';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { currentLanguage, t } from '../../i18n/t';
import { useStore } from '../../state/store';
import { useServer } from './server-store';

const toBase64 = async (file: File) => {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
};

export function ServerStartScreen() {
  const run = useStore((s) => s.run);
  const setProject = useStore((s) => s.setProject);
  const user = useServer((s) => s.user);
  const logout = useServer((s) => s.logout);
  const [projects, setProjects] = useState<ProjectListing[] | null>(null);
  const [name, setName] = useState('');

  useEffect(() => {
    void run('project.list', {}).then((list) => list && setProjects(list.inHome));
  }, [run]);

  const open = async (promise: Promise<ProjectInfo | undefined>) => {
    const project = await promise;
    if (project) await setProject(project);
  };

  return (
    <main className="gw-start">
      <header className="gw-start-header">
        <div className="gw-start-title">
          <h1>{t('Groundwork')}</h1>
          <div className="gw-row">
            <span className="gw-muted">
              {t('Signed in as {name}', { name: user?.displayName ?? '' })}
            </span>
            <button type="button" className="gw-button" onClick={() => void logout()} data-testid="sign-out">
              {t('Sign out')}
            </button>
            <LanguageSwitch />
          </div>
        </div>
        <p className="gw-muted">{t('A team server: everyone works on the same projects at once, and sees the others’ changes as they are made.')}</p>
      </header>
      <div className="gw-start-grid">
        <section className="gw-card">
          <h2>{t('Your projects')}</h2>
          {projects && projects.length > 0 ? (
            <ul className="gw-project-list">
              {projects.map((p) => (
                <li key={p.path}>
                  <button type="button" className="gw-project-item" onClick={() => void open(run('project.open', { path: p.path }))}>
                    <bdi className="gw-strong">{p.name}</bdi>
                  </button>
                </li>
              ))}
            </ul>
          ) : (
            <p className="gw-muted">{t('You have no role in any project yet: ask a project’s owner to add you.')}</p>
          )}
        </section>
        {user?.admin && (
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
              <div className="gw-row gw-actions">
                <button type="submit" className="gw-button gw-primary" disabled={!name.trim()}>
                  {t('Create project')}
                </button>
              </div>
            </form>
            <h2>{t('Publish a project file')}</h2>
            <p className="gw-muted gw-small">{t('A .groundwork file becomes a project of this server, with its history; each of its coders becomes a user (or the user of the same name), with the coder role.')}</p>
            <input
              type="file"
              accept=".groundwork"
              aria-label={t('Publish a project file')}
              onChange={async (e) => {
                const file = e.target.files?.[0];
                e.target.value = '';
                if (!file) return;
                const result = await run('project.publish', { name: file.name, dataBase64: await toBase64(file) });
                if (!result) return;
                await setProject(result.project);
                if (result.coders.length > 0) {
                  const list = result.coders
                    .map(({ coder, user: to, created }) => (created ? t('{coder} → {user} (new user)', { coder, user: to }) : t('{coder} → {user}', { coder, user: to })))
                    .join(currentLanguage() === 'fa' ? '، ' : ', ');
                  useStore.getState().toast('info', t('Published. Its coders and their users: {list}', { list }));
                }
              }}
            />
          </section>
        )}
        {user?.admin && (
          <section className="gw-card gw-card-example">
            <h2>{t('Projects that come with Groundwork')}</h2>
            <p>{t('The example project and the published study, as projects of this server that every member shares.')}</p>
            <div className="gw-row gw-actions">
              <button type="button" className="gw-button" onClick={() => void open(run('project.openExample', {}))}>
                {t('Open the example project')}
              </button>
              <button type="button" className="gw-button" onClick={() => void open(run('project.openStudy', {}))}>
                {t('Open the study')}
              </button>
            </div>
          </section>
        )}
      </div>
    </main>
  );
}
