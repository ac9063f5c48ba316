// "Prepare copies for coders…": one project file per named coder for blind coding, each with the
// sources and the codebook (as it is now, or as frozen in a chosen baseline) and nobody's passages,
// written beside the project (or in a folder typed).

import { useState } from 'react';
import type { PreparedCopies } from '../../../shared/api/team-contract';
import type { BaselineSummary } from '../../../shared/domain/change-view';
import { coderListProblem, type Coder } from '../../../shared/domain/team';
import { api } from '../../api/client';
import { translated } from '../../i18n/message';
import { plural, t } from '../../i18n/t';
import { refreshed } from '../../state/query-client';
import { errorMessage } from '../workspace/error-message';
import { useProjectQuery } from '../../state/use-project-query';
import { useTeam } from './team-store';

const NO_BASELINES: BaselineSummary[] = [];

/** Drawn once the coders have answered: their names fill the list. */
export function PrepareCopiesDialog() {
  const coders = useProjectQuery('coder.list', {});
  return coders ? <PrepareCopiesForm coders={coders} /> : null;
}

function PrepareCopiesForm({ coders }: { coders: Coder[] }) {
  const openDialog = useTeam((s) => s.openDialog);
  const [names, setNames] = useState(coders.filter((c) => c.kind === 'person').map((c) => c.name).join('\n'));
  const [folder, setFolder] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [made, setMade] = useState<PreparedCopies | null>(null);
  const [busy, setBusy] = useState(false);
  const baselines = useProjectQuery('baseline.list', {}) ?? NO_BASELINES;
  const [baselineId, setBaselineId] = useState<number | null>(null);
  // Blank lines are left out; a name given twice is refused.
  const list = names.split('\n').map((n) => n.trim()).filter((n) => n !== '');

  const submit = async () => {
    if (list.length === 0) return setProblem(t('Name at least one coder.'));
    const local = coderListProblem(list);
    if (local) return setProblem(translated(local));
    setBusy(true);
    try {
      setMade(
        await api.call('project.prepareCopies', {
          coders: list,
          ...(folder.trim() ? { folder: folder.trim() } : {}),
          ...(baselineId !== null ? { baselineId } : {}),
        }),
      );
      // The coders it names are made in this project: what that touched is fetched again.
      await refreshed();
    } catch (error) {
      setProblem(errorMessage((error as Error).message));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="gw-modal-backdrop" onMouseDown={() => openDialog(null)}>
      <div className="gw-modal gw-copies" role="dialog" aria-modal="true" aria-labelledby="gw-copies-title" onMouseDown={(e) => e.stopPropagation()} onKeyDown={(e) => e.key === 'Escape' && openDialog(null)}>
        <h2 id="gw-copies-title">{t('Prepare copies for coders')}</h2>
        {made ? (
          <>
            <p>{plural(made.files.length, 'One copy was written. Send it to its coder; when it comes back, merge it here.', '{n} copies were written. Send each to its coder; when they come back, merge them here.')}</p>
            <ul className="gw-copies-list">
              {made.files.map((f) => (
                <li key={f.path}>
                  <bdi className="gw-strong">{f.coder}</bdi>: <bdi className="gw-path">{f.path}</bdi>
                </li>
              ))}
            </ul>
            {made.baseline && <p>{t('Their codebook is the one frozen in the baseline {name}.', { name: made.baseline })}</p>}
            {made.leftOut.concepts.length + made.leftOut.categories.length > 0 && (
              <>
                <p>{t('Left out of the copies: deleted from the project since the baseline, they would come back as new if merged.')}</p>
                <ul className="gw-copies-list" aria-label={t('Left out of the copies')}>
                  {made.leftOut.concepts.map((name, i) => (
                    <li key={`concept-${i}`}>
                      {t('Concept')}: <bdi>{name}</bdi>
                    </li>
                  ))}
                  {made.leftOut.categories.map((name, i) => (
                    <li key={`category-${i}`}>
                      {t('Category')}: <bdi>{name}</bdi>
                    </li>
                  ))}
                </ul>
              </>
            )}
            <div className="gw-modal-actions">
              <button type="button" className="gw-button gw-primary" onClick={() => openDialog(null)}>
                {t('Done')}
              </button>
            </div>
          </>
        ) : (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void submit();
            }}
          >
            <p>{t('Each coder gets a project file of their own, with the sources and the codebook and without anyone’s passages, so they code blind. Their work comes back with “Merge a project…”.')}</p>
            <label className="gw-field">
              <span>{t('Coders, one name per line')}</span>
              <textarea
                className="gw-input"
                rows={4}
                dir="auto"
                value={names}
                autoFocus
                onChange={(e) => {
                  setNames(e.target.value);
                  setProblem(null);
                }}
              />
            </label>
            <label className="gw-field">
              <span>{t('Codebook')}</span>
              <select
                className="gw-input"
                value={baselineId === null ? '' : String(baselineId)}
                onChange={(e) => {
                  setBaselineId(e.target.value === '' ? null : Number(e.target.value));
                  setProblem(null);
                }}
              >
                <option value="">{t('As it is now')}</option>
                {baselines.map((b) => (
                  <option key={b.id} value={String(b.id)}>
                    {t('As frozen in the baseline {name}', { name: b.name })}
                  </option>
                ))}
              </select>
            </label>
            <label className="gw-field">
              <span>{t('Folder (empty: beside this project)')}</span>
              <input className="gw-input" dir="ltr" value={folder} onChange={(e) => setFolder(e.target.value)} />
            </label>
            {problem && (
              <p className="gw-form-problem" role="alert">
                {problem}
              </p>
            )}
            <div className="gw-modal-actions">
              <button type="button" className="gw-button" onClick={() => openDialog(null)}>
                {t('Cancel')}
              </button>
              <button type="submit" className="gw-button gw-primary" disabled={busy}>
                {t('Prepare copies')}
              </button>
            </div>
          </form>
        )}
      </div>
    </div>
  );
}
