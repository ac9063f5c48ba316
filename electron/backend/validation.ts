// A request that does not fit its method's schema, told in one structured sentence per problem
// (a template with the field and the limit), never zod's raw English ("Too big: expected string to
// have <=400 characters"). A message the schema gives itself (a label rule, "Choose a reason…") is
// a template of its own, translated like any other.

import type { z } from 'zod';
import { isMessage, say, sayCount, type Message } from '../../shared/domain/message';

/** What the parse's own error map writes: the structured message, marked so it is told from a schema's own text. */
const MARK = '\u0000said:';

type RawIssue = { code: string; origin?: string; maximum?: unknown; minimum?: unknown; expected?: string; input?: unknown; values?: unknown[]; keys?: string[]; divisor?: unknown; path?: PropertyKey[] };

/** What a field must be, as a sentence names it. */
export const EXPECTED: Record<string, string> = {
  string: 'a text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
};

const listOf = (values: unknown[]) => values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ');

function describe(issue: RawIssue, field: Message | string): Message {
  const limit = Number(issue.code === 'too_big' ? issue.maximum : issue.minimum);
  switch (issue.code) {
    case 'too_big':
      if (issue.origin === 'string') return say('{field} can be at most {max} characters long.', { field, max: limit });
      if (issue.origin === 'array' || issue.origin === 'set') return say('{field} can hold at most {max} items.', { field, max: limit });
      if (issue.origin === 'number') return say('{field} can be at most {max}.', { field, max: limit });
      return say('{field} is too large.', { field });
    case 'too_small':
      if (issue.origin === 'string') return limit <= 1 ? say('{field} cannot be empty.', { field }) : say('{field} needs at least {min} characters.', { field, min: limit });
      if (issue.origin === 'array' || issue.origin === 'set') return sayCount(limit, '{field} needs at least {n} item.', '{field} needs at least {n} items.', { field });
      if (issue.origin === 'number') return say('{field} must be at least {min}.', { field, min: limit });
      return say('{field} is too small.', { field });
    case 'invalid_type':
      if (issue.input === undefined) return say('{field} is missing.', { field });
      return say('{field} must be {expected}.', { field, expected: say(EXPECTED[issue.expected ?? ''] ?? 'something else') });
    case 'invalid_value':
      return say('{field} must be one of: {values}.', { field, values: listOf(issue.values ?? []) });
    case 'unrecognized_keys':
      return sayCount(issue.keys?.length ?? 0, '{field} has a field it does not take: {keys}.', '{field} has fields it does not take: {keys}.', { field, keys: listOf(issue.keys ?? []) });
    case 'invalid_format':
      return say('{field} is not in the form it must have.', { field });
    case 'invalid_union':
      return say('{field} is not in any of the forms it can take.', { field });
    case 'not_multiple_of':
      return say('{field} must be a multiple of {divisor}.', { field, divisor: Number(issue.divisor) });
    default:
      return say('{field} is not valid.', { field });
  }
}

const fieldOf = (path: readonly PropertyKey[] | undefined): Message =>
  path && path.length > 0 ? say('The field “{field}”', { field: path.map(String).join('.') }) : say('The request');

/** The error map for a parse: every issue the schema does not word itself gets a structured message. */
export const structuredIssues = (issue: RawIssue): string => `${MARK}${JSON.stringify(describe(issue, fieldOf(issue.path)))}`;

/** The first problem of a failed parse, structured. */
export function invalidInput(error: z.ZodError): Message {
  const issue = error.issues[0];
  if (!issue) return say('The request is not valid.');
  if (issue.message.startsWith(MARK)) {
    const said = JSON.parse(issue.message.slice(MARK.length)) as unknown;
    // The map saw the issue before zod added its path: name the field now.
    if (isMessage(said)) return { ...said, params: { ...said.params, field: fieldOf(issue.path) } };
  }
  // The schema's own words, a sentence for the reader ("Choose a reason for the exclusion.").
  return say(issue.message);
}
