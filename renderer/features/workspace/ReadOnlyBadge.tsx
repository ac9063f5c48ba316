// "Read-only" beside the project's name in the top bar, when the project is open read-only.

import { t } from '../../i18n/t';
import { useStore } from '../../state/store';

export function ReadOnlyBadge() {
  const readOnly = useStore((s) => s.project?.readOnly);
  if (!readOnly) return null;
  return (
    <span className="gw-read-only-badge" data-testid="read-only-badge" title={t('Changes to this project are not saved.')}>
      {t('Read-only')}
    </span>
  );
}
