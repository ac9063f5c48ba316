// The forms of the history labels and refusals the wave and baseline handlers write
// (electron/backend/handlers/evolution.ts, and the command line's --coder): `{a}` `{b}` stand for quoted names. Their Persian is in
// fa/evolution.catalog.ts; history-label.ts and error-message.ts add them to their lists.

export const EVOLUTION_HISTORY_TEMPLATES = [
  'Create wave “{a}”',
  'Rename wave “{a}” to “{b}”',
  'Edit wave “{a}”',
  'Delete wave “{a}”',
  'Freeze baseline “{a}”',
  'Rename baseline “{a}” to “{b}”',
  'Delete baseline “{a}”',
  'Add coder “{a}”',
] as const;

export const EVOLUTION_ERROR_TEMPLATES = [
  'There is already a wave “{a}”; choose another name.',
  'There is already a baseline “{a}”; choose another name.',
  'No source came in with the import batch “{a}”.',
] as const;
