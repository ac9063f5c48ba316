// The order in which the files of one import go to the backend. The renderer sends them one call
// at a time, so a bibliography file must come after the sources beside it: its records can only
// link to sources already in the project (the backend keeps the same order within one call).

import { isBibliographyFile as isBibliography } from '../../../shared/domain/limits';

/** A folder's files in path order, as the command line takes them, bibliographies last. */
export function importOrder<T extends { file: { name: string }; path?: string }>(picked: readonly T[]): T[] {
  const bibliographiesLast = (a: T, b: T) => Number(isBibliography(a.file.name)) - Number(isBibliography(b.file.name));
  return [...picked].sort((a, b) => bibliographiesLast(a, b) || (a.path && b.path ? a.path.localeCompare(b.path, 'en') : 0));
}
