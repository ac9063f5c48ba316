// Messages from the app: errors stay until dismissed, information fades.

import { t } from '../../i18n/t';
import { useStore } from '../../state/store';

export function Toasts() {
  const toasts = useStore((s) => s.toasts);
  const dismiss = useStore((s) => s.dismissToast);
  return (
    <div className="gw-toasts" aria-live="polite">
      {toasts.map((toast) => (
        <div key={toast.id} className={`gw-toast gw-toast-${toast.kind}`} role={toast.kind === 'error' ? 'alert' : 'status'} dir="auto">
          <span>{toast.message}</span>
          <button type="button" className="gw-icon-button" aria-label={t('Dismiss')} onClick={() => dismiss(toast.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
