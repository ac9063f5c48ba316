// Where a backend's projects live when they are not files: a host creates, opens and lists them.
// Without one (the app, the command line), projects are .groundwork files; with the PostgreSQL
// host, they are projects of one server database, and a bundled project (the example, the study)
// is built as a file and published into it.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fail } from '../../shared/api/errors';
import type { ProjectListing } from '../../shared/domain/model';
import { publishProjectFile } from '../../db/postgres/publish';
import type { PostgresServer } from '../../db/postgres/server';
import type { Store } from '../../db/store';

export interface ProjectHost {
  create(name: string): Promise<Store>;
  /** A project by its location (Store.location) or its id. */
  open(location: string): Promise<Store>;
  /** A project that comes with Groundwork: built into a new file by `build` when missing or fresh. */
  openBundled(name: string, fresh: boolean, build: (file: string) => Promise<void>): Promise<Store>;
  list(): Promise<ProjectListing[]>;
}

export interface PostgresHostOptions {
  watch?: boolean;
  actor?: string | null;
  /**
   * Bundled projects are found by name in the registry (shared by every backend on the server);
   * false: each host builds its own and remembers it (tests running side by side).
   */
  shareBundled?: boolean;
  /** Hears every project this host creates (tests remove them afterwards). */
  created?: (id: number) => void;
}

/** The project id in `…#gw_project_7`, `gw_project_7` or `7`. */
export function projectIdOf(location: string): number {
  const match = /(?:^|#|gw_project_)(\d+)$/.exec(location.trim());
  if (!match) fail('not-found', '{location} does not name a project on this server.', { location });
  return Number(match[1]);
}

export function postgresProjectHost(connecting: Promise<PostgresServer>, options: PostgresHostOptions = {}): ProjectHost {
  const storeOptions = { watch: options.watch ?? false, actor: options.actor ?? null };
  const own = new Map<string, number>();
  const created = (id: number) => {
    options.created?.(id);
    return id;
  };
  return {
    async create(name) {
      const server = await connecting;
      return server.openProject(created((await server.createProject(name)).id), storeOptions);
    },
    async open(location) {
      return (await connecting).openProject(projectIdOf(location), storeOptions);
    },
    async openBundled(name, fresh, build) {
      const server = await connecting;
      const existing = options.shareBundled === false ? own.get(name) : (await server.listProjects()).find((p) => p.name === name)?.id;
      if (existing !== undefined && !fresh) return server.openProject(existing, storeOptions);
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'groundwork-bundled-'));
      try {
        const file = path.join(dir, 'bundled.groundwork');
        await build(file);
        const entry = await publishProjectFile(server, file);
        created(entry.id);
        own.set(name, entry.id);
        if (existing !== undefined) await server.deleteProject(existing);
        return server.openProject(entry.id, storeOptions);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
    async list() {
      const server = await connecting;
      return (await server.listProjects()).map((p) => ({ path: `${server.description}#${p.schema}`, name: p.name, modifiedAt: null, exists: true }));
    },
  };
}
