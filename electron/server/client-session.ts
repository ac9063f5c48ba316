// One signed-in browser on the team server: its own backend (so the project it has open, its
// store's session and its undo are its own), the event streams of its tabs, and what the server
// shares between sessions (the database, the latest change mark of each project, who each coder
// is). Events carry who made a change; the project it has open is remembered with its sign-in, so
// a restarted server opens it again.

import { AsyncLocalStorage } from 'node:async_hooks';
import type http from 'node:http';
import { fail } from '../../shared/api/errors';
import type { Access, Member, RoleName } from '../../shared/api/server-contract';
import type { BackendEvent } from '../../shared/api/wire';
import {
  codersEditCodebook,
  memberNames,
  ownerCount,
  projectMembers,
  removeRole,
  requireAccount,
  setCodersEditCodebook,
  setRole,
  setSignInProject,
  type Account,
} from '../../db/postgres/accounts';
import type { PostgresServer } from '../../db/postgres/server';
import type { Store } from '../../db/store';
import { createBackend, type Backend } from '../backend/backend';
import { switchTo } from '../backend/handlers/project';
import type { TeamAccess } from '../backend/team-access';
import { openProjectId } from './gate';
import { publishAs } from './publish';
import { roleIn, teamProjectHost } from './team-host';

/** What the call being answered brought and learned: the page's mark, and changes it replaced. */
export interface CallState {
  seen?: number;
  replaced: { actor: string | null; label: string }[];
}

export interface Shared {
  server: PostgresServer;
  version: string;
  examplesDir: string;
  home: string;
  callState: AsyncLocalStorage<CallState>;
  /** The latest change mark heard of each project. */
  marks: Map<number, number>;
  /** A coder's user, by the coder's uid, in a project (for "changed by"). */
  nameOf(projectId: number, actor: string): Promise<string | null>;
}

export function sharedState(server: PostgresServer, config: { version: string; examplesDir: string; home: string }): Shared {
  const names = new Map<number, { at: number; names: Map<string, string> }>();
  return {
    server,
    ...config,
    callState: new AsyncLocalStorage<CallState>(),
    marks: new Map(),
    async nameOf(projectId, actor) {
      let cached = names.get(projectId);
      if (!cached || (!cached.names.has(actor) && Date.now() - cached.at > 2000) || Date.now() - cached.at > 60_000) {
        cached = { at: Date.now(), names: await memberNames(server, projectId) };
        names.set(projectId, cached);
      }
      return cached.names.get(actor) ?? null;
    },
  };
}

const bump = (marks: Map<number, number>, projectId: number, mark: number | undefined) => {
  if (mark !== undefined && mark > (marks.get(projectId) ?? 0)) marks.set(projectId, mark);
};

export class ClientSession {
  readonly backend: Backend;
  readonly streams = new Set<http.ServerResponse>();
  lastUsed = Date.now();
  /** Settles once the project the sign-in had open is open again (after a restart of the server). */
  ready: Promise<void> = Promise.resolve();
  private delivering: Promise<void> = Promise.resolve();
  private readonly unsubscribe: () => void;

  constructor(
    private readonly shared: Shared,
    readonly tokenHash: string,
    public account: Account,
  ) {
    const { server, callState } = shared;
    const host = teamProjectHost({
      server,
      account: () => this.account,
      guard: {
        seen: () => callState.getStore()?.seen,
        replaced: (notice) => callState.getStore()?.replaced.push(notice),
      },
      opened: async (projectId: number, store: Store) => {
        store.onChange((change) => bump(shared.marks, projectId, change.mark));
        bump(shared.marks, projectId, await store.changeMark?.());
      },
    });
    this.backend = createBackend({
      host: 'server',
      version: shared.version,
      home: shared.home,
      examplesDir: shared.examplesDir,
      watchProject: true,
      dailyBackups: false,
      projects: host,
      team: this.teamAccess(),
    });
    this.unsubscribe = this.backend.subscribe((event) => {
      this.delivering = this.delivering.then(() => this.deliver(event)).catch(() => undefined);
    });
  }

  /** Opens the project the sign-in had open (after a restart of the server); quietly not, if it cannot. */
  async reopen(projectId: number): Promise<void> {
    try {
      await switchTo(this.backend, await this.backend.config.projects!.open(String(projectId)));
    } catch {
      await setSignInProject(this.shared.server, this.tokenHash, null).catch(() => undefined);
    }
  }

  /** The latest change mark this server knows of the open project. */
  mark(): number | undefined {
    const id = openProjectId(this.backend);
    return id === null ? undefined : this.shared.marks.get(id);
  }

  private async deliver(event: BackendEvent): Promise<void> {
    const projectId = openProjectId(this.backend);
    if (event.type === 'project.switched') await setSignInProject(this.shared.server, this.tokenHash, projectId);
    let sent = event;
    if (event.type === 'project.changed' && event.actor && projectId !== null && event.actor !== this.backend.store?.actor) {
      const by = await this.shared.nameOf(projectId, event.actor);
      if (by) sent = { ...event, by };
    }
    const data = `data: ${JSON.stringify(sent)}\n\n`;
    for (const stream of this.streams) stream.write(data);
  }

  private teamAccess(): TeamAccess {
    const { server } = this.shared;
    const open = (backend: Backend) => {
      const id = openProjectId(backend);
      if (id === null) fail('no-project', 'No project is open. Create or open a project first.');
      return id;
    };
    const members = async (projectId: number): Promise<Member[]> =>
      (await projectMembers(server, projectId)).map((m) => ({ name: m.name, displayName: m.displayName, role: m.role }));
    const access = async (backend: Backend): Promise<Access> => {
      const account = this.account;
      const user = { name: account.name, displayName: account.displayName, admin: account.admin };
      const id = openProjectId(backend);
      if (id === null) return { user, role: null, codersEditCodebook: true, canEditCodebook: false };
      const role = (await roleIn(server, account, id))?.role ?? null;
      const allowed = await codersEditCodebook(server, id);
      return { user, role, codersEditCodebook: allowed, canEditCodebook: role === 'owner' || (role === 'coder' && allowed) };
    };
    return {
      access,
      members: (backend) => members(open(backend)),
      setRole: async (backend, user, role: RoleName | null) => {
        const id = open(backend);
        const target = await requireAccount(server, user);
        const current = (await projectMembers(server, id)).find((m) => m.accountId === target.id);
        if (current?.role === 'owner' && role !== 'owner' && (await ownerCount(server, id)) <= 1) {
          fail('conflict', '“{a}” is the project’s only owner: make someone else an owner first.', { a: target.name });
        }
        if (role === null) await removeRole(server, id, target.id);
        else await setRole(server, id, target.id, role);
        return members(id);
      },
      setCodebookRule: async (backend, allowed) => {
        await setCodersEditCodebook(server, open(backend), allowed);
        return access(backend);
      },
      publish: async (_backend, file, title) => {
        const published = await publishAs(server, file, { name: title, owner: this.account });
        return { location: String(published.projectId), coders: published.coders };
      },
    };
  }

  async close(): Promise<void> {
    this.unsubscribe();
    for (const stream of this.streams) stream.end();
    this.streams.clear();
    await this.backend.close();
  }
}
