// What the processes sharing a PostgreSQL database agree on: the advisory lock that serialises the
// changes of one project, and the notification that announces a committed change to the others.

/** The first key of every advisory lock Groundwork takes ("GW"); the second is a project's id (0: the registry). */
export const LOCK_CLASS = 0x4757;

/** Notifications of committed changes. */
export const CHANGE_CHANNEL = 'groundwork_change';

/** A notification's payload (JSON, at most 8000 bytes). */
export interface ChangeMessage {
  /** The project's schema. */
  p: string;
  /** The session that made the change. */
  s: string;
  /** Its actor (the user on a server). */
  a: string | null;
  /** Tables touched; null: any. */
  t: string[] | null;
  /** Sources touched; null: any. */
  d: number[] | null;
  /** The change's mark (db/postgres/marks.ts), its kind and its history label, when they fit. */
  m?: number;
  k?: 'do' | 'undo' | 'redo';
  l?: string;
}
