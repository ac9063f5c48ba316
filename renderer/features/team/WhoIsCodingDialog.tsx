// "Who is coding?": asked when a team project is opened on this machine for the first time (and
// from the coder menu). The answer is remembered on this machine for this copy of the project.

import { useEffect, useRef, useState } from 'react';
import type { CoderId } from '../../../shared/domain/ids';
import type { Coder, CoderSession } from '../../../shared/domain/team';
import { coderNameProblem } from '../../../shared/domain/team';
import { api } from '../../api/client';
import { translated } from '../../i18n/message';
import { t } from '../../i18n/t';
import { refreshed } from '../../state/query-client';
import { useStore } from '../../state/store';
import { errorMessage } from '../workspace/error-message';
import { useProjectQuery } from '../../state/use-project-query';
import { paintSession, useCoderSession, useTeam } from './team-store';

/** Drawn once the coders and the session have answered: the first choice and the focus depend on them. */
export function WhoIsCodingDialog() {
  const coders = useProjectQuery('coder.list', {});
  const session = useCoderSession();
  return coders && session ? <WhoIsCodingForm coders={coders} session={session} /> : null;
}

function WhoIsCodingForm({ coders, session }: { coders: Coder[]; session: CoderSession }) {
  const openDialog = useTeam((s) => s.openDialog);
  const people = coders.filter((c) => c.kind === 'person');
  const [choice, setChoice] = useState<CoderId | 'new'>(session.coder?.id ?? session.preparedFor?.id ?? people[0]?.id ?? 'new');
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const firstRef = useRef<HTMLInputElement>(null);
  useEffect(() => firstRef.current?.focus(), []);

  const finish = async (input: { coderId: CoderId | null } | { name: string }) => {
    try {
      paintSession(await api.call('coder.use', input));
      useTeam.setState({ asked: useStore.getState().project?.path ?? null });
      openDialog(null);
      // A coder made by name is a change: the coders and the session are fetched again from it.
      await refreshed();
    } catch (error) {
      setProblem(errorMessage((error as Error).message));
    }
  };
  const submit = () => {
    if (choice !== 'new') return void finish({ coderId: choice });
    const local = coderNameProblem(name, coders);
    if (local) return setProblem(translated(local));
    void finish({ name });
  };

  return (
    <div className="gw-modal-backdrop">
      <form
        className="gw-modal gw-who"
        role="dialog"
        aria-modal="true"
        aria-labelledby="gw-who-title"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
        onKeyDown={(e) => e.key === 'Escape' && openDialog(null)}
      >
        <h2 id="gw-who-title">{t('Who is coding?')}</h2>
        <p>{t('Every passage you code records its coder, and the history shows who made each step. Choose your name; this machine remembers it for this project.')}</p>
        <fieldset className="gw-who-choices">
          <legend className="gw-visually-hidden">{t('Coder')}</legend>
          {people.map((c, i) => (
            <label key={c.id} className="gw-who-choice">
              <input ref={i === 0 ? firstRef : undefined} type="radio" name="gw-who" checked={choice === c.id} onChange={() => setChoice(c.id)} />
              <span className="gw-swatch" style={{ background: c.color }} /> <bdi>{c.name}</bdi>
              {session.preparedFor?.id === c.id && <span className="gw-muted"> · {t('this copy was prepared for them')}</span>}
            </label>
          ))}
          <label className="gw-who-choice">
            <input ref={people.length === 0 ? firstRef : undefined} type="radio" name="gw-who" checked={choice === 'new'} onChange={() => setChoice('new')} />
            {t('A new coder:')}
            <input
              type="text"
              className="gw-input"
              value={name}
              dir="auto"
              aria-label={t('The new coder’s name')}
              onFocus={() => setChoice('new')}
              onChange={(e) => {
                setName(e.target.value);
                setProblem(null);
              }}
            />
          </label>
        </fieldset>
        {problem && (
          <p className="gw-form-problem" role="alert">
            {problem}
          </p>
        )}
        <div className="gw-modal-actions">
          <button type="button" className="gw-button" onClick={() => void finish({ coderId: null })}>
            {t('Continue without a name')}
          </button>
          <button type="submit" className="gw-button gw-primary">
            {t('Code as this coder')}
          </button>
        </div>
      </form>
    </div>
  );
}
