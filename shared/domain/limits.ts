// Limits on what is imported, shared by the renderer (checked before reading a file) and the
// backend (checked again, since the command line and other hosts reach it directly).

/** Largest source file accepted for import: 32 MiB, several times a long book. */
export const MAX_SOURCE_BYTES = 32 * 1024 * 1024;

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
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
