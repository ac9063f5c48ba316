// Handlers for team coding: coders and who is coding in this window (remembered per machine),
// merging another copy of the project, preparing copies for blind coding, and what the counts count.

import { fail } from '../../../shared/api/errors';
import { say } from '../../../shared/domain/message';
import type { CoderSession } from '../../../shared/domain/team';
import type { HistoryState } from '../../../shared/domain/model';
import { requireFound } from '../../../db/command-log';
import { findOrCreateCoder, getCoder, insertCoder, listCoders, updateCoder } from '../../../db/coders';
import { countBasis, setCountBasis } from '../../../db/count-basis';
import { projectIdentity } from '../../../db/merge-snapshot';
import { getSetting } from '../../../db/project-settings';
import type { Store } from '../../../db/store';
import type { Backend } from '../backend';
import { requireStore } from '../backend';
import { prepareCopies } from '../team/copies';
import { rememberCoder, rememberedCoder } from '../team/identity';
import { applyMerge, previewMerge } from '../team/merge';
import type { HandlerGroup } from './types';

/** Each copy of a project (its replica) remembers its own coder on this machine. */
const memoryKey = (identity: { uid: string | null; replica: string | null }) => identity.replica ?? identity.uid ?? 'unknown';

/**
 * The command line names its coder with --coder; on the team server a user's coder is the user
 * (electron/server/team-host.ts): only the app remembers one per machine, and only it asks.
 */
const remembers = (backend: Backend) => backend.config.host !== 'cli' && backend.config.host !== 'server';

export async function coderSession(backend: Backend): Promise<CoderSession> {
  const store = requireStore(backend);
  return store.read(async (db) => {
    const identity = await projectIdentity(db);
    const coders = await listCoders(db);
    const coder = (store.actor && coders.find((c) => c.uid === store.actor)) || null;
    const remembered = rememberedCoder(backend.config.home, memoryKey(identity)) !== undefined;
    const preparedUid = await getSetting(db, 'prepared_for');
    const preparedFor = (preparedUid && coders.find((c) => c.uid === preparedUid)) || null;
    const ask = remembers(backend) && !store.readOnly && !remembered && !coder && (coders.some((c) => c.kind === 'person') || !!preparedFor);
    return { coder, remembered, ask, preparedFor };
  });
}

/** On opening a project in the app: codes as the coder this machine chose for it before. */
export async function useRememberedCoder(backend: Backend, store: Store): Promise<void> {
  if (!remembers(backend)) return;
  const identity = await store.read(projectIdentity);
  const uid = rememberedCoder(backend.config.home, memoryKey(identity));
  if (!uid) return;
  const known = await store.read(async (db) => (await listCoders(db)).some((c) => c.uid === uid));
  if (known) store.actor = uid;
}

/** History steps with their author's name, where the author is a coder of the project. */
export async function withActorNames(store: Store, state: HistoryState): Promise<HistoryState> {
  const coders = await store.read(listCoders);
  const name = (actor: string | null) => (actor ? (coders.find((c) => c.uid === actor)?.name ?? null) : null);
  const entry = <T extends { actor: string | null } | null>(e: T) => (e ? { ...e, actorName: name(e.actor) } : e);
  return { entries: state.entries.map((e) => entry(e)!), undo: entry(state.undo), redo: entry(state.redo) };
}

export const teamHandlers = {
  'coder.list': (_input, backend) => requireStore(backend).read(listCoders),
  'coder.create': ({ name, color }, backend) =>
    requireStore(backend).write({ kind: 'coder.create', label: say('Add coder “{a}”', { a: name.trim() }) }, (db) => insertCoder(db, { name, color })),
  'coder.update': ({ id, name, color }, backend) =>
    requireStore(backend).write({ kind: 'coder.update', label: say('Change a coder') }, async (db, command) => {
      const coder = requireFound(await getCoder(db, id), 'That coder');
      if (name !== undefined && name.trim() !== coder.name) command.setLabel(say('Rename coder “{a}” to “{b}”', { a: coder.name, b: name.trim() }));
      await updateCoder(db, id, { name, color });
      return (await getCoder(db, id))!;
    }),
  'coder.session': (_input, backend) => coderSession(backend),
  'coder.use': async ({ coderId, name, remember }, backend) => {
    const store = requireStore(backend);
    let uid: string | null = null;
    if (name !== undefined) {
      const coder = await store.write({ kind: 'coder.create', label: say('Add coder “{a}”', { a: name.trim() }) }, (db) => findOrCreateCoder(db, name));
      uid = coder.uid;
    } else if (coderId) {
      uid = requireFound(await store.read((db) => getCoder(db, coderId)), 'That coder').uid;
    }
    store.actor = uid;
    if (remembers(backend) && remember !== false) {
      rememberCoder(backend.config.home, memoryKey(await store.read(projectIdentity)), uid);
    }
    return coderSession(backend);
  },
  'merge.preview': ({ path }, backend) => previewMerge(requireStore(backend), path),
  'merge.apply': ({ path, resolutions, keep }, backend) => applyMerge(requireStore(backend), path, resolutions, keep),
  'project.prepareCopies': ({ coders, folder, baselineId }, backend) => prepareCopies(requireStore(backend), coders, folder, baselineId),
  'counts.basis': (_input, backend) =>
    requireStore(backend).read(async (db) => ({ basis: await countBasis(db), coders: await listCoders(db) })),
  'counts.setBasis': ({ basis }, backend) =>
    requireStore(backend).write({ kind: 'counts.setBasis', label: say('Choose what the counts count') }, async (db, command) => {
      if (basis.kind === 'consensus' && !(await listCoders(db)).some((c) => c.kind === 'consensus'))
        fail('invalid-input', 'There is no consensus coding yet: adjudicate the disagreements in the agreement view first.');
      const coder = basis.kind === 'coder' ? requireFound(await getCoder(db, basis.coderId), 'That coder') : null;
      command.setLabel(
        basis.kind === 'all' ? say('Count every coder’s passages') : basis.kind === 'consensus' ? say('Count the consensus coding') : say('Count “{a}”’s passages', { a: coder!.name }),
      );
      await setCountBasis(db, basis);
      return { basis: await countBasis(db), coders: await listCoders(db) };
    }),
} satisfies HandlerGroup<
  | 'coder.list'
  | 'coder.create'
  | 'coder.update'
  | 'coder.session'
  | 'coder.use'
  | 'merge.preview'
  | 'merge.apply'
  | 'project.prepareCopies'
  | 'counts.basis'
  | 'counts.setBasis'
>;
