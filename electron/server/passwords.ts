// Passwords on the team server: node:crypto's scrypt (OpenSSL's, memory-hard; no dependency to
// build or keep), with OWASP's parameters (N = 2^17, r = 8, p = 1: 128 MiB and a few hundred ms
// per guess), a random salt per password, and the parameters kept in the hash so they can be
// raised later. Checking runs in libuv's thread pool, never on the thread that answers requests.

import crypto from 'node:crypto';
import { say, type Message } from '../../shared/domain/message';

/** The cost of a new hash (tests may pass cheaper ones to hashPassword; a hash keeps its own). */
export const PARAMS = { N: 2 ** 17, r: 8, p: 1 };
const KEY_BYTES = 32;
const SALT_BYTES = 16;

const scrypt = (password: string, salt: Buffer, params: { N: number; r: number; p: number }) =>
  new Promise<Buffer>((resolve, reject) =>
    crypto.scrypt(password.normalize('NFC'), salt, KEY_BYTES, { ...params, maxmem: 256 * params.N * params.r + 1024 * 1024 }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );

/** `scrypt$N$r$p$salt$key`, salt and key in base64url. */
export async function hashPassword(password: string, params = PARAMS): Promise<string> {
  const salt = crypto.randomBytes(SALT_BYTES);
  const key = await scrypt(password, salt, params);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** Whether the password matches the hash (constant time); false for a malformed or missing hash. */
export async function verifyPassword(password: string, hash: string | null): Promise<boolean> {
  const parts = (hash ?? DUMMY).split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  const salt = Buffer.from(parts[4]!, 'base64url');
  const expected = Buffer.from(parts[5]!, 'base64url');
  const key = await scrypt(password, salt, { N, r, p });
  return hash !== null && key.length === expected.length && crypto.timingSafeEqual(key, expected);
}

/**
 * A hash no password matches, checked in place of an unknown user's or a user without a
 * password: a wrong name takes as long as a wrong password, so names cannot be told by timing.
 */
const DUMMY = `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$${Buffer.alloc(SALT_BYTES).toString('base64url')}$${Buffer.alloc(KEY_BYTES).toString('base64url')}`;

/** Whether a new password is acceptable, or why not (NIST SP 800-63B: length, not composition rules). */
export function passwordProblem(password: string): Message | null {
  if ([...password].length < 10) return say('A password has at least {n} characters.', { n: 10 });
  if (password.length > 1000) return say('A password has at most {n} characters.', { n: 1000 });
  return null;
}

/** A random password to hand to a new user (about 120 bits). */
export const randomPassword = () => crypto.randomBytes(15).toString('base64url');
