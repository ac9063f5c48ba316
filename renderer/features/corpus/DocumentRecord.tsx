// A source's bibliographic record inside its details panel.

import type { DocumentId } from '../../../shared/domain/ids';
import { t } from '../../i18n/t';
import { useRecords } from './corpus-store';
import { RecordFields } from './RecordFields';

export function DocumentRecord({ documentId }: { documentId: DocumentId }) {
  const records = useRecords();
  const record = records.find((r) => r.documentId === documentId);
  if (!record) return null;
  return (
    <details className="gw-record-details" open>
      <summary>{t('Bibliographic record')}</summary>
      <RecordFields record={record} />
    </details>
  );
}
