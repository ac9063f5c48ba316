// "Changed by …" in the top bar: the latest change someone else made to the open project, with
// its step as the history names it, fading after a while; the views have already refetched it.

import { useEffect, useState } from 'react';
import { t } from '../../i18n/t';
import { historyLabel } from '../history/history-label';
import { useServer } from './server-store';

const SHOWN_MS = 12_000;

export function LiveNotice() {
  const live = useServer((s) => s.live);
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (!live) return;
    const timer = setTimeout(() => setNow(Date.now()), SHOWN_MS);
    return () => clearTimeout(timer);
  }, [live]);
  if (!live || Math.max(now, Date.now()) - live.at > SHOWN_MS + 500) return null;
  const label = historyLabel(live.label, live.said);
  const text =
    live.kind === 'undo'
      ? t('{name} undid: {label}', { name: live.by, label })
      : live.kind === 'redo'
        ? t('{name} redid: {label}', { name: live.by, label })
        : t('Changed by {name}: {label}', { name: live.by, label });
  return (
    <div key={live.id} className="gw-live-notice" role="status" aria-live="polite" data-testid="live-notice">
      <span className="gw-live-dot" aria-hidden="true" />
      <span className="gw-live-text">{text}</span>
    </div>
  );
}
