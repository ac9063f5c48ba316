// Errors that cross the process boundary: a stable code for programs, a message for people.

export const ERROR_CODES = [
  'unknown-method',
  'invalid-input',
  'no-project',
  'not-found',
  'conflict',
  'bad-file',
  'not-a-project',
  'newer-version',
  'damaged',
  'io',
  'read-only',
  'busy',
  // The team server: no valid sign-in, or beyond the user's role.
  'signed-out',
  'forbidden',
  'unavailable',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiErrorShape {
  code: ErrorCode;
  message: string;
}

/** Thrown by the backend for anything a user can act on; the message is shown as written. */
export class GroundworkError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'GroundworkError';
    this.code = code;
  }
}

export const isGroundworkError = (value: unknown): value is GroundworkError => value instanceof GroundworkError;
