// The second line of a source in the Sources panel: short citation, type and screening stage. A
// record without full text is marked by its row's style (italic, dashed edge, ○) and, for screen
// readers, in words.

import { shortCitation, type RecordSummary } from '../../../shared/domain/records';
import { t } from '../../i18n/t';
import { stageLabel, typeLabel } from './labels';

export function RecordLine({ record, withText }: { record: RecordSummary; withText: boolean }) {
  return (
    <span className="gw-record-line">
      <bdi className="gw-muted">{record.authors.length > 0 || record.year !== null ? shortCitation(record) : t('no author, no year')}</bdi>
      <span className="gw-muted"> · {typeLabel(record.type)}</span>
      <span className={`gw-stage gw-stage-${record.stage}`}>{stageLabel(record.stage)}</span>
      {!withText && <span className="gw-visually-hidden">{t('no full text')}</span>}
    </span>
  );
}
