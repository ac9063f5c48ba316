// What makes a typed label acceptable, shared by the contract (checked in the backend for every
// host) and the label fields (checked while typing, so the text stays in the field).

import { MAX_LABEL_LENGTH } from './limits';

/**
 * Characters that show nothing on their own: white space, zero-width joiners and non-joiners
 * (ZWNJ U+200C), direction marks and isolates, the byte-order mark, the word joiner, tatweel.
 */
const INVISIBLE = /[\s\u00AD\u061C\u0640\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/gu;

export type LabelProblem = 'empty' | 'invisible' | 'too-long';

export const LABEL_MESSAGES: Record<LabelProblem, string> = {
  empty: 'A name cannot be empty.',
  invisible: 'A name needs at least one visible character: spaces, ZWNJ and direction marks alone show nothing.',
  'too-long': `A name can be at most ${MAX_LABEL_LENGTH} characters long.`,
};

/** Why a label (as typed, before trimming) cannot be stored, or null when it can. */
export function labelProblem(label: string): LabelProblem | null {
  const trimmed = label.trim();
  if (trimmed.length === 0) return 'empty';
  if (trimmed.replace(INVISIBLE, '').length === 0) return 'invisible';
  if (trimmed.length > MAX_LABEL_LENGTH) return 'too-long';
  return null;
}
