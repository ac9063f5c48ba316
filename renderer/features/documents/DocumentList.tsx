// The sources of the project: open one to read and code it, import more with the button or by
// dropping files anywhere on the window. By default only included sources are listed (those
// offered for coding); the filter shows every record, sortable and narrowed by its attributes.
// Up/Down move through the list, Enter or Space opens the source (or shows a record's details).

import { useRef, useState } from 'react';
import { BIBLIOGRAPHY_EXTENSIONS, SOURCE_EXTENSIONS } from '../../../shared/domain/limits';
import { num, t } from '../../i18n/t';
import { useDocuments } from '../../state/project-data';
import { useStore } from '../../state/store';
import { useCorpus, useRecords } from '../corpus/corpus-store';
import { RecordLine } from '../corpus/RecordLine';
import { SourceFilterBar } from '../corpus/SourceFilterBar';
import { DEFAULT_FILTER, sourceRows, type SourceFilter } from '../corpus/source-filter';
import { importFiles } from './import-files';
import { EXCHANGE_EXTENSIONS } from '../../../shared/domain/exchange-import';
import { moveFocus } from '../../components/arrow-focus';

export function DocumentList() {
  const documents = useDocuments();
  const openDoc = useStore((s) => s.openDoc);
  const focus = useStore((s) => s.focus);
  const openDocument = useStore((s) => s.openDocument);
  const setFocus = useStore((s) => s.setFocus);
  const records = useRecords();
  const showAllSources = useCorpus((s) => s.showAllSources);
  const setShowAllSources = useCorpus((s) => s.setShowAllSources);
  const [filter, setFilter] = useState<SourceFilter>(DEFAULT_FILTER);
  const input = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const bibInput = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const effective = { ...filter, showAll: showAllSources };
  const rows = sourceRows(documents, records, effective);
  const hidden = showAllSources ? 0 : documents.length - sourceRows(documents, records, { ...DEFAULT_FILTER }).length;

  const choose = (row: (typeof rows)[number]) => {
    if (row.document) {
      setFocus({ kind: 'document', id: row.document.id });
      void openDocument(row.document.id);
    } else if (row.record) {
      setFocus({ kind: 'record', id: row.record.id });
    }
  };
  // One option is in the tab order: the open source's, else the first.
  const openIndex = rows.findIndex((r) => r.document && r.document.id === openDoc?.document.id);
  const tabStop = openIndex >= 0 ? openIndex : 0;

  const onFiles = async (event: React.ChangeEvent<HTMLInputElement>) => {
    const files = [...(event.target.files ?? [])];
    event.target.value = '';
    await importFiles(files);
  };

  return (
    <section className="gw-panel gw-documents" aria-label={t('Sources')}>
      <header className="gw-panel-header">
        <h2>
          {t('Sources')} <span className="gw-muted">{num(rows.length)}</span>
        </h2>
        <button type="button" className="gw-small-button" onClick={() => input.current?.click()}>
          {t('Import…')}
        </button>
        <button type="button" className="gw-small-button gw-import-folder-button" onClick={() => folderInput.current?.click()}>
          {t('Import folder…')}
        </button>
        <button type="button" className="gw-small-button" onClick={() => bibInput.current?.click()}>
          {t('Import bibliography…')}
        </button>
        <input ref={input} type="file" multiple hidden accept={[...SOURCE_EXTENSIONS, ...EXCHANGE_EXTENSIONS].join(',')} data-testid="import-input" onChange={onFiles} />
        <input ref={folderInput} type="file" multiple hidden {...{ webkitdirectory: '' }} data-testid="import-folder-input" onChange={onFiles} />
        <input ref={bibInput} type="file" multiple hidden accept={BIBLIOGRAPHY_EXTENSIONS.join(',')} data-testid="bibliography-input" onChange={onFiles} />
      </header>
      <SourceFilterBar filter={effective} records={records} onChange={(next) => {
        setShowAllSources(next.showAll);
        setFilter(next);
      }} hidden={hidden} />
      {documents.length === 0 && records.length === 0 ? (
        <p className="gw-empty">{t('No sources yet. Import PDF, Word, web pages or text, a whole folder, or drop files or folders here.')}</p>
      ) : (
        <ul
          ref={listRef}
          className="gw-list"
          role="listbox"
          aria-label={t('Sources')}
          onKeyDown={(event) => {
            if (moveFocus(event, listRef.current, '[role="option"]')) return;
            if (event.key !== 'Enter' && event.key !== ' ') return;
            const index = [...(listRef.current?.querySelectorAll('[role="option"]') ?? [])].indexOf(document.activeElement as Element);
            if (index < 0) return;
            event.preventDefault();
            choose(rows[index]!);
          }}
        >
          {rows.map(({ key, document: doc, record, name }, index) => (
            <li
              key={key}
              role="option"
              tabIndex={index === tabStop ? 0 : -1}
              aria-selected={doc ? openDoc?.document.id === doc.id : focus?.kind === 'record' && focus.id === record?.id}
              className={[
                'gw-list-row',
                'gw-source-row',
                doc ? '' : 'gw-no-text',
                doc && openDoc?.document.id === doc.id ? 'gw-open' : '',
                (doc && focus?.kind === 'document' && focus.id === doc.id) || (!doc && focus?.kind === 'record' && focus.id === record?.id) ? 'gw-focused' : '',
              ].join(' ')}
              onClick={() => choose(rows[index]!)}
              title={doc ? doc.originalName : t('Record without full text')}
            >
              <span className="gw-source-main">
                <span className={`gw-dir-tag gw-dir-${doc?.dir ?? 'none'}`} aria-hidden="true">
                  {doc ? (doc.dir === 'rtl' ? '←' : '→') : '○'}
                </span>
                <span className="gw-list-label">
                  <bdi>{name}</bdi>
                </span>
                {doc?.memo && <span className="gw-memo-mark" title={t('Has a memo')}>✎</span>}
                {doc && (
                  <span className="gw-muted gw-count" title={t('Coded segments')}>
                    {num(doc.segmentCount)}
                  </span>
                )}
              </span>
              {record && <RecordLine record={record} withText={doc !== null} />}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
