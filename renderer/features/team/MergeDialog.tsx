// "Merge a project…": another copy of the project (a coder's, or one made elsewhere) is looked at
// first: what it brings, its warnings, and each conflict with both sides in words, which the user
// resolves one by one or all one way. Merging is one undo step; its report says what came in.

import { useState } from 'react';
import type { MergeConflictView, MergePreview, MergeReport, MergeResolution } from '../../../shared/domain/team';
import { api } from '../../api/client';
import { bridge } from '../../api/transport';
import { num, t } from '../../i18n/t';
import { refreshed } from '../../state/query-client';
import { errorMessage } from '../workspace/error-message';
import { backendText, translated } from '../../i18n/message';
import { mergeText } from './merge-text';
import { useTeam } from './team-store';

type Choice = { choose: 'ours' | 'theirs' | 'both' } | { text: string };

export function MergeDialog() {
  const openDialog = useTeam((s) => s.openDialog);
  const [file, setFile] = useState('');
  const [preview, setPreview] = useState<MergePreview | null>(null);
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const [report, setReport] = useState<MergeReport | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const look = async () => {
    setProblem(null);
    setBusy(true);
    try {
      setPreview(await api.call('merge.preview', { path: file.trim() }));
      setChoices({});
    } catch (error) {
      setProblem(errorMessage((error as Error).message));
    } finally {
      setBusy(false);
    }
  };
  const open = preview ? preview.conflicts.filter((c) => !choices[c.id]).length : 0;
  const merge = async () => {
    if (!preview) return;
    setBusy(true);
    setProblem(null);
    try {
      const resolutions: MergeResolution[] = Object.entries(choices).map(([conflict, c]) => ({ conflict, ...c }));
      setReport(await api.call('merge.apply', { path: preview.file, resolutions }));
      // What the merge touched is fetched again (the views showing it) before the report is read.
      await refreshed();
    } catch (error) {
      setProblem(errorMessage((error as Error).message));
    } finally {
      setBusy(false);
    }
  };
  const all = (choose: 'ours' | 'theirs') =>
    setChoices(Object.fromEntries((preview?.conflicts ?? []).map((c) => [c.id, { choose: c.choices.includes(choose) ? choose : c.choices[0]! }])));

  return (
    <div className="gw-modal-backdrop" onMouseDown={() => !busy && openDialog(null)}>
      <div className="gw-modal gw-merge" role="dialog" aria-modal="true" aria-labelledby="gw-merge-title" onMouseDown={(e) => e.stopPropagation()} onKeyDown={(e) => e.key === 'Escape' && !busy && openDialog(null)}>
        <h2 id="gw-merge-title">{t('Merge a project')}</h2>
        {report ? (
          <div data-testid="merge-report">
            {report.nothingChanged ? (
              <p>{t('Nothing to merge: {name} holds nothing this project does not have already.', { name: report.name })}</p>
            ) : (
              <>
                <p>{t('Merged {name}. One undo takes the whole merge back.', { name: report.name })}</p>
                <ul className="gw-merge-counts">
                  <li>{t('New: {sources} sources, {categories} categories, {concepts} concepts, {passages} passages, {coders} coders', { ...report.added })}</li>
                  <li>{t('Fields updated: {n}', { n: report.changedFields })}</li>
                  <li>{t('Deleted: {n}', { n: report.deleted.categories + report.deleted.concepts + report.deleted.passages })}</li>
                  <li>{t('Conflicts resolved: {n}', { n: report.conflictsResolved })}</li>
                  <li>{t('Their passages already here: {n}', { n: report.alreadyHere })}</li>
                </ul>
              </>
            )}
            {report.warnings.map((w, i) => (
              <p key={w} className="gw-note gw-warning">
                {backendText(w, report.warningsSaid?.[i])}
              </p>
            ))}
            <div className="gw-modal-actions">
              <button type="button" className="gw-button gw-primary" onClick={() => openDialog(null)}>
                {t('Done')}
              </button>
            </div>
          </div>
        ) : (
          <>
            <form
              className="gw-merge-file"
              onSubmit={(e) => {
                e.preventDefault();
                void look();
              }}
            >
              <label className="gw-field">
                <span>{t('The other copy (its path)')}</span>
                <input className="gw-input" dir="ltr" value={file} autoFocus onChange={(e) => setFile(e.target.value)} placeholder="/…/review – Bita.groundwork" />
              </label>
              {bridge && (
                <button
                  type="button"
                  className="gw-button"
                  onClick={async () => {
                    const picked = await bridge!.pickProjectFile('open');
                    if (picked) setFile(picked);
                  }}
                >
                  {t('Browse…')}
                </button>
              )}
              <button type="submit" className="gw-button" disabled={busy || !file.trim()}>
                {t('Look at it')}
              </button>
            </form>
            {problem && (
              <p className="gw-form-problem" role="alert">
                {problem}
              </p>
            )}
            {preview && (
              <div className="gw-merge-preview" data-testid="merge-preview">
                {preview.warnings.map((w, i) => (
                  <p key={w} className="gw-note gw-warning">
                    {backendText(w, preview.warningsSaid?.[i])}
                  </p>
                ))}
                {preview.empty ? (
                  <p>{t('Nothing to merge: {name} holds nothing this project does not have already.', { name: preview.name })}</p>
                ) : (
                  <p>
                    {t('{name} brings {sources} sources, {categories} categories, {concepts} concepts and {passages} passages; {already} of its passages are here already; {updates} fields change and {deletions} items go.', {
                      name: preview.name,
                      ...preview.added,
                      already: preview.alreadyHere,
                      updates: preview.updates,
                      deletions: preview.deletions,
                    })}
                  </p>
                )}
                {preview.conflicts.length > 0 && (
                  <>
                    <div className="gw-merge-conflicts-head">
                      <h3>{t('Conflicts: {n} to resolve', { n: open })}</h3>
                      <button type="button" className="gw-button" onClick={() => all('ours')}>
                        {t('Keep ours for all')}
                      </button>
                      <button type="button" className="gw-button" onClick={() => all('theirs')}>
                        {t('Take theirs for all')}
                      </button>
                    </div>
                    <ol className="gw-merge-conflicts">
                      {preview.conflicts.map((c) => (
                        <ConflictRow key={c.id} conflict={c} choice={choices[c.id]} onChoose={(choice) => setChoices({ ...choices, [c.id]: choice })} />
                      ))}
                    </ol>
                  </>
                )}
              </div>
            )}
            <div className="gw-modal-actions">
              <button type="button" className="gw-button" disabled={busy} onClick={() => openDialog(null)}>
                {t('Cancel')}
              </button>
              <button type="button" className="gw-button gw-primary" disabled={busy || !preview || preview.empty || open > 0} onClick={() => void merge()}>
                {busy && preview ? t('Merging…') : t('Merge')}
              </button>
            </div>
          </>
        )}
      </div>
    </div>
  );
}

