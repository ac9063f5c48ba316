// What a reviewer reads to decide at title/abstract screening: the highlighted record's full
// reference, abstract and keywords.

import { authorName, type RecordSummary } from '../../../shared/domain/records';
import { t, year } from '../../i18n/t';
import { stageLabel, typeLabel } from '../corpus/labels';

export function RecordPreview({ record }: { record: RecordSummary }) {
  const doi = record.doi ? `https://doi.org/${record.doi}` : '';
  return (
    <article className="gw-record-preview" aria-label={t('Highlighted record')} data-testid="record-preview">
      <h3 dir="auto" data-user-text>{record.title}</h3>
      <p dir="auto" className="gw-muted">
        <bdi>{record.authors.map(authorName).join('; ') || t('no author')}</bdi>
        {' · '}
        {record.year === null ? t('no year') : year(record.year)} · {typeLabel(record.type)}
        {record.venue && (
          <>
            {' · '}
            <bdi>{record.venue}</bdi>
          </>
        )}
        {' · '}
        {stageLabel(record.stage)}
        {record.reasonName && ` (${t(record.reasonName)})`}
      </p>
      {record.abstract ? <p dir="auto" className="gw-abstract">{record.abstract}</p> : <p className="gw-muted">{t('No abstract in this record.')}</p>}
      {record.keywords.length > 0 && (
        <p className="gw-muted" dir="auto">
          {t('Keywords')}: <bdi>{record.keywords.join(', ')}</bdi>
        </p>
      )}
      {(doi || record.url) && (
        <p className="gw-muted" dir="ltr" data-user-text>
          {doi || record.url}
        </p>
      )}
    </article>
  );
}
