// The backend's refusals about project files, copies and backups (db/sqlite/inspect.ts,
// shared/domain/project-file.ts, electron/backend/backups.ts), as templates: the Persian interface
// shows them in Persian (fa/safety.catalog.ts). Keep each the same as the backend writes it.

export const PROJECT_FILE_TEMPLATES = [
  'There is no project file at {a}; check the path, or if it was deleted, restore one of its backups from the start screen.',
  '{a} is a folder, not a project file; choose the .groundwork file itself.',
  '{a} cannot be read (permission denied); ask for read access to it, or open a copy you can read. The file was not changed.',
  '{a} is not a Groundwork project file (it is not a database); the file was not changed.',
  '{a} is a database of another program, not a Groundwork project; the file was not changed.',
  '{a} is damaged (it ends part-way through a page, at byte {n}) and cannot be opened; restore one of its backups from the start screen. The file was not changed.',
  '{a} is damaged (it is cut short at byte {n}) and cannot be opened; restore one of its backups from the start screen. The file was not changed.',
  '{a} is damaged (its pages do not read as a sound database) and cannot be opened; restore one of its backups from the start screen. The file was not changed.',
  '{a} is damaged (its pages do not read as a sound database); restore one of its backups from the start screen.',
  '{a} was saved by a newer version of Groundwork (project format {n}). Update Groundwork to open it; the file was not changed.',
  '{a} is locked by another program; close it there, then open it again. The file was not changed.',
  '{a} is marked as a Groundwork project, but its tables do not match project format {n} ({b}); the file was not changed.',
  "{a} could not be upgraded from project format {n} to this version's; the file was not changed.",
  '{a} is busy in another window or program; try again in a moment.',
  '{a} is open read-only, so changes are not saved; close it and open it again without “Read-only” to change it.',
  '{a} is read-only (the file or its folder cannot be written), so changes are not saved; save a copy where you can write and work on the copy.',
  '{a} is open in another window or program; close it there first. Nothing was changed.',
  'There is no backup “{a}”; it may have been removed.',
  'The folder {a} does not exist; nothing was written.',
  'There is already a file at {a}; nothing was written.',
  'A copy cannot be saved over the project itself ({a}).',
] as const;
