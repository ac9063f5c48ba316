// A source's attributes beyond its record (variables, sets of sources and cases an exchange file
// brought), listed in its details; nothing is shown for a source without any.

import { useEffect, useState } from 'react';
import type { DocumentId } from '../../../shared/domain/ids';
import { api } from '../../api/client';
import { t } from '../../i18n/t';
import { useStore } from '../../state/store';

export function SourceAttributes({ id }: { id: DocumentId }) {
  const revision = useStore((s) => s.revision);
  const [attributes, setAttributes] = useState<{ name: string; value: string }[]>([]);
  useEffect(() => {
    let current = true;
    api.call('document.attributes', { id }).then(
      (list) => current && setAttributes(list),
      () => current && setAttributes([]),
    );
    return () => {
      current = false;
    };
  }, [id, revision]);
  if (attributes.length === 0) return null;
  return (
    <dl className="gw-facts" aria-label={t('Attributes')} data-testid="source-attributes">
      {attributes.map((a) => (
        <div key={a.name} className="gw-fact">
          <dt dir="auto">{a.name}</dt>
          <dd dir="auto">{a.value}</dd>
        </div>
      ))}
    </dl>
  );
}
