// A source's record (title, authors, year, …) as REFI-QDA variables and back: an export writes each
// field that says something as a Text variable named after it; an import puts a variable of one of
// those names into the new source's record when its value fits the field (a year is a whole number,
// a type one Groundwork knows), and keeps anything else as a source attribute.

import { authorName, RECORD_TYPES, type Author, type RecordAttributes, type RecordType } from './records';

/** The variable name of each record field, as exports write it (matched without case on import). */
export const RECORD_VARIABLES: Record<keyof RecordAttributes, string> = {
  title: 'Title',
  authors: 'Authors',
  year: 'Year',
  venue: 'Venue',
  doi: 'DOI',
  url: 'URL',
  type: 'Type',
  language: 'Language',
  abstract: 'Abstract',
  keywords: 'Keywords',
};

const FIELD_BY_NAME = new Map(Object.entries(RECORD_VARIABLES).map(([field, name]) => [name.toLowerCase(), field as keyof RecordAttributes]));

/** The record field a variable name stands for, or null. */
export const recordField = (variableName: string): keyof RecordAttributes | null => FIELD_BY_NAME.get(variableName.trim().toLowerCase()) ?? null;

/** A record's fields as variables: those that differ from what a source gets by default. */
export function recordVariables(record: RecordAttributes, sourceName: string): { name: string; value: string }[] {
  const out: { name: string; value: string }[] = [];
  const add = (field: keyof RecordAttributes, value: string) => {
    if (value.trim()) out.push({ name: RECORD_VARIABLES[field], value });
  };
  if (record.title !== sourceName) add('title', record.title);
  add('authors', record.authors.map(authorName).join('; '));
  add('year', record.year === null ? '' : String(record.year));
  add('venue', record.venue);
  add('doi', record.doi);
  add('url', record.url);
  if (record.type !== 'other') add('type', record.type);
  add('language', record.language);
  add('abstract', record.abstract);
  add('keywords', record.keywords.join('; '));
  return out;
}

const parseAuthors = (value: string): Author[] =>
  value
    .split(';')
    .map((a) => a.trim())
    .filter(Boolean)
    .map((a) => {
      const comma = a.indexOf(',');
      if (comma < 0) return { family: a };
      const given = a.slice(comma + 1).trim();
      return given ? { family: a.slice(0, comma).trim(), given } : { family: a.slice(0, comma).trim() };
    });

/** The value of a variable as the record field it names, or undefined when it does not fit. */
export function recordValue(field: keyof RecordAttributes, value: string): RecordAttributes[keyof RecordAttributes] | undefined {
  const text = value.trim();
  if (!text) return undefined;
  switch (field) {
    case 'year': {
      const year = Number(text);
      return Number.isInteger(year) && year >= 1 && year <= 9999 ? year : undefined;
    }
    case 'type':
      return (RECORD_TYPES as readonly string[]).includes(text) ? (text as RecordType) : undefined;
    case 'authors': {
      const authors = parseAuthors(text);
      return authors.length ? authors : undefined;
    }
    case 'keywords':
      return text.split(';').map((k) => k.trim()).filter(Boolean);
    default:
      // Kept as written: a round trip gives back the same text.
      return value;
  }
}
