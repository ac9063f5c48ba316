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

/** The locale for dates and times: the Persian interface writes them the Iranian way. */
export const locale = (): string | undefined => (language === 'fa' ? 'fa-IR' : undefined);

export function t(text: string, vars?: Record<string, string | number>): string {
  const template = catalogs[language]?.[text] || text;
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => {
    if (!(name in vars)) return match;
    const value = vars[name]!;
    if (language === 'en') return String(value);
    // In the right-to-left interface a filled-in name, label or path is isolated (FSI … PDI), so
    // a Latin name or a path with slashes keeps its own order inside the Persian sentence.
    return typeof value === 'number' ? num(value) : `\u2068${value}\u2069`;
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
