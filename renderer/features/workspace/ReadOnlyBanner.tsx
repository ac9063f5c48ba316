// The line under the top bar of a project open read-only: why, and what still works. While it
// shows, the page is marked read-only, so the controls that only change the project (the coding
// bar, import, the code system's + buttons, undo) are hidden or dimmed (styles/safety.css); the
// backend refuses any change that still gets through, with one line saying why.

import { useEffect } from 'react';
import { t } from '../../i18n/t';
import { useStore } from '../../state/store';

export function ReadOnlyBanner() {
  const readOnly = useStore((s) => s.project?.readOnly);
  useEffect(() => {
    document.documentElement.classList.toggle('gw-read-only', Boolean(readOnly));
    return () => document.documentElement.classList.remove('gw-read-only');
  }, [readOnly]);
  if (!readOnly) return null;
  return (
    <div className="gw-read-only-banner" role="status" data-testid="read-only-banner">
      {readOnly === 'viewer'
        ? t('You are a viewer of this project: you can read, search and export, and see the others’ changes as they are made. To code, ask one of its owners for the coder role.')
        : readOnly === 'chosen'
        ? t('You opened this project read-only: you can browse, search and export, and nothing you do changes the file. To change it, close it and open it again without “Read-only”.')
        : t('This project file cannot be written (its permissions, or a read-only disk), so it is open read-only: you can browse, search and export, and changes are not saved. To work on it, save a copy where you can write.')}
    </div>
  );
}
