// Files sent to the browser-mode host as raw bytes (POST /api/upload) and named by a one-use token
// in document.import: no base64, no JSON string of the whole file on the way. Held in memory
// briefly: a token unused for ten minutes is forgotten, and at most 512 MiB wait at once.

import crypto from 'node:crypto';
import { fail } from '../../shared/api/errors';

const KEEP_MS = 10 * 60_000;
const HELD_AT_MOST = 512 * 1024 * 1024;

export interface Uploads {
  /** Keeps the bytes; returns the token that names them. */
  put(bytes: Buffer): string;
  /** The bytes a token names, once (the token is spent), or undefined. */
  take(token: string): Buffer | undefined;
}

export function createUploads(): Uploads {
  const held = new Map<string, { bytes: Buffer; at: number }>();
  let size = 0;
  const forget = (token: string) => {
    const entry = held.get(token);
    if (entry) size -= entry.bytes.length;
    held.delete(token);
  };
  const expire = () => {
    const now = Date.now();
    for (const [token, entry] of held) if (now - entry.at > KEEP_MS) forget(token);
  };
  return {
    put(bytes) {
      expire();
      if (size + bytes.length > HELD_AT_MOST) {
        fail('busy', 'Too many files are waiting to be imported; import those sent first, then send more.');
      }
      const token = crypto.randomBytes(18).toString('base64url');
      held.set(token, { bytes, at: Date.now() });
      size += bytes.length;
      return token;
    },
    take(token) {
      const entry = held.get(token);
      forget(token);
      return entry && Date.now() - entry.at <= KEEP_MS ? entry.bytes : undefined;
    },
  };
}
