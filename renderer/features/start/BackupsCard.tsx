// The backups on the start screen: for each project, its backups with their dates and why they
// were taken; Restore asks first, saying which file it replaces (kept among the backups first).

import { useEffect, useState } from 'react';
import type { BackupEntry, BackupKind, ProjectBackups } from '../../../shared/domain/project-file';
import { confirmAction } from '../../components/confirm';
import { plural, t } from '../../i18n/t';
import { useStore } from '../../state/store';
import { size, when } from './format';

const kindLabel = (kind: BackupKind) => (kind === 'daily' ? t('Daily') : kind === 'before-fresh' ? t('Before starting afresh') : t('Before a restore'));

export function BackupsCard() {
  const run = useStore((s) => s.run);
  const setProject = useStore((s) => s.setProject);
  const toast = useStore((s) => s.toast);
  const [projects, setProjects] = useState<ProjectBackups[] | null>(null);

  useEffect(() => {
    void run('backup.list', {}).then((list) => list && setProjects(list));
  }, [run]);

  const restore = async (project: ProjectBackups, backup: BackupEntry) => {
    const date = when(backup.takenAt);
    const confirmed = await confirmAction({
      title: t('Restore “{name}” as it was on {date}?', { name: project.name, date }),
      message: project.current.exists
        ? t('The project file {path} is replaced by this backup. The file as it is now is first kept among the backups, so you can go back to it.', { path: project.path })
        : t('There is no file at {path} now; the backup is put back there.', { path: project.path }),
      confirmLabel: t('Restore'),
      danger: project.current.exists,
    });
    if (!confirmed) return;
    const info = await run('backup.restore', { id: backup.id });
    if (!info) return;
    await setProject(info);
    toast('info', t('“{name}” is restored as it was on {date}.', { name: project.name, date }));
  };

  return (
    <section className="gw-card gw-backups" aria-labelledby="gw-backups-title">
      <h2 id="gw-backups-title">{t('Backups')}</h2>
      <p className="gw-muted gw-small">
        {t('A copy of each project you work in is kept once a day when you open it, and before it is started afresh or restored (the last ten of each).')}
      </p>
      {projects && projects.length === 0 && <p className="gw-muted">{t('No backups yet.')}</p>}
      {projects?.map((project, index) => (
        <details key={project.path} className="gw-backup-project" open={index === 0}>
          <summary title={project.path}>
            <bdi className="gw-strong">{project.name}</bdi>{' '}
            <span className="gw-muted gw-small">
              {plural(project.backups.length, '{n} backup', '{n} backups')}
              {!project.current.exists && ` · ${t('the project file is missing')}`}
            </span>
          </summary>
          <ul className="gw-backup-list">
            {project.backups.map((backup) => (
              <li key={backup.id}>
                <span className="gw-backup-when">{when(backup.takenAt)}</span>
                <span className="gw-muted gw-small">
                  {kindLabel(backup.kind)} · {size(backup.bytes)}
                </span>
                <button
                  type="button"
                  className="gw-small-button"
                  aria-label={t('Restore “{name}” as it was on {date}', { name: project.name, date: when(backup.takenAt) })}
                  onClick={() => void restore(project, backup)}
                >
                  {t('Restore…')}
                </button>
              </li>
            ))}
          </ul>
        </details>
      ))}
    </section>
  );
}
