// What the app says about a project file as a whole: why it is open read-only, what a project
// holds of a researcher's work (asked before that work is discarded), and its backups. The
// read-only refusal is written here once, so the store and the dispatcher say the same thing.

import { say, type Message } from './message';

/**
 * Why a project is open read-only: the user chose it, the file (or its folder) cannot be written,
 * or (on a team server) the user is one of its viewers.
 */
export type ReadOnlyReason = 'chosen' | 'not-writable' | 'viewer';

/** The one line every refused change of a read-only project gets. */
export function readOnlyMessage(fileName: string, reason: ReadOnlyReason): Message {
  if (reason === 'viewer') return say('You are a viewer of “{a}”: you can read, search and export it; ask its owner for the coder role to change it.', { a: fileName });
  return reason === 'chosen'
    ? say('{a} is open read-only, so changes are not saved; close it and open it again without “Read-only” to change it.', { a: fileName })
    : say('{a} is read-only (the file or its folder cannot be written), so changes are not saved; save a copy where you can write and work on the copy.', { a: fileName });
}

/** What a project holds of a researcher's work: named before anything discards it. */
export interface WorkSummary {
  path: string;
  name: string;
  /** Steps in its history (every change a researcher made and has not undone). */
  steps: number;
  lastStep: { label: string; said?: Message; at: string } | null;
  sources: number;
  concepts: number;
  categories: number;
  segments: number;
  /** Set when the file cannot be read as a project (damaged): it is still kept as a copy. */
  problem?: string;
  /** The same, structured (template and values), for the interface to translate. */
  problemSaid?: Message;
}

/** Why a backup was taken. */
export type BackupKind = 'daily' | 'before-fresh' | 'before-restore';

export interface BackupEntry {
  /** Names the backup for backup.restore (folder/file inside the backups folder). */
  id: string;
  kind: BackupKind;
  takenAt: string;
  bytes: number;
}

/** One project's backups, newest first, and the state of the file they would be restored to. */
export interface ProjectBackups {
  path: string;
  name: string;
  current: { exists: boolean; modifiedAt: string | null };
  backups: BackupEntry[];
}

export interface SavedCopy {
  path: string;
  bytes: number;
}
