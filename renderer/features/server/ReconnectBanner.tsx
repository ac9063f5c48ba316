// While the team server (or its database) is out of reach: a line saying so, and a quiet retry
// every couple of seconds; once it answers again, the page refetches what it shows.

import { useEffect } from 'react';
import { api } from '../../api/client';
import { t } from '../../i18n/t';
import { useStore } from '../../state/store';
import { useServer } from './server-store';

export function ReconnectBanner() {
  const reconnecting = useServer((s) => s.reconnecting);
  useEffect(() => {
    if (!reconnecting) return;
    const timer = setInterval(() => {
      void api.call('project.current', {}).then(
        () => {
          useServer.setState({ reconnecting: false });
          void useStore.getState().refresh();
        },
        () => undefined,
      );
    }, 2000);
    return () => clearInterval(timer);
  }, [reconnecting]);
  if (!reconnecting) return null;
  return (
    <div className="gw-reconnecting" role="alert" data-testid="reconnecting">
      {t('Reconnecting to the team server… Changes made now are not saved; they are refused until it answers again.')}
    </div>
  );
}
