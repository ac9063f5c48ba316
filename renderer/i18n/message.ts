// The backend's structured messages (shared/domain/message.ts) in the interface language: the
// template through t() (its Persian in the catalogue, shared/i18n/fa merged into fa/), names
// isolated, numbers in the interface's digits, a message inside a message translated too. Text
// the backend sent as plain English (an old project's history, a caller not yet structured) is
// matched against the known templates instead, and shown as written if none fits.

import { isDecimal, isList, isSigned, isTimestamp, isUngrouped, type Message } from '../../shared/domain/message';
import { BACKEND_FA } from '../../shared/i18n/fa/index';
import { compileForms, translateBackendText, type Forms } from './backend-text';
import { currentLanguage, digits, isolate, locale, num, signed, t } from './t';

export function translated(message: Message): string {
  // The template in the interface language (a list takes the language's own comma).
  const text = isList(message.text) && currentLanguage() === 'fa' ? message.text.replace(/, /g, '، ') : message.text;
  const template = t(text);
  const params = message.params;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => {
    if (!(name in params)) return match;
    const value = params[name]!;
    if (typeof value === 'number') {
      if (isSigned(name)) return signed(value);
      if (isDecimal(name)) return currentLanguage() === 'fa' ? value.toLocaleString('fa-IR', { minimumFractionDigits: 1, maximumFractionDigits: 1 }) : value.toFixed(1);
      if (isUngrouped(name)) return digits(String(value));
      return currentLanguage() === 'fa' ? num(value) : value.toLocaleString('en');
    }
    // A stored time is written as the interface writes dates (its calendar and digits), not as ISO 8601.
    if (typeof value === 'string' && isTimestamp(name) && !Number.isNaN(Date.parse(value))) {
      return isolate(new Date(value).toLocaleString(locale(), { dateStyle: 'medium', timeStyle: 'short' }));
    }
    // A name is isolated, as t() isolates it; a message inside the message is a sentence of the
    // interface, whose own names are isolated already.
    return typeof value === 'string' ? isolate(value) : translated(value);
  });
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
