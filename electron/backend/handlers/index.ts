// Every contract method's handler, in one map: a method without a handler does not compile.

import { codebookHandlers } from './codebook';
import { countHandlers } from './counts';
import { documentHandlers } from './documents';
import { historyHandlers } from './history';
import { maturityHandlers } from './maturity';
import { memoHandlers } from './memos';
import { projectHandlers } from './project';
import { recordHandlers } from './records';
import { safetyHandlers } from './safety';
import { segmentHandlers } from './segments';
import { studyHandlers } from './study';
import { searchHandlers } from './search';
import type { Handlers } from './types';
import { diagramHandlers } from './diagrams';
import { teamHandlers } from './team';
import { agreementHandlers } from './agreement';
import { exchangeHandlers } from './exchange';
import { evolutionHandlers } from './evolution';
import { labelHandlers } from './labels';
import { serverHandlers } from './server';

export const handlers = {
  ...projectHandlers,
  ...documentHandlers,
  ...codebookHandlers,
  ...segmentHandlers,
  ...memoHandlers,
  ...countHandlers,
  ...historyHandlers,
  ...diagramHandlers,
  ...studyHandlers,
  ...searchHandlers,
  ...maturityHandlers,
  ...recordHandlers,
  ...teamHandlers,
  ...agreementHandlers,
  ...exchangeHandlers,
  ...evolutionHandlers,
  ...labelHandlers,
  ...safetyHandlers,
  ...serverHandlers,
} satisfies Handlers;
