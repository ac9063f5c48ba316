// The team server's sentences as the backend writes them (its refusals, notices and sign-in
// answers), so the interface can show them in its language (Persian in fa/server.catalog.ts).

import { compileForms, translateBackendText } from '../../i18n/backend-text';
import { t } from '../../i18n/t';
import { historyLabel } from '../history/history-label';

export const SERVER_TEMPLATES = [
  'The name or the password is wrong.',
  'Too many failed sign-ins: try again in {n} minutes.',
  'Too many failed sign-ins: try again in {n} minute.',
  'You are not signed in (or your sign-in has ended): sign in again.',
  'You have no role in that project (or it does not exist); ask one of its owners to add you.',
  'You no longer have a role in “{a}”; ask one of its owners to add you again.',
  'You are a viewer of “{a}”: you can read, search and export it; ask its owner for the coder role to change it.',
  'The owners of “{a}” have not let coders change its codebook; code with the concepts it has, or ask an owner.',
  'Only an owner of “{a}” may do this ({b}); you are one of its coders.',
  'Only a server administrator may create or publish projects here; ask one to add you to a project.',
  '{a} works on project files in the desktop app and the browser mode, not on a team server: to keep a copy of a server project, use Download.',
  '{a} works on project files in the desktop app and the browser mode, not on a team server.',
  '“{a}” changed the same item a moment ago (“{b}”), after what your screen shows; your change was not saved. Look at it again, then make your change anew.',
  'Another user changed the same item a moment ago (“{b}”), after what your screen shows; your change was not saved. Look at it again, then make your change anew.',
  'Your change replaced one that “{a}” made a moment ago (“{b}”).',
  'The team server cannot reach its database just now and is reconnecting: nothing was changed. Try again in a moment.',
  'The team server cannot be reached just now: nothing was changed. Try again in a moment.',
  'The team server lost its database while saving your change: it may have been saved. Look at the project before making it again.',
  '“{a}” is the project’s only owner: make someone else an owner first.',
  'There is no user “{a}”.',
  '“{a}” is not in “{b}” any more; look again, then move it.',
  'None of those concepts is in “{a}” any more; look again, then move them.',
] as const;

const forms = compileForms(SERVER_TEMPLATES);

/** A server message in the interface language; a step's label inside it ({b}) reads as the history shows it. */
export function serverMessage(message: string): string {
  const found = forms.match(message);
  if (!found) return translateBackendText(message, forms);
  const vars = { ...found.vars };
  if (typeof vars.b === 'string' && found.template.includes('(“{b}”)')) vars.b = historyLabel(vars.b);
  return t(found.template, vars);
}
