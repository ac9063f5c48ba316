// Linking a record without full text to a source by hand, when neither its DOI, file name nor
// title found it: only sources that still have their own record (none from a bibliography) are
// offered; the source's own record gives way to this one.

import type { RecordId } from '../../../shared/domain/records';
import { t } from '../../i18n/t';
import { useDocuments } from '../../state/project-data';
import { useStore } from '../../state/store';
import { useRecords } from './corpus-store';

export function LinkToSource({ recordId }: { recordId: RecordId }) {
  const documents = useDocuments();
  const run = useStore((s) => s.run);
  const records = useRecords();
  const free = documents.filter((d) => {
    const own = records.find((r) => r.documentId === d.id);
    return !own || own.origin === 'file';
  });
  if (free.length === 0) return null;
  return (
    <label className="gw-field">
      <span>{t('Link to a source')}</span>
      <select
        aria-label={t('Link to a source')}
        value=""
        onChange={(e) => {
          const id = Number(e.target.value);
          if (!(id > 0)) return;
          void run('record.link', { id: recordId, documentId: id }).then((linked) => {
            if (!linked?.documentId) return;
            useStore.getState().setFocus({ kind: 'document', id: linked.documentId });
            void useStore.getState().openDocument(linked.documentId);
          });
        }}
      >
        <option value="">{t('Choose the source with its full text…')}</option>
        {free.map((d) => (
          <option key={d.id} value={d.id}>
            {d.name}
          </option>
        ))}
      </select>
    </label>
  );
}
