// The short citation of a retrieved segment's source: "(Colli et al., 2018, p. 170)", Persian
// authors in Persian. `page` comes from the importers' page map where a source has one.

import type { DocumentId } from '../../../shared/domain/ids';
import { shortCitation } from '../../../shared/domain/records';
import { useCorpus } from './corpus-store';

export function SegmentCitation({ documentId, page }: { documentId: DocumentId; page: number | null }) {
  const record = useCorpus((s) => s.records.find((r) => r.documentId === documentId));
  if (!record || (record.authors.length === 0 && record.year === null)) return null;
  return (
    <bdi className="gw-citation" data-testid="segment-citation">
      ({shortCitation(record, page)})
    </bdi>
  );
}
