// The short citation of a retrieved segment's source: "(Colli et al., 2018, p. 170)", Persian
// authors in Persian. `page` comes from the importers' page map where a source has one.

import type { DocumentId } from '../../../shared/domain/ids';
import { shortCitation } from '../../../shared/domain/records';
import { t } from '../../i18n/t';
import { useRecordOfDocument } from './corpus-store';

export function SegmentCitation({ documentId, page }: { documentId: DocumentId; page: string | null }) {
  const record = useRecordOfDocument(documentId);
  if (!record || (record.authors.length === 0 && record.year === null)) {
    // No author or year known: the page alone still tells where the passage is.
    return page === null ? null : (
      <bdi className="gw-citation" data-testid="segment-citation">
        ({t('p. {page}', { page })})
      </bdi>
    );
  }
  return (
    <bdi className="gw-citation" data-testid="segment-citation">
      ({shortCitation(record, page)})
    </bdi>
  );
}
