// Errors that cross the process boundary: a stable code for programs, a message for people, in
// English (`message`) and structured (`said`: template and values) for each interface to translate.

import { english, fileProblem, say, type Message, type MessageParam } from '../domain/message';

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
  /** The message in English (the command line, old callers). */
  message: string;
  /** The same message structured, when the backend wrote it so: what an interface translates. */
  said?: Message;
}

/**
 * Thrown by the backend for anything a user can act on, with a message made with say() (or use
 * fail()), so every interface can translate it; the type refuses a plain string.
 */
export class GroundworkError extends Error {
  readonly code: ErrorCode;
  readonly said: Message | null;
  constructor(code: ErrorCode, message: Message, options?: { cause?: unknown }) {
    super(english(message), options);
    this.name = 'GroundworkError';
    this.code = code;
    this.said = message;
  }

  /**
   * An error that arrived over the wire as English alone (an older host, a failure outside the
   * dispatcher): shown as written, or matched to a known template by the interface.
   */
  static received(code: ErrorCode, message: string | Message): GroundworkError {
    if (typeof message !== 'string') return new GroundworkError(code, message);
    const error = new GroundworkError(code, say('{message}', { message }));
    Object.assign(error, { said: null });
    return error;
  }
}

export const isGroundworkError = (value: unknown): value is GroundworkError => value instanceof GroundworkError;

/** Refuses with a structured message: `fail('conflict', 'There is already a concept “{label}”…', { label })`. */
export function fail(code: ErrorCode, text: string, params?: Record<string, MessageParam>): never {
  throw new GroundworkError(code, say(text, params));
}

/** A file that cannot be imported, named first: `throw badFile(name, say('the PDF is damaged…'))`. */
export const badFile = (file: string, reason: Message): GroundworkError => new GroundworkError('bad-file', fileProblem(file, reason));

/** The structured form of any error's message: its own, or the English as a template of its own. */
export const saidOf = (error: unknown): Message =>
  isGroundworkError(error) && error.said ? error.said : say('{message}', { message: error instanceof Error ? error.message : String(error) });
