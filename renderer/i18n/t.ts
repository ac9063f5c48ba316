// Interface text goes through t(), gettext style: the English text is the key, so the code reads
// plainly and a translation (Persian, in fa/) is a table from English to the other language.
// `{name}` placeholders are filled from vars; numbers are written in the interface's digits.
// The language is chosen in language.ts, which re-renders the app when it changes.

type Catalog = Record<string, string>;

const catalogs: Record<string, Catalog> = { en: {} };
let language = 'en';

export function setLanguage(lang: string, catalog?: Catalog): void {
  if (catalog) catalogs[lang] = catalog;
  language = lang;
}

/** The interface language now in use ('en', 'fa'). */
export const currentLanguage = (): string => language;

/**
 * A number as a reader of the interface language expects it: Persian digits (۱۲۳) in the Persian
 * interface, as before in English. For display only: stored data, offsets and exports keep ASCII.
 */
export function num(n: number): string {
  return language === 'fa' ? n.toLocaleString('fa-IR') : String(n);
}

/**
 * A signed difference (+2, −64, 0) that reads the same in a right-to-left line: the sign stays on
 * the left of the digits (an LRI … PDI isolate), the minus is the real minus sign (U+2212), and the
 * digits are the interface's. Never "2+" or "64-".
 */
export function signed(n: number): string {
  if (n === 0) return num(0);
  return `\u2066${n > 0 ? '+' : '\u2212'}${num(Math.abs(n))}\u2069`;
}

/** A count with its thousands grouped, in the interface's digits: 2,751 or ۲٬۷۵۱. */
export function count(n: number): string {
  return language === 'fa' ? n.toLocaleString('fa-IR') : n.toLocaleString('en-US');
}

/** A file size in the interface language: 84 bytes, 1.5 KiB, ۳٫۲ مگابایت. */
export function size(bytes: number): string {
  const one = (n: number) => (language === 'fa' ? n.toLocaleString('fa-IR', { maximumFractionDigits: 1 }) : n.toFixed(1));
  if (bytes < 1024) return t('{n} bytes', { n: bytes });
  if (bytes < 1024 * 1024) return t('{size} KiB', { size: one(bytes / 1024) });
  return t('{size} MiB', { size: one(bytes / 1024 / 1024) });
}

/** A year as written in the interface, never grouped: 2022 or ۲۰۲۲ (not ۲٬۰۲۲). */
export const year = (n: number): string => digits(String(n));

/** A text made of ASCII digits and signs (an ISO date, a year range) in the interface's digits. */
export function digits(text: string): string {
  return language === 'fa' ? text.replace(/[0-9]/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]!) : text;
}

/** The locale for dates and times: the Persian interface writes them the Iranian way. */
export const locale = (): string | undefined => (language === 'fa' ? 'fa-IR' : undefined);

const RTL_LETTER = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;
const ISOLATED = /^\u2068[^]*\u2069$/u;

/**
 * A filled-in value inside a sentence of the interface. Names, labels, paths and times are user
 * text or carry their own order, so they are isolated (FSI … PDI) where that order could leak into
 * the sentence: always in the right-to-left interface, and in English whenever the value holds a
 * right-to-left letter (a Persian label beside an English time would otherwise swap places).
 */
export function isolate(value: string): string {
  if (value === '' || ISOLATED.test(value)) return value;
  if (language === 'en' && !RTL_LETTER.test(value)) return value;
  return `\u2068${value}\u2069`;
}

export function t(text: string, vars?: Record<string, string | number>): string {
  const template = catalogs[language]?.[text] || text;
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => {
    if (!(name in vars)) return match;
    const value = vars[name]!;
    return typeof value === 'number' ? num(value) : isolate(value);
  });
}

/**
 * "1 segment", "3 segments": the whole phrase agrees in number; `{n}` is the count. The English
 * phrases are the keys; a language whose nouns stay singular after a number (Persian: «۳ مفهوم»)
 * simply translates both phrases alike, and one that needs a different sentence for one (“It
 * leaves the category…”) translates each as it reads.
 */
export const plural = (n: number, one: string, many: string, vars: Record<string, string | number> = {}) =>
  t(n === 1 ? one : many, { ...vars, n: language === 'en' ? n.toLocaleString() : n });
