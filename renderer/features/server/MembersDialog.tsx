// The open project's members and their roles, for its owners: change a role, take it away, add a
// user of the server by their sign-in name, and whether coders may change the codebook. Every
// change is made on the server at once (it is not a step of the project's history).

import { useEffect, useRef, useState } from 'react';
import { ROLE_NAMES, type Member, type RoleName } from '../../../shared/api/server-contract';
import { useDialog } from '../../components/use-dialog';
import { t } from '../../i18n/t';
import { useStore } from '../../state/store';
import { useServer } from './server-store';
import { ROLE_HINT, ROLE_LABEL } from './texts';

export function MembersDialog(props: { onClose: () => void }) {
  const run = useStore((s) => s.run);
  const project = useStore((s) => s.project);
  const access = useServer((s) => s.access);
  const [members, setMembers] = useState<Member[] | null>(null);
  const [name, setName] = useState('');
  const [role, setRole] = useState<RoleName>('coder');
  const dialog = useRef<HTMLDivElement>(null);
  useDialog(dialog, { onClose: props.onClose });

  useEffect(() => {
    void run('access.members', {}).then((list) => list && setMembers(list));
  }, [run]);

  const change = async (user: string, next: RoleName | null) => {
    const list = await run('access.setRole', { user, role: next });
    if (list) setMembers(list);
    void useServer.getState().loadAccess();
  };

  return (
    <div className="gw-modal-backdrop">
      <div ref={dialog} className="gw-modal gw-members" role="dialog" aria-modal="true" aria-labelledby="gw-members-title">
        <h2 id="gw-members-title">{t('Members of “{name}”', { name: project?.name ?? '' })}</h2>
        <table className="gw-members-table">
          <thead>
            <tr>
              <th scope="col">{t('User')}</th>
              <th scope="col">{t('Role')}</th>
            </tr>
          </thead>
          <tbody>
            {(members ?? []).map((m) => (
              <tr key={m.name} data-testid={`member-${m.name}`}>
                <td>
                  <bdi data-user-text>{m.displayName}</bdi> <span className="gw-muted gw-small" dir="ltr" data-user-text>{m.name}</span>
                </td>
                <td>
                  <select
                    className="gw-input"
                    value={m.role}
                    aria-label={t('Role of {name}', { name: m.displayName })}
                    onChange={(e) => void change(m.name, e.target.value === 'none' ? null : (e.target.value as RoleName))}
                  >
                    {ROLE_NAMES.map((r) => (
                      <option key={r} value={r} title={t(ROLE_HINT[r])}>
                        {t(ROLE_LABEL[r])}
                      </option>
                    ))}
                    <option value="none">{t('No role (remove)')}</option>
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <form
          className="gw-row gw-members-add"
          onSubmit={async (event) => {
            event.preventDefault();
            if (!name.trim()) return;
            await change(name.trim(), role);
            setName('');
          }}
        >
          <input className="gw-input" dir="auto" value={name} onChange={(e) => setName(e.target.value)} placeholder={t('Sign-in name of a user')} aria-label={t('Sign-in name of a user')} />
          <select className="gw-input" value={role} onChange={(e) => setRole(e.target.value as RoleName)} aria-label={t('Role')}>
            {ROLE_NAMES.map((r) => (
              <option key={r} value={r}>
                {t(ROLE_LABEL[r])}
              </option>
            ))}
          </select>
          <button type="submit" className="gw-button" disabled={!name.trim()}>
            {t('Add')}
          </button>
        </form>
        <p className="gw-muted gw-small">{t('Users are added to the server by its administrator (groundwork user add).')}</p>
        <label className="gw-check">
          <input
            type="checkbox"
            checked={access?.codersEditCodebook ?? true}
            onChange={async (e) => {
              const next = await run('access.setCodebookRule', { codersEditCodebook: e.target.checked });
              if (next) useServer.setState({ access: next });
            }}
          />
          <span>{t('Coders may change the codebook (concepts, categories, components)')}</span>
        </label>
        <div className="gw-modal-actions">
          <button type="button" className="gw-button gw-primary" onClick={props.onClose}>
            {t('Close')}
          </button>
        </div>
      </div>
    </div>
  );
}
