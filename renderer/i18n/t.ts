// Interface text goes through t(), gettext style: the English text is the key, so the code reads
// plainly and a translation (Persian is next) is a table from English to the other language.
// `{name}` placeholders are filled from vars.

type Catalog = Record<string, string>;

const catalogs: Record<string, Catalog> = { en: {} };
let language = 'en';

export function setLanguage(lang: string, catalog?: Catalog): void {
  if (catalog) catalogs[lang] = catalog;
  language = lang;
}

export function t(text: string, vars?: Record<string, string | number>): string {
  const template = catalogs[language]?.[text] ?? text;
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in vars ? String(vars[name]) : match));
}

/** "1 segment", "3 segments": the whole phrase agrees in number; `{n}` is the count. */
export const plural = (n: number, one: string, many: string, vars: Record<string, string | number> = {}) =>
  t(n === 1 ? one : many, { ...vars, n: n.toLocaleString() });
