// Details of a source: its file, length, direction and hash, opening and deleting it, its memo.

import type { DocumentId } from '../../../shared/domain/ids';
import { confirmAction } from '../../components/confirm';
import { num, plural, t } from '../../i18n/t';
import { useDocuments } from '../../state/project-data';
import { useStore } from '../../state/store';
import { MemoEditor } from './MemoEditor';
import { DocumentRecord } from '../corpus/DocumentRecord';
import { SourceAttributes } from '../exchange/SourceAttributes';

export function DocumentInspector({ id }: { id: DocumentId }) {
  const documents = useDocuments();
  const run = useStore((s) => s.run);
  const setFocus = useStore((s) => s.setFocus);
  const openDocument = useStore((s) => s.openDocument);
  const doc = documents.find((d) => d.id === id);
  if (!doc) return null;
  return (
    <section className="gw-panel gw-inspector" aria-label={t('Details')}>
      <p className="gw-kind">{t('Source')}</p>
      <h2 dir="auto">{doc.name}</h2>
      <dl className="gw-facts">
        <dt>{t('File')}</dt>
        <dd dir="auto" data-user-text>{doc.originalName}</dd>
        <dt>{t('Length')}</dt>
        <dd>{plural(doc.length, '{n} character', '{n} characters')}</dd>
        <dt>{t('Direction')}</dt>
        <dd>{doc.dir === 'rtl' ? t('right to left') : t('left to right')}</dd>
        <dt>{t('Segments')}</dt>
        <dd>{num(doc.segmentCount)}</dd>
        <dt>SHA-256</dt>
        <dd className="gw-mono" title={doc.sha256} data-user-text>
          {doc.sha256.slice(0, 16)}…
        </dd>
      </dl>
      <SourceAttributes id={doc.id} />
      <div className="gw-row gw-actions">
        <button type="button" className="gw-button" onClick={() => void openDocument(doc.id)}>
          {t('Open')}
        </button>
        <button
          type="button"
          className="gw-button gw-danger"
          onClick={async () => {
            const ok = await confirmAction({
              title: t('Delete the source “{name}”?', { name: doc.name }),
              message: `${
                doc.segmentCount > 0
                  ? t('Its {segments} will be deleted with it; the concepts stay in the codebook.', {
                      segments: plural(doc.segmentCount, '{n} coded segment', '{n} coded segments'),
                    })
                  : t('It has no coded segments.')
              } ${t('You can undo this with Ctrl+Z.')}`,
              confirmLabel: t('Delete source'),
              danger: true,
            });
            if (ok && (await run('document.delete', { id: doc.id }))) setFocus(null);
          }}
        >
          {t('Delete…')}
        </button>
      </div>
      <DocumentRecord documentId={doc.id} />
      <MemoEditor target={{ kind: 'document', id: doc.id }} value={doc.memo} />
    </section>
  );
}
