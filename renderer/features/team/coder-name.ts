// How a coder is named on screen: the consensus coder in the interface language, others as typed.

import type { Coder } from '../../../shared/domain/team';
import { t } from '../../i18n/t';

export const coderName = (c: Pick<Coder, 'name' | 'kind'>) => (c.kind === 'consensus' ? t('Consensus') : c.name);
