// The project's label language (project_setting 'labels.language'): read, and set as one undoable step.

import { say, type Message } from '../../../shared/domain/message';
import type { LabelLanguageSetting } from '../../../shared/api/labels-contract';
import { getSetting, setSetting } from '../../../db/project-settings';
import type { ReadableDB } from '../../../db/handles';
import { requireStore } from '../backend';
import type { HandlerGroup } from './types';

/** The key of the setting; absent: labels follow the interface language. */
export const LABEL_LANGUAGE_KEY = 'labels.language';

async function labelLanguage(db: ReadableDB): Promise<LabelLanguageSetting> {
  const value = await getSetting(db, LABEL_LANGUAGE_KEY);
  return value === 'fa' || value === 'en' ? value : null;
}

const STEP: Record<'fa' | 'en' | 'none', Message> = {
  fa: say('Show labels in Persian'),
  en: say('Show labels in English'),
  none: say('Let labels follow the interface language'),
};

export const labelHandlers = {
  'labels.get': async (_input, backend) => ({ language: await requireStore(backend).read(labelLanguage) }),
  'labels.set': ({ language }, backend) =>
    requireStore(backend).write({ kind: 'labels.set', label: STEP[language ?? 'none'] }, async (db) => {
      // The same language again writes nothing, so it leaves no step.
      if ((await labelLanguage(db)) !== language) await setSetting(db, LABEL_LANGUAGE_KEY, language);
      return { language: await labelLanguage(db) };
    }),
} satisfies HandlerGroup<'labels.get' | 'labels.set'>;
