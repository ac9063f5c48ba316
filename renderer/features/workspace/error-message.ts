// The backend's refusals that coding and the code system meet most, in the interface language
// (their Persian in fa/workspace.catalog.ts). Others show as the backend wrote them.

import { compileForms, translateBackendText } from '../../i18n/backend-text';
import { TEAM_ERROR_TEMPLATES } from '../team/team-templates';
import { EVOLUTION_ERROR_TEMPLATES } from '../evolution/history-templates';
import { PROJECT_FILE_TEMPLATES } from '../start/file-messages';
import { SERVER_TEMPLATES, serverMessage } from '../server/server-messages';

export const ERROR_TEMPLATES = [
  'No project is open. Create or open a project first.',
  'The selection holds only spaces; select some words.',
  'This passage is already coded with “{a}”.',
  'There is already a concept “{a}”; use it, or choose another label.',
  'There is already a category “{a}” among the main categories.',
  'There is already a category “{a}” in that category.',
  '“{a}” cannot go inside itself or one of its own sub-categories.',
  'Only main categories go into a paradigm component; “{a}” is a sub-category of “{b}”. Make it a main category first.',
  ...TEAM_ERROR_TEMPLATES,
  ...EVOLUTION_ERROR_TEMPLATES,
  ...PROJECT_FILE_TEMPLATES,
  ...SERVER_TEMPLATES,
] as const;

const forms = compileForms(ERROR_TEMPLATES);

/** A backend error message in the interface language (as written, if its form is not known). */
export const errorMessage = (message: string): string => {
  const server = serverMessage(message);
  return server !== message ? server : translateBackendText(message, forms);
};
