// Publishing a project file to the team server: a new server project holding exactly the file's
// rows, ids and history (db/postgres/publish.ts), owned by whoever publishes it; each of the file's
// coders becomes a user of the server or is mapped to one (named in `map`, else the user of the same
// name), so their passages and steps stay theirs there. A user made here signs in once an
// administrator sets a password.

import { fail } from '../../shared/api/errors';
import type { PublishedCoder } from '../../shared/api/server-contract';
import { sameLabel } from '../../shared/domain/normalize';
import {
  accountName,
  accountNameProblem,
  createAccount,
  findAccount,
  listAccounts,
  setRole,
  type Account,
} from '../../db/postgres/accounts';
import { projectCoders } from '../../db/postgres/member-coder';
import { publishProjectFile } from '../../db/postgres/publish';
import type { PostgresServer } from '../../db/postgres/server';

export interface PublishOptions {
  /** The project's name on the server (default: the file's). */
  name?: string;
  /** Who publishes it: its first owner. */
  owner: Account;
  /** Coder name → user name, for coders whose user has another name. */
  map?: Record<string, string>;
}

/** A free sign-in name made from a coder's name. */
async function freeName(server: PostgresServer, coder: string): Promise<string> {
  let base = accountName(coder).replace(/\s+/gu, '.').replace(/[^\p{L}\p{M}\p{N}._@-]/gu, '').replace(/^[^\p{L}\p{N}]+/u, '').slice(0, 56);
  if (!base || accountNameProblem(base)) base = 'coder';
  for (let n = 1; ; n += 1) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!(await findAccount(server, candidate))) return candidate;
  }
}

export async function publishAs(server: PostgresServer, file: string, options: PublishOptions): Promise<{ projectId: number; coders: PublishedCoder[] }> {
  const entry = await publishProjectFile(server, file, options.name ? { name: options.name } : {});
  try {
    await setRole(server, entry.id, options.owner.id, 'owner');
    const store = await server.openProject(entry.id, { readOnly: true });
    let coders: { uid: string; name: string }[];
    try {
      coders = await store.read(projectCoders);
    } finally {
      await store.close();
    }
    // First every coder's user, so a bad mapping refuses the whole publication before any user is made.
    const accounts = await listAccounts(server);
    const used = new Set<number>();
    const plan = coders.map((coder) => {
      const mapped = options.map?.[coder.name];
      let account: Account | undefined;
      if (mapped !== undefined) {
        account = accounts.find((a) => a.name === accountName(mapped));
        if (!account) fail('not-found', 'There is no user “{a}” to map the coder “{b}” to; nothing was published.', { a: accountName(mapped), b: coder.name });
        if (used.has(account.id)) fail('conflict', 'Two coders are mapped to the user “{a}”; nothing was published.', { a: account.name });
      } else {
        account = accounts.find((a) => !used.has(a.id) && (sameLabel(a.displayName, coder.name) || sameLabel(a.name, coder.name)));
      }
      if (account) used.add(account.id);
      return { coder, account };
    });
    const unknown = Object.keys(options.map ?? {}).filter((name) => !coders.some((c) => c.name === name));
    if (unknown.length > 0) fail('not-found', 'The file has no coder “{a}”; nothing was published.', { a: unknown[0]! });
    const report: PublishedCoder[] = [];
    for (const { coder, account: found } of plan) {
      const account = found ?? (await createAccount(server, { name: await freeName(server, coder.name), displayName: coder.name, passwordHash: null }));
      await setRole(server, entry.id, account.id, account.id === options.owner.id ? 'owner' : 'coder', coder.uid);
      report.push({ coder: coder.name, user: account.name, created: !found });
    }
    return { projectId: entry.id, coders: report };
  } catch (error) {
    await server.deleteProject(entry.id).catch(() => undefined);
    throw error;
  }
}
