// A source's attributes beyond its record (variables, sets of sources and cases an exchange file
// brought), listed in its details; nothing is shown for a source without any.

import type { DocumentId } from '../../../shared/domain/ids';
import { t } from '../../i18n/t';
import { useProjectQuery } from '../../state/use-project-query';

export function SourceAttributes({ id }: { id: DocumentId }) {
  const attributes = useProjectQuery('document.attributes', { id }) ?? [];
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
