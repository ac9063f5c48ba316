// The import panel's fixed interface texts, in English (translated with t() where shown), kept
// apart from the components so the catalogue test can read them without a DOM.

import type { ImportStage } from '../../../shared/domain/model';

export const STAGE_LABEL: Record<ImportStage, string> = {
  queued: 'queued',
  reading: 'reading',
  imported: 'imported',
  partial: 'partly imported',
  duplicate: 'duplicate',
  failed: 'failed',
  cancelled: 'cancelled',
};