function ConflictRow({ conflict: c, choice, onChoose }: { conflict: MergeConflictView; choice: Choice | undefined; onChoose: (choice: Choice) => void }) {
  const chosen = choice && 'choose' in choice ? choice.choose : choice ? 'text' : null;
  const typed = choice && 'text' in choice ? choice.text : '';
  const name = `gw-conflict-${c.id}`;
  // Places and deletions are described by the backend in words the interface translates; names and memos are the user's.
  const shown = (value: string, side: 'ours' | 'theirs') => {
    const said = side === 'ours' ? c.oursSaid : c.theirsSaid;
    if (said) return backendText(value, said);
    return c.field === 'placement' || c.field === 'existence' ? mergeText(value) : value;
  };
  return (
    <li className="gw-merge-conflict" data-conflict={c.id}>
      <p>
        {conflictSentence(c)}
      </p>
      {c.choices.map((side) => (
        <label key={side} className="gw-merge-side">
          <input type="radio" name={name} checked={chosen === side} onChange={() => onChoose({ choose: side })} />{' '}
          {side === 'ours' ? t('Keep ours:') : side === 'theirs' ? t('Take theirs:') : t('Both:')} <bdi>{side === 'ours' ? shown(c.ours, 'ours') : side === 'theirs' ? shown(c.theirs, 'theirs') : t('filed in both places')}</bdi>
        </label>
      ))}
      {(c.field === 'label' || c.field === 'memo') && (
        <label className="gw-merge-side">
          <input type="radio" name={name} checked={chosen === 'text'} onChange={() => onChoose({ text: typed || c.ours })} /> {t('Write it anew:')}{' '}
          <input className="gw-input" dir="auto" value={chosen === 'text' ? typed : ''} onFocus={() => chosen !== 'text' && onChoose({ text: c.ours })} onChange={(e) => onChoose({ text: e.target.value })} />
        </label>
      )}
    </li>
  );
}

/** What the conflict is, in a sentence of the interface language. */
function conflictSentence(c: MergeConflictView): string {
  const vars = { item: itemWord(c.itemKind), name: c.nameSaid ? translated(c.nameSaid) : c.name };
  switch (c.kind) {
    case 'renamed':
      return t('The {item} “{name}” was renamed differently in each copy.', vars);
    case 'moved':
      return t('The {item} “{name}” was moved or filed differently in each copy.', vars);
    case 'memo':
      return t('The memo of the {item} “{name}” was edited differently in each copy.', vars);
    case 'deleted-there':
      return t('The {item} “{name}” was deleted in their copy, but changed or used in ours.', vars);
    case 'deleted-here':
      return t('The {item} “{name}” was deleted in ours, but changed in theirs.', vars);
    case 'cycle':
      return t('Taking their place for the {item} “{name}” would put it inside itself.', vars);
  }
}

function itemWord(kind: string): string {
  switch (kind) {
    case 'category':
      return t('category');
    case 'concept':
      return t('concept');
    case 'passage':
      return t('passage');
    case 'source':
      return t('source');
    case 'component':
      return t('component');
    default:
      return t('item');
  }
}
