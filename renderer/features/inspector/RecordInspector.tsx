// Details of a record without full text (a bibliography entry no source is linked to yet).

import type { RecordId } from '../../../shared/domain/records';
import { t } from '../../i18n/t';
import { useStore } from '../../state/store';
import { useRecords } from '../corpus/corpus-store';
import { RecordFields } from '../corpus/RecordFields';
import { LinkToSource } from '../corpus/LinkToSource';

export function RecordInspector({ id }: { id: RecordId }) {
  const records = useRecords();
  const run = useStore((s) => s.run);
  const setFocus = useStore((s) => s.setFocus);
  const record = records.find((r) => r.id === id);
  if (!record) return null;
  return (
    <section className="gw-panel gw-inspector" aria-label={t('Details')}>
      <p className="gw-kind">{t('Record without full text')}</p>
      <h2 dir="auto">{record.title}</h2>
      <p className="gw-muted">{t('Import its file (PDF, text, web page) and it links to this record by file name or title.')}</p>
      <LinkToSource recordId={record.id} />
      <RecordFields record={record} />
      <div className="gw-row gw-actions">
        <button
          type="button"
          className="gw-button gw-danger"
          onClick={async () => {
            if ((await run('record.delete', { id: record.id })) !== undefined) setFocus(null);
          }}
        >
          {t('Delete record')}
        </button>
      </div>
    </section>
  );
}
