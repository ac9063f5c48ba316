// Limits on what is imported, shared by the renderer (checked before reading a file) and the
// backend (checked again, since the command line and other hosts reach it directly). Every limit
// a file can hit is named here, named in its refusal message and listed in the README's
// "Limits and guarantees": limits on what goes in (the file) and on what comes out of it.

/** Largest source file accepted for import: 32 MiB, several times a long book. */
export const MAX_SOURCE_BYTES = 32 * 1024 * 1024;

/** Longest text a source may have once read (UTF-16 code units): a long book is about 1.5 million. */
export const MAX_SOURCE_CHARS = 16_000_000;

/** Zip archives (.docx): entries, and what every entry unpacks to, declared and actual. */
export const MAX_ZIP_ENTRIES = 5_000;
export const MAX_ZIP_ENTRY_BYTES = 64 * 1024 * 1024;
export const MAX_ZIP_TOTAL_BYTES = 256 * 1024 * 1024;
/** Unpacked / packed size of an entry over 1 MiB; text XML packs about 5–20 times. */
export const MAX_ZIP_RATIO = 200;

/** PDF: pages read, and what its compressed (Flate) streams unpack to, one and all together. */
export const MAX_PDF_PAGES = 5_000;
export const MAX_PDF_STREAM_BYTES = 64 * 1024 * 1024;
export const MAX_PDF_UNPACKED_BYTES = 256 * 1024 * 1024;

/** Element nesting of a web page read with Readability; a deeper page is read flat (its whole body's text). */
export const MAX_HTML_DEPTH = 128;
/** Element nesting of a Word document's XML parts (Word writes about 10–20 levels). */
export const MAX_XML_DEPTH = 512;

/** Records read from one bibliography file (RIS, BibTeX, CSV). */
export const MAX_BIBLIOGRAPHY_RECORDS = 10_000;
/** Possible duplicate pairs listed; more are counted and summarised, not listed. */
export const MAX_DUPLICATE_PAIRS = 1_000;

/** Reading one file (in its own worker) may take this long before it is stopped. */
export const IMPORT_TIME_LIMIT_MS = 60_000;
/** Memory reading one file may take (its worker's JavaScript heap, and the process's growth). */
export const IMPORT_MEMORY_LIMIT_BYTES = 1024 * 1024 * 1024;

/** The longest concept the study prints is 297 characters. */
export const MAX_LABEL_LENGTH = 400;
export const MAX_MEMO_LENGTH = 200_000;

/** Reference-manager exports (RIS, BibTeX, CSV): read as bibliographic records, not as sources. */
export const BIBLIOGRAPHY_EXTENSIONS = ['.ris', '.bib', '.csv'] as const;

export const SOURCE_EXTENSIONS = ['.txt', '.md', '.markdown', '.html', '.htm', '.pdf', '.docx', ...BIBLIOGRAPHY_EXTENSIONS] as const;

/** Whether a file (a name or a path) is a bibliography, by the extension of its base name. */
export function isBibliographyFile(name: string): boolean {
  const base = name.slice(name.search(/[^/\\]*$/));
  const dot = base.lastIndexOf('.');
  return dot > 0 && (BIBLIOGRAPHY_EXTENSIONS as readonly string[]).includes(base.slice(dot).toLowerCase());
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  if (bytes < 1024 * 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  return `${(bytes / 1024 / 1024 / 1024).toFixed(1)} GiB`;
}

/** A count as the messages print it: 1,000,000. */
export const formatCount = (n: number) => n.toLocaleString('en');
