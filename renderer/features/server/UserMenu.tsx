// Who is signed in to the team server, in the top bar, with their role in the open project; its
// menu downloads the project as a .groundwork file, opens the members (owners) and signs out.

import { useEffect, useRef, useState } from 'react';
import { downloadBase64 } from '../../components/download';
import { useDialog } from '../../components/use-dialog';
import { t } from '../../i18n/t';
import { useStore } from '../../state/store';
import { MembersDialog } from './MembersDialog';
import { useServer } from './server-store';
import { ROLE_LABEL } from './texts';

export function UserMenu() {
  const user = useServer((s) => s.user);
  const access = useServer((s) => s.access);
  const loadAccess = useServer((s) => s.loadAccess);
  const logout = useServer((s) => s.logout);
  const project = useStore((s) => s.project);
  const run = useStore((s) => s.run);
  const [open, setOpen] = useState(false);
  const [members, setMembers] = useState(false);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    void loadAccess();
  }, [loadAccess, project?.path]);

  if (!user) return null;
  const role = access?.role ?? null;
  return (
    <div className="gw-user">
      <button
        ref={button}
        type="button"
        className="gw-button gw-user-chip"
        aria-haspopup="menu"
        aria-expanded={open}
        data-testid="user-chip"
        onClick={() => setOpen(!open)}
      >
        <bdi data-user-text>{user.displayName}</bdi>
        {role && <span className="gw-user-role">{t(ROLE_LABEL[role])}</span>}
      </button>
      {open && (
        <UserMenuItems
          anchor={button}
          onClose={() => setOpen(false)}
          canManage={role === 'owner'}
          hasProject={Boolean(project)}
          onMembers={() => setMembers(true)}
          onDownload={async () => {
            const file = await run('project.download', {});
            if (file) downloadBase64(file.filename, file.dataBase64, 'application/octet-stream');
          }}
          onSignOut={() => void logout()}
        />
      )}
      {members && <MembersDialog onClose={() => setMembers(false)} />}
    </div>
  );
}

function UserMenuItems(props: {
  anchor: React.RefObject<HTMLButtonElement | null>;
  onClose: () => void;
  canManage: boolean;
  hasProject: boolean;
  onMembers: () => void;
  onDownload: () => void;
  onSignOut: () => void;
}) {
  const menu = useRef<HTMLDivElement>(null);
  useDialog(menu, { onClose: props.onClose, ignore: props.anchor });
  const item = (label: string, action: () => void, testId: string) => (
    <button
      type="button"
      role="menuitem"
      className="gw-menu-item"
      data-testid={testId}
      onClick={() => {
        props.onClose();
        action();
      }}
    >
      {label}
    </button>
  );
  return (
    <div ref={menu} className="gw-user-menu" role="menu" aria-label={t('Your account')}>
      {props.hasProject && props.canManage && item(t('Members and roles…'), props.onMembers, 'open-members')}
      {props.hasProject && item(t('Download the project (.groundwork)'), props.onDownload, 'download-project')}
      {item(t('Sign out'), props.onSignOut, 'sign-out')}
    </div>
  );
}
