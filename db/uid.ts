// GUIDs for sources, concepts, categories, passages and coders: random for new items, or derived
// from a name (a name-based UUID, version 5 layout) where the same item must get the same GUID
// in every build (the study's codebook, keyed by its item codes).

import crypto from 'node:crypto';

export const newUid = (): string => crypto.randomUUID();

/** The same GUID for the same namespace and name, in any build. */
export function nameUid(namespace: string, name: string): string {
  const hash = crypto.createHash('sha1').update(`${namespace}\n${name}`, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
