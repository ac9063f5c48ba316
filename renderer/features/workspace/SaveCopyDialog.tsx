// Where to save a copy of the project, in the browser mode (the desktop app uses its save
// dialog): a path typed, or nothing for the home folder under a dated name. Esc, a click outside
// or Cancel closes it; focus starts in the field, stays in the dialog, and goes back afterwards.

import { useRef, useState } from 'react';
import { useDialog } from '../../components/use-dialog';
import { t } from '../../i18n/t';
import { useStore } from '../../state/store';

export function SaveCopyDialog(props: { onSave: (path?: string) => Promise<boolean>; onClose: () => void }) {
  const home = useStore((s) => s.info?.home ?? '');
  const name = useStore((s) => s.project?.name ?? '');
  const [path, setPath] = useState('');
  const [saving, setSaving] = useState(false);
  const field = useRef<HTMLInputElement>(null);
  const dialog = useRef<HTMLFormElement>(null);
  useDialog(dialog, { onClose: props.onClose, initial: field });

  return (
    <div className="gw-modal-backdrop">
      <form
        ref={dialog}
        className="gw-modal"
        role="dialog"
        aria-modal="true"
        aria-labelledby="gw-save-copy-title"
        onSubmit={async (event) => {
          event.preventDefault();
          setSaving(true);
          const saved = await props.onSave(path.trim() || undefined);
          setSaving(false);
          if (saved) props.onClose();
        }}
      >
        <h2 id="gw-save-copy-title">{t('Save a copy of “{name}”', { name })}</h2>
        <p className="gw-confirm-message">
          {t('The copy is the project as it is now, with its history, as a project file of its own; this project stays open. An existing file is never overwritten.')}
        </p>
        <label className="gw-field">
          <span className="gw-field-label">{t('Save as')}</span>
          <input ref={field} className="gw-input" dir="auto" value={path} onChange={(e) => setPath(e.target.value)} placeholder={t('Path of the new .groundwork file')} />
        </label>
        <p className="gw-muted gw-small">{t('Leave it empty to save the copy in {home}, named after the project and today’s date.', { home })}</p>
        <div className="gw-modal-actions">
          <button type="button" className="gw-button" onClick={props.onClose}>
            {t('Cancel')}
          </button>
          <button type="submit" className="gw-button gw-primary" disabled={saving}>
            {t('Save copy')}
          </button>
        </div>
      </form>
    </div>
  );
}
