// "Save a copy…" in the top bar: a consistent copy of the open project as it is now, written as a
// project file of its own (SQLite's backup, not a file copy under a live log). In the desktop app
// a save dialog picks the file; in the browser a path is typed, or the copy goes to the home
// folder under a dated name.

import { useState } from 'react';
import { bridge } from '../../api/transport';
import { t } from '../../i18n/t';
import { useStore } from '../../state/store';
import { SaveCopyDialog } from './SaveCopyDialog';

export function SaveCopyButton() {
  const run = useStore((s) => s.run);
  const toast = useStore((s) => s.toast);
  const [asking, setAsking] = useState(false);

  const save = async (path?: string) => {
    const saved = await run('project.saveCopy', path ? { path } : {});
    if (saved) toast('info', t('A copy of the project is saved as {path}.', { path: saved.path }));
    return saved !== undefined;
  };

  return (
    <>
      <button
        type="button"
        className="gw-button"
        title={t('Save a copy of the project as it is now, as a project file of its own')}
        onClick={async () => {
          if (!bridge) return setAsking(true);
          const file = await bridge.pickProjectFile('save');
          if (file) await save(file);
        }}
      >
        {t('Save a copy…')}
      </button>
      {asking && <SaveCopyDialog onSave={save} onClose={() => setAsking(false)} />}
    </>
  );
}
