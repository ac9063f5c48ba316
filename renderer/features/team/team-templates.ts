// The forms of the backend's team-coding history labels (electron/backend/handlers/team.ts,
// agreement.ts, team/merge.ts), for steps stored as English before labels were structured; their
// Persian is in shared/i18n/fa/team.catalog.ts.

export const TEAM_HISTORY_TEMPLATES = [
  'Add coder “{a}”',
  'Add coders {a}',
  'Rename coder “{a}” to “{b}”',
  'Change a coder',
  'Merge “{a}”',
  'Count every coder’s passages',
  'Count the consensus coding',
  'Count “{a}”’s passages',
  'Adjudicate: neither coder’s passage',
  'Adjudicate: both coders’ passages',
  'Adjudicate: coder A’s passage',
  'Adjudicate: coder B’s passage',
  'Accept {n} agreed passage into the consensus',
  'Accept {n} agreed passages into the consensus',
] as const;
