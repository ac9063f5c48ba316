// PostgreSQL's errors as messages a researcher can act on, with the same codes the SQLite engine
// gives (db/sqlite/store.ts storeError): a broken rule is a conflict, a lock held too long is busy,
// a server out of reach is an I/O error. Anything else passes through unchanged.

import { GroundworkError } from '../../shared/api/errors';
import { say, type Message } from '../../shared/domain/message';

const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT', 'EPIPE', 'ENOENT', '57P01', '57P02', '57P03']);

/** The connection to the server broke (ended by the server, the network, a restart). */
export function isConnectionLost(error: unknown): boolean {
  const code = String((error as { code?: string }).code ?? '');
  const message = (error as Error)?.message ?? '';
  return CONNECTION_CODES.has(code) || code.startsWith('08') || /Connection terminated|connection timeout|Client has encountered a connection error/i.test(message);
}

export function postgresError(error: unknown, where: string): unknown {
  if (error instanceof GroundworkError) return error;
  const code = String((error as { code?: string }).code ?? '');
  const message = (error as Error).message ?? String(error);
  if (code.startsWith('23')) {
    return new GroundworkError('conflict', say("The change was refused because it would break the project's rules ({reason}); nothing was changed.", { reason: message }));
  }
  if (code === '55P03' || code === '40001' || code === '40P01') {
    return new GroundworkError('busy', say('The project is busy with another change in {where}; try again in a moment.', { where }));
  }
  if (/timeout exceeded when trying to connect/i.test(message)) {
    return new GroundworkError('busy', say('{where} has no free connection for this call; try again in a moment.', { where }));
  }
  if (code === '25006') return new GroundworkError('read-only', say('The project is open read-only: changes cannot be saved.'));
  if (isConnectionLost(error)) {
    return new GroundworkError('io', say('{where} cannot be reached ({reason}); nothing was changed.', { where, reason: message }));
  }
  return error;
}

/** A change whose connection broke while it was being committed: saved, or not. */
export const uncertainCommit = (where: string): Message =>
  say('The connection to {where} broke while this change was being saved: it may have been saved or not. Look at the project before making it again.', { where });
