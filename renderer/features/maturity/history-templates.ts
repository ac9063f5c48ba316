// The forms of the history labels the maturity handlers write (electron/backend/handlers/maturity.ts,
// maturity/defaults.ts, maturity/model-io.ts): `{a}` `{b}` stand for quoted names. Their Persian is
// in fa/maturity.catalog.ts. The history's translator (features/history/history-label.ts on main)
// takes them by adding `...MATURITY_HISTORY_TEMPLATES` to its list.

export const MATURITY_HISTORY_TEMPLATES = [
  'Add the level “{a}”',
  'Edit the level “{a}”',
  'Delete the level “{a}”',
  'Reorder the maturity levels',
  'Restore the five CMMI levels',
  'Add the dimension “{a}”',
  'Rename the dimension “{a}”',
  'Delete the dimension “{a}”',
  'Reorder the dimensions',
  'Map “{a}” to “{b}”',
  'Unmap “{a}” from “{b}”',
  'Import the maturity model',
  'Install the study’s maturity model',
  'New assessment “{a}”',
  'Edit the assessment “{a}”',
  'Delete the assessment “{a}”',
  'Rate “{a}” in “{b}”',
] as const;
