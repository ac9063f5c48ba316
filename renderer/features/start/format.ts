// Dates and sizes on the start screen, in the interface's language, calendar and digits.

import { locale } from '../../i18n/t';

export const when = (iso: string): string => new Date(iso).toLocaleString(locale(), { dateStyle: 'medium', timeStyle: 'short' });

export function size(bytes: number): string {
  const mega = bytes >= 1_000_000;
  return new Intl.NumberFormat(locale() ?? 'en', {
    style: 'unit',
    unit: mega ? 'megabyte' : 'kilobyte',
    unitDisplay: 'short',
    maximumFractionDigits: mega ? 1 : 0,
  }).format(mega ? bytes / 1_000_000 : Math.max(1, Math.round(bytes / 1000)));
}
