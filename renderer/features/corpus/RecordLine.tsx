// The second line of a source in the Sources panel: short citation, type and screening stage.

import { shortCitation, type RecordSummary } from '../../../shared/domain/records';
import { t } from '../../i18n/t';
import { stageLabel, typeLabel } from './labels';

export function RecordLine({ record, withText }: { record: RecordSummary; withText: boolean }) {
  return (
    <span className="gw-record-line">
      <bdi className="gw-muted">{record.authors.length > 0 || record.year !== null ? shortCitation(record) : t('no author, no year')}</bdi>
      <span className="gw-muted"> · {typeLabel(record.type)}</span>
      <span className={`gw-stage gw-stage-${record.stage}`}>{stageLabel(record.stage)}</span>
      {!withText && <span className="gw-no-text-tag">{t('no full text')}</span>}
    </span>
  );
}
