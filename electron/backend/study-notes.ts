// What the study (Tellohosseini et al., 2022) says about each row of Table 8 that no reading
// changes: reworded from its extraction notes (fixtures/study/study.json, components[].reason) so
// each sentence holds under every reading. The figures of the chosen readings are worded apart
// (shared/domain/study-notes.ts), from the counts themselves.

import type { ComponentKey } from '../../shared/domain/paradigm';
import { say, type Message } from '../../shared/domain/message';

/** The study these notes belong to, by the title its project records (study_fact 'study'). */
export const STUDY_TITLE = 'B2B marketing maturity model (Tellohosseini et al., 2022)';

export const STUDY_EXPLANATIONS: Record<ComponentKey | 'total', Message> = {
  causal: say('Its 4 Table 7 category rows are its 4 main categories; the enumeration inside row 615 counts as one item only when phrases are merged.'),
  context: say(
    'Its 2 main categories are the 2 Table 7 dimensions (operations and process, 8 sub-categories; tools and platforms, 10 sub-categories); how the software and PR lists are cut into items moves its concepts most.',
  ),
  intervening: say('The reported 13 equals the 13 items of the change-management row alone; the other two category rows add 7 under every reading.'),
  phenomenon: say('Its 4 Table 7 category rows hold the same 27 items under every reading.'),
  strategies: say('The strict comma split gives exactly the reported 17.'),
  consequences: say(
    'Table 7 gives the consequences one dimension (the KPIs, 15 metric rows) and no main categories: those come from the abstracts or the narrative, as the reading of the consequences says. Counting the bracketed CRM sub-metrics one by one would add about 18 concepts.',
  ),
  total: say('17 main categories are identifiable in Table 7; the others are outcomes the abstracts name as consequences (3 or 4, by the reading). Table 7 has 48 category rows.'),
};
