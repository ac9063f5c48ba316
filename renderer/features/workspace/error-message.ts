// The backend's refusals in the interface language: a refusal the backend structured (`said`) is
// translated from its template; one sent as plain English is matched against these forms and the
// backend's own (shared/i18n/fa), else shown as written.

import type { GroundworkError } from '../../../shared/api/errors';
import { compileForms } from '../../i18n/backend-text';
import { backendText } from '../../i18n/message';
import { EVOLUTION_ERROR_TEMPLATES } from '../evolution/history-templates';

export const ERROR_TEMPLATES = [
  'No project is open. Create or open a project first.',
  'The selection holds only spaces; select some words.',
  'This passage is already coded with “{a}”.',
  'There is already a concept “{a}”; use it, or choose another label.',
  'There is already a category “{a}” among the main categories.',
  'There is already a category “{a}” in that category.',
  '“{a}” cannot go inside itself or one of its own sub-categories.',
  'Only main categories go into a paradigm component; “{a}” is a sub-category of “{b}”. Make it a main category first.',
  ...EVOLUTION_ERROR_TEMPLATES,
] as const;

const forms = compileForms(ERROR_TEMPLATES);

/** A backend error message in the interface language (as written, if its form is not known). */
export const errorMessage = (message: string): string => backendText(message, null, forms);

/** A failed call's error in the interface language: its structured message, else its English matched to a form. */
export const errorText = (error: GroundworkError): string => backendText(error.message, error.said, forms);
