// The one place the team server decides whether a signed-in user may make a call: what the method
// needs (permissions.ts) against the user's role in the open project (or the project being
// opened), read afresh for every call. A refusal is one line naming the project and the role, and
// nothing has run: the dispatcher is only called for a call that passed.

import { isMethod, methods } from '../../shared/api/contract';
import { GroundworkError } from '../../shared/api/errors';
import { say, type Message } from '../../shared/domain/message';
import { readOnlyMessage } from '../../shared/domain/project-file';
import { codersEditCodebook, type Account, type Role } from '../../db/postgres/accounts';
import type { PostgresServer } from '../../db/postgres/server';
import type { Backend } from '../backend/backend';
import { switchTo } from '../backend/handlers/project';
import { projectIdOf } from '../backend/project-host';
import { needOf, type Need } from './permissions';
import { ensureCoder, NO_ROLE, roleIn } from './team-host';

const forbidden = (message: Message) => new GroundworkError('forbidden', message);

/** Who the user is in a project, in a refusal of a change only owners make. */
const ROLE_WORDS: Record<Role, Message> = { owner: say('one of its owners'), coder: say('one of its coders'), viewer: say('one of its viewers') };

/** Why a method is not on the team server, with what to do instead where there is something. */
const LOCAL_ONLY: Record<string, Message> = {
  'project.saveCopy': say('to keep a copy of a server project, use Download'),
  'backup.restore': say('the database is backed up by its administrator'),
  'backup.list': say('the database is backed up by its administrator'),
  'coder.use': say('on a team server everyone codes as themselves'),
};

/** The open project's id on the server, or null (none open). */
export const openProjectId = (backend: Backend): number | null => (backend.store ? projectIdOf(backend.store.location) : null);

/**
 * Refuses the call (throws a 'forbidden' GroundworkError) unless the user may make it. Opens the
 * project again when the user's role changed between viewer and coder since it was opened.
 */
export async function gate(server: PostgresServer, account: Account, backend: Backend, method: string, input: unknown): Promise<void> {
  if (!isMethod(method)) return; // the dispatcher answers an unknown method
  const need: Need = needOf(method, input, methods[method].mutates);
  switch (need) {
    case 'signed-in':
      return;
    case 'local':
      throw forbidden(
        LOCAL_ONLY[method]
          ? say('{a} works on project files in the desktop app and the browser mode, not on a team server: {why}.', { a: method, why: LOCAL_ONLY[method] })
          : say('{a} works on project files in the desktop app and the browser mode, not on a team server.', { a: method }),
      );
    case 'admin':
      if (!account.admin) throw forbidden(say('Only a server administrator may create or publish projects here; ask one to add you to a project.'));
      return;
    case 'open': {
      let id: number;
      try {
        id = projectIdOf(String((input as { path?: unknown })?.path ?? ''));
      } catch {
        throw forbidden(NO_ROLE);
      }
      if (!(await roleIn(server, account, id))) throw forbidden(NO_ROLE);
      return;
    }
  }
  const store = backend.store;
  if (!store) return; // the handler answers that no project is open
  const projectId = openProjectId(backend)!;
  const member = await roleIn(server, account, projectId);
  // The project's name only for a refusal (a read of its own).
  const name = async () => (await store.info()).name;
  if (!member) {
    // The role was taken away while the project was open: it closes for this user (its name is
    // read first: a closed store answers nothing).
    const projectName = await name();
    await backend.close();
    backend.emit({ type: 'project.switched', origin: null });
    throw forbidden(say('You no longer have a role in “{a}”; ask one of its owners to add you again.', { a: projectName }));
  }
  if ((member.role === 'viewer') !== store.readOnly && backend.config.projects) {
    await switchTo(backend, await backend.config.projects.open(store.location));
  }
  const role = member.role;
  // The user's coder joins the project with their first change, not when they open it.
  const ready = () => (methods[method].mutates && backend.store ? ensureCoder(backend.store) : Promise.resolve());
  if (need === 'read') return;
  if (role === 'owner') return ready();
  if (role === 'viewer') throw forbidden(readOnlyMessage(await name(), 'viewer'));
  if (need === 'code') return ready();
  if (need === 'codebook') {
    if (await codersEditCodebook(server, projectId)) return ready();
    throw forbidden(say('The owners of “{a}” have not let coders change its codebook; code with the concepts it has, or ask an owner.', { a: await name() }));
  }
  throw forbidden(say('Only an owner of “{a}” may do this ({b}); you are {role}.', { a: await name(), b: method, role: ROLE_WORDS[role] }));
}
