// The sources of the project: open one to read and code it, import more with the button or by
// dropping files anywhere on the window.

import { useRef } from 'react';
import { SOURCE_EXTENSIONS } from '../../../shared/domain/limits';
import { num, t } from '../../i18n/t';
import { useStore } from '../../state/store';
import { importFiles } from './import-files';

export function DocumentList() {
  const documents = useStore((s) => s.documents);
  const openDoc = useStore((s) => s.openDoc);
  const focus = useStore((s) => s.focus);
  const openDocument = useStore((s) => s.openDocument);
  const setFocus = useStore((s) => s.setFocus);
  const input = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);

  return (
    <section className="gw-panel gw-documents" aria-label={t('Sources')}>
      <header className="gw-panel-header">
        <h2>
          {t('Sources')} <span className="gw-muted">{num(documents.length)}</span>
        </h2>
        <button type="button" className="gw-small-button" onClick={() => input.current?.click()}>
          {t('Import…')}
        </button>
        <button type="button" className="gw-small-button gw-import-folder-button" onClick={() => folderInput.current?.click()}>
          {t('Import folder…')}
        </button>
        <input
          ref={input}
          type="file"
          multiple
          hidden
          accept={SOURCE_EXTENSIONS.join(',')}
          data-testid="import-input"
          onChange={async (event) => {
            const files = [...(event.target.files ?? [])];
            event.target.value = '';
            await importFiles(files);
          }}
        />
        <input
          ref={folderInput}
          type="file"
          multiple
          hidden
          {...{ webkitdirectory: '' }}
          data-testid="import-folder-input"
          onChange={async (event) => {
            const files = [...(event.target.files ?? [])];
            event.target.value = '';
            await importFiles(files);
          }}
        />
      </header>
      {documents.length === 0 ? (
        <p className="gw-empty">{t('No sources yet. Import PDF, Word, web pages or text, a whole folder, or drop files or folders here.')}</p>
      ) : (
        <ul className="gw-list" role="listbox" aria-label={t('Sources')}>
          {documents.map((doc) => (
            <li
              key={doc.id}
              role="option"
              aria-selected={openDoc?.document.id === doc.id}
              className={[
                'gw-list-row',
                openDoc?.document.id === doc.id ? 'gw-open' : '',
                focus?.kind === 'document' && focus.id === doc.id ? 'gw-focused' : '',
              ].join(' ')}
              onClick={() => {
                setFocus({ kind: 'document', id: doc.id });
                void openDocument(doc.id);
              }}
              title={doc.originalName}
            >
              <span className={`gw-dir-tag gw-dir-${doc.dir}`} aria-hidden="true">
                {doc.dir === 'rtl' ? '←' : '→'}
              </span>
              <span className="gw-list-label">
                <bdi>{doc.name}</bdi>
              </span>
              {doc.memo && <span className="gw-memo-mark" title={t('Has a memo')}>✎</span>}
              <span className="gw-muted gw-count" title={t('Coded segments')}>
                {num(doc.segmentCount)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
