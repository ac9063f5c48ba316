// The backend's structured messages (shared/domain/message.ts) in the interface language: the
// template through t() (its Persian in the catalogue, shared/i18n/fa merged into fa/), names
// isolated, numbers in the interface's digits, a message inside a message translated too. Text
// the backend sent as plain English (an old project's history, a caller not yet structured) is
// matched against the known templates instead, and shown as written if none fits.

import { isDecimal, isList, isSigned, isUngrouped, type Message } from '../../shared/domain/message';
import { BACKEND_FA } from '../../shared/i18n/fa/index';
import { compileForms, translateBackendText, type Forms } from './backend-text';
import { currentLanguage, digits, signed, t } from './t';

export function translated(message: Message): string {
  const params = message.params
    ? Object.fromEntries(
        Object.entries(message.params).map(([name, value]) => {
          if (typeof value === 'number') {
            if (isSigned(name)) return [name, signed(value)];
            if (isDecimal(name)) return [name, currentLanguage() === 'fa' ? value.toLocaleString('fa-IR', { minimumFractionDigits: 1, maximumFractionDigits: 1 }) : value.toFixed(1)];
            return [name, isUngrouped(name) ? digits(String(value)) : currentLanguage() === 'en' ? value.toLocaleString('en') : value];
          }
          return [name, typeof value === 'string' ? value : translated(value)];
        }),
      )
    : undefined;
  // A list (sayList) takes the language's own comma.
  if (isList(message.text) && currentLanguage() === 'fa') return t(message.text.replace(/, /g, '، '), params);
  return t(message.text, params);
}

/** Templates with words of their own, the most specific first (a bare "{message}" would match anything). */
const fixedLength = (template: string) => template.replace(/\{\w+\}/g, '').replace(/[\s\p{P}]/gu, '').length;
const backendForms: Forms = compileForms(
  Object.keys(BACKEND_FA)
    .filter((template) => fixedLength(template) > 0)
    .sort((a, b) => fixedLength(b) - fixedLength(a)),
);

/** What the backend said, in the interface language: its structured form, else its English matched to a template. */
export function backendText(english: string, said?: Message | null, forms?: Forms): string {
  if (said) return translated(said);
  if (forms) {
    const found = translateBackendText(english, forms);
    if (found !== english) return found;
  }
  return translateBackendText(english, backendForms);
}

/**
 * A study's English note as the project stores it (a reading's explanation, a parse note), in the
 * interface language: its Persian is in shared/i18n/fa/study-data.catalog.ts, keyed by the English.
 */
export const studyNote = (english: string): string => translated({ text: english });
