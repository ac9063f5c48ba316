// Dates and sizes on the start screen, in the interface's language, calendar and digits.

import { locale, t } from '../../i18n/t';

export const when = (iso: string): string => new Date(iso).toLocaleString(locale(), { dateStyle: 'medium', timeStyle: 'short' });

/** A file's size in kilobytes or megabytes (one decimal), with the unit in the interface's language. */
export function size(bytes: number): string {
  if (bytes < 1_000_000) return t('{n} KB', { n: Math.max(1, Math.round(bytes / 1000)) });
  return t('{n} MB', { n: Math.round(bytes / 100_000) / 10 });
}
