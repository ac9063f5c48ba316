// The study facts and the reproduced-beside-reported figures of the open project, fetched again
// after every change (the store's revision), so a reading chosen or a passage coded shows at once.

import type { CountsCompare, StudyInfo } from '../../../shared/domain/study';
import { useProjectCall } from '../../state/use-project-call';

export const useCompare = (): CountsCompare | null => useProjectCall('counts.compare');

export const useStudy = (): StudyInfo | null => useProjectCall('study.get');
