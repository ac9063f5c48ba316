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

/** The project-file refusals a merge meets (not a project, newer, missing) are the safety net's (fa/safety.catalog.ts). */
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
  'There is no consensus coding yet: adjudicate the disagreements in the agreement view first.',
  'The project changed since the merge was shown: look at its conflicts again. ({a})',
  'That baseline no longer exists; nothing was written.',
] as const;
