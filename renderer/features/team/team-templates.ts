// The forms of the backend's team-coding history labels and refusals (electron/backend/handlers/
// team.ts, agreement.ts, team/merge.ts, db/coders.ts), listed with the other forms the interface
// translates (features/history/history-label.ts, features/workspace/error-message.ts).

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

export const TEAM_ERROR_TEMPLATES = [
  'A coder needs a name.',
  'There is already a coder “{a}”.',
  'The list names the coder “{a}” twice.',
  'A coder needs a name: name {n} of the list is blank.',
  'Name at least one coder.',
  'Choose two different coders.',
  'That is the open project itself: choose another copy to merge.',
  '{n} conflict is not resolved yet (first: “{a}”).',
  '{n} conflicts are not resolved yet (first: “{a}”).',
  'There is no project file at {a}.',
  '{a} is not a Groundwork project file.',
  '{a} is an SQLite database, but not a Groundwork project.',
  '{a} was saved by a newer version of Groundwork (project format {n}; this version reads up to {b}). Update Groundwork to open it; the file was not changed.',
  'There is already a file at {a}; nothing was written.',
  'There is no consensus coding yet: adjudicate the disagreements in the agreement view first.',
  'The project changed since the merge was shown: look at its conflicts again. ({a})',
] as const;
