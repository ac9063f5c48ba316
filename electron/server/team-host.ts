// Where one signed-in user's projects live on the team server: the projects they have a role in
// (an administrator: all, as owner), each opened as a store of its own with the user's coder as
// its actor (so their steps, passages and undo are theirs), read-only for a viewer, watching the
// others' changes, and checking each write against what the user's page has seen.

import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fail, GroundworkError } from '../../shared/api/errors';
import { say } from '../../shared/domain/message';
import type { ProjectListing } from '../../shared/domain/model';
import { membership, membershipsOf, projectMembers, setMemberCoder, setRole, type Account, type Membership } from '../../db/postgres/accounts';
import type { ConflictGuard } from '../../db/postgres/marks';
import { coderNameFor, freeCoderNamed, hasCoder, insertCoderOnce } from '../../db/postgres/member-coder';
import { publishProjectFile } from '../../db/postgres/publish';
import type { PostgresServer } from '../../db/postgres/server';
import type { Store } from '../../db/store';
import { projectIdOf, type ProjectHost } from '../backend/project-host';

/** The one refusal for a project the user has no role in, whether or not it exists. */
export const NO_ROLE = say('You have no role in that project (or it does not exist); ask one of its owners to add you.');

/** The user's role in a project: their membership, or owner for an administrator (made a member on first use). */
export async function roleIn(server: PostgresServer, account: Account, projectId: number): Promise<Membership | null> {
  const found = await membership(server, projectId, account.id);
  if (found || !account.admin) return found;
  await server.project(projectId);
  await setRole(server, projectId, account.id, 'owner');
  return membership(server, projectId, account.id);
}

/** Coders a user was given but that are not in the project yet, by store: made before their first change. */
const unmade = new WeakMap<Store, { uid: string; name: string }>();

/**
 * The coder the member codes as in the store: theirs if it is in the project, else a coder of the
 * project named like them that nobody else has, else a new one, whose uid is kept with the
 * membership now and whose row is added before the user's first change (ensureCoder), so that
 * opening a project never changes it.
 */
async function memberCoder(server: PostgresServer, store: Store, account: Account, member: Membership): Promise<string> {
  const others = new Set((await projectMembers(server, member.projectId)).filter((m) => m.accountId !== account.id && m.coderUid).map((m) => m.coderUid!));
  const known = member.coderUid;
  const found = await store.read(async (db) => {
    if (known && (await hasCoder(db, known))) return { uid: known, made: true };
    const named = await freeCoderNamed(db, account.displayName, others);
    if (named) return { uid: named, made: true };
    return { uid: known ?? crypto.randomUUID(), made: false, name: await coderNameFor(db, account) };
  });
  if (found.uid !== known) await setMemberCoder(server, member.projectId, account.id, found.uid);
  if (!found.made) unmade.set(store, { uid: found.uid, name: found.name! });
  return found.uid;
}

/** Adds the user's coder to the project if it is not there yet (before their first change). */
export async function ensureCoder(store: Store): Promise<void> {
  const pending = unmade.get(store);
  if (!pending) return;
  await store.writeUnlogged((db) => insertCoderOnce(db, pending.uid, pending.name));
  unmade.delete(store);
}

export interface TeamHostOptions {
  server: PostgresServer;
  /** The signed-in user (as last read: an administrator may have changed them). */
  account: () => Account;
  guard: ConflictGuard;
  /** Hears every store opened (the server follows its change marks). */
  opened?: (projectId: number, store: Store) => Promise<void>;
}

export function teamProjectHost({ server, account: current, guard, opened }: TeamHostOptions): ProjectHost {
  const openAs = async (projectId: number): Promise<Store> => {
    const account = current();
    const member = await roleIn(server, account, projectId);
    if (!member) throw new GroundworkError('forbidden', NO_ROLE);
    const viewer = member.role === 'viewer';
    const store = await server.openProject(projectId, {
      watch: true,
      readOnly: viewer,
      readOnlyReason: 'viewer',
      conflicts: guard,
    });
    if (viewer) await opened?.(projectId, store);
    else {
      try {
        store.actor = await memberCoder(server, store, account, member);
        await opened?.(projectId, store);
      } catch (error) {
        await store.close();
        throw error;
      }
    }
    return store;
  };

  return {
    async create(name) {
      const entry = await server.createProject(name);
      await setRole(server, entry.id, current().id, 'owner');
      return openAs(entry.id);
    },
    open: (location) => openAs(projectIdOf(location)),
    async openBundled(name, fresh, build) {
      if (fresh) fail('invalid-input', 'On a team server a project is never started afresh; create a new project instead.');
      const existing = (await server.listProjects()).find((p) => p.name === name);
      if (existing) return openAs(existing.id);
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'groundwork-bundled-'));
      try {
        const file = path.join(dir, 'bundled.groundwork');
        await build(file);
        const entry = await publishProjectFile(server, file);
        await setRole(server, entry.id, current().id, 'owner');
        return openAs(entry.id);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
    async list(): Promise<ProjectListing[]> {
      const account = current();
      const mine = new Set((await membershipsOf(server, account.id)).map((m) => m.projectId));
      return (await server.listProjects())
        .filter((p) => account.admin || mine.has(p.id))
        .map((p) => ({ path: `${server.description}#${p.schema}`, name: p.name, modifiedAt: null, exists: true }));
    },
  };
}
