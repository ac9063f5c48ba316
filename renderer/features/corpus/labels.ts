// Interface names of stages and record types (the stored values are English keys).

import type { RecordType, Stage } from '../../../shared/domain/records';
import { t } from '../../i18n/t';

export const stageLabel = (stage: Stage) =>
  ({ identified: t('identified'), screened: t('screened'), eligible: t('eligible'), included: t('included'), excluded: t('excluded') })[stage];

export const typeLabel = (type: RecordType) =>
  ({
    article: t('article'),
    report: t('report'),
    book: t('book'),
    chapter: t('chapter'),
    thesis: t('thesis'),
    'web page': t('web page'),
    other: t('other'),
  })[type];
