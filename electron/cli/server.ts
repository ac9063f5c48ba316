// The team server on the command line: `serve` runs it; `user` manages its accounts and their roles
// (the administrator's tool, straight against the database); `projects` lists its projects;
// `publish` puts a project file on it (its coders become users or are mapped to them) and
// `download` writes a server project back to a .groundwork or .qdpx file. The database is
// --database URL, or GROUNDWORK_DATABASE.

import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createClient } from '../../shared/api/client';
import { fail, GroundworkError } from '../../shared/api/errors';
import { say, type Message } from '../../shared/domain/message';
import {
  accountName,
  createAccount,
  ensureAccountTables,
  listAccounts,
  removeAccount,
  removeRole,
  requireAccount,
  ROLES,
  setPasswordHash,
  setRole,
  type Role,
} from '../../db/postgres/accounts';
import { exportProject } from '../../db/postgres/publish';
import { connectPostgres, type PostgresServer } from '../../db/postgres/server';
import { createBackend } from '../backend/backend';
import { localTransport } from '../backend/dispatcher';
import { postgresProjectHost } from '../backend/project-host';
import { EXAMPLES_DIR, hostConfig, RENDERER_DIR, VERSION } from '../host-config';
import { hashPassword, passwordProblem, randomPassword } from '../server/passwords';
import { publishAs } from '../server/publish';
import { startTeamServer } from '../server/team-server';
import { shown, type Io } from './io';

type UsageErrorClass = new (message: Message) => Error;

export const SERVER_USAGE = `Team server (PostgreSQL; DATABASE is --database URL or GROUNDWORK_DATABASE):
  serve --database URL [--listen 127.0.0.1:PORT] [--public-url https://NAME]
                                           serve the app to many users (sign-in, roles, live changes)
  user ACTION … --database URL            the server's users (the administrator's tool), ACTION one of:
      add NAME [--display-name TEXT] [--admin] [--password-stdin]
                                           a new user (a password is made and printed, or read from stdin)
      list                                 users, with their projects and roles
      passwd NAME [--password-stdin]       a new password (signs the user out everywhere)
      role NAME PROJECT ROLE               ROLE: owner, coder, viewer, or none; PROJECT: its id or name
      remove NAME
  projects --database URL                  the server's projects
  publish FILE --database URL --owner USER [--name NAME] [--map CODER=USER]...
                                           a .groundwork file as a new server project; its coders become
                                           users (or the ones --map names), with the coder role
  download PROJECT OUT.groundwork|OUT.qdpx --database URL [--unit nvivo]
                                           a server project as a project file (history included) or REFI-QDA`;

const databaseOption = { database: { type: 'string' } } as const;

function databaseUrl(value: string | undefined, UsageError: UsageErrorClass): string {
  const url = value ?? process.env.GROUNDWORK_DATABASE;
  if (!url) throw new UsageError(say('Name the database with --database postgres://… (or set GROUNDWORK_DATABASE).'));
  return url;
}

async function withServer<T>(url: string, use: (server: PostgresServer) => Promise<T>): Promise<T> {
  const server = await connectPostgres({ connectionString: url });
  try {
    await ensureAccountTables(server);
    return await use(server);
  } finally {
    await server.close();
  }
}

async function readPassword(fromStdin: boolean | undefined, io: Io, who: string): Promise<string> {
  if (!fromStdin) {
    const made = randomPassword();
    io.out(shown(io, say('Password for {user}: {password}', { user: who, password: made })));
    io.out(shown(io, say('Give it to them over a safe channel; it is not shown again.')));
    return made;
  }
  const text = fs.readFileSync(0, 'utf8').split(/\r?\n/)[0] ?? '';
  const problem = passwordProblem(text);
  if (problem) throw new GroundworkError('invalid-input', problem);
  return text;
}

async function projectByName(server: PostgresServer, wanted: string): Promise<number> {
  const projects = await server.listProjects();
  const found = /^\d+$/.test(wanted) ? projects.find((p) => p.id === Number(wanted)) : projects.filter((p) => p.name === wanted.trim());
  if (Array.isArray(found)) {
    if (found.length > 1) fail('conflict', 'Several projects are named “{a}”: give its id (groundwork projects).', { a: wanted });
    if (found[0]) return found[0].id;
  } else if (found) return found.id;
  fail('not-found', 'There is no project “{a}” on the server (groundwork projects lists them).', { a: wanted });
}

export async function serveCommand(args: string[], io: Io, UsageError: UsageErrorClass): Promise<number> {
  const { values } = parseArgs({ args, options: { ...databaseOption, listen: { type: 'string' }, 'public-url': { type: 'string' } } });
  const url = databaseUrl(values.database, UsageError);
  const listen = values.listen ?? '127.0.0.1:4790';
  const match = /^(.*):(\d+)$/.exec(listen);
  if (!match) throw new UsageError(say('--listen takes HOST:PORT, such as 127.0.0.1:4790 (not "{value}").', { value: listen }));
  const host = match[1]!.replace(/^\[(.*)\]$/, '$1');
  const publicUrl = values['public-url'];
  if (publicUrl !== undefined && !/^https?:\/\/[^/]+\/?$/.test(publicUrl)) throw new UsageError(say('--public-url takes the address users open, such as https://groundwork.example.org'));
  const server = await connectPostgres({ connectionString: url, description: 'the team server’s database', max: 20 });
  const team = await startTeamServer({
    server,
    rendererDir: RENDERER_DIR,
    examplesDir: EXAMPLES_DIR,
    version: VERSION,
    host,
    port: Number(match[2]),
    publicUrl,
  });
  io.out(shown(io, say('Groundwork team server: {url}', { url: team.url })));
  if (!publicUrl && !['127.0.0.1', '::1', 'localhost'].includes(host)) {
    io.err(shown(io, say('warning: serving plain HTTP beyond this machine: passwords and work travel unencrypted. Put a TLS proxy in front and give --public-url https://…')));
  }
  if ((await listAccounts(server)).length === 0) io.out(shown(io, say('No users yet: add one with "groundwork user add NAME --admin --database …".')));
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await team.close();
  await server.close();
  return 0;
}

export async function userCommand(args: string[], io: Io, UsageError: UsageErrorClass): Promise<number> {
  const [action, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { ...databaseOption, 'display-name': { type: 'string' }, admin: { type: 'boolean' }, 'password-stdin': { type: 'boolean' } },
  });
  const url = databaseUrl(values.database, UsageError);
  const [name] = positionals;
  if (action !== 'list' && !name) throw new UsageError(action ? say("user {action} needs a user's name.", { action }) : say("user needs a user's name."));
  switch (action) {
    case 'add':
      return withServer(url, async (server) => {
        const password = await readPassword(values['password-stdin'], io, accountName(name!));
        const account = await createAccount(server, {
          name: name!,
          displayName: values['display-name'],
          passwordHash: await hashPassword(password),
          admin: values.admin ?? false,
        });
        io.out(shown(io, say(account.admin ? 'Added administrator {user} ({name}).' : 'Added user {user} ({name}).', { user: account.name, name: account.displayName })));
        return 0;
      });
    case 'list':
      return withServer(url, async (server) => {
        const accounts = await listAccounts(server);
        if (accounts.length === 0) io.out(shown(io, say('No users.')));
        for (const a of accounts) {
          const projects = a.projects.map((p) => `${p.name} (${p.id}): ${p.role}`).join('; ');
          io.out(`${a.name}\t${a.displayName}${a.admin ? '\tadministrator' : ''}${a.canSignIn ? '' : '\t(no password yet)'}\t${projects || 'no projects'}`);
        }
        return 0;
      });
    case 'passwd':
      return withServer(url, async (server) => {
        await requireAccount(server, name!);
        await setPasswordHash(server, name!, await hashPassword(await readPassword(values['password-stdin'], io, accountName(name!))));
        io.out(shown(io, say('Set a new password for {user}; they were signed out everywhere.', { user: accountName(name!) })));
        return 0;
      });
    case 'remove':
      return withServer(url, async (server) => {
        await removeAccount(server, name!);
        io.out(shown(io, say('Removed {user} (their passages and steps stay in the projects, under their coder).', { user: accountName(name!) })));
        return 0;
      });
    case 'role': {
      const [, project, role] = positionals;
      if (!project || !role) throw new UsageError(say('user role takes a user, a project and a role (owner, coder, viewer or none).'));
      if (role !== 'none' && !ROLES.includes(role as Role)) throw new UsageError(say('Unknown role "{value}": use owner, coder, viewer or none.', { value: role }));
      return withServer(url, async (server) => {
        const account = await requireAccount(server, name!);
        const id = await projectByName(server, project);
        if (role === 'none') await removeRole(server, id, account.id);
        else await setRole(server, id, account.id, role as Role);
        io.out(shown(io, role === 'none' ? say('{user} has no role in project {id} now.', { user: account.name, id }) : say('{user} is {role} of project {id}.', { user: account.name, role, id })));
        return 0;
      });
    }
    default:
      throw new UsageError(say('Unknown user action "{value}": use add, list, passwd, role or remove.', { value: action ?? '' }));
  }
}

export async function projectsCommand(args: string[], io: Io, UsageError: UsageErrorClass): Promise<number> {
  const { values } = parseArgs({ args, options: databaseOption });
  return withServer(databaseUrl(values.database, UsageError), async (server) => {
    const projects = await server.listProjects();
    if (projects.length === 0) io.out(shown(io, say('No projects.')));
    for (const p of projects) io.out(`${p.id}\t${p.name}\t(format ${p.version}, created ${p.createdAt})`);
    return 0;
  });
}

export async function publishCommand(args: string[], io: Io, UsageError: UsageErrorClass): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { ...databaseOption, owner: { type: 'string' }, name: { type: 'string' }, map: { type: 'string', multiple: true } },
  });
  const [file] = positionals;
  if (!file || positionals.length > 1) throw new UsageError(say('publish takes one project file.'));
  if (!values.owner) throw new UsageError(say('publish needs --owner USER: the user who owns the published project.'));
  const map: Record<string, string> = {};
  for (const pair of values.map ?? []) {
    const at = pair.lastIndexOf('=');
    if (at <= 0) throw new UsageError(say('--map takes CODER=USER (not "{value}").', { value: pair }));
    map[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return withServer(databaseUrl(values.database, UsageError), async (server) => {
    const owner = await requireAccount(server, values.owner!);
    const { projectId, coders } = await publishAs(server, path.resolve(file), { owner, name: values.name, map });
    io.out(shown(io, say('Published {file} as project {id}.', { file, id: projectId })));
    for (const c of coders) {
      io.out(shown(io, say(c.created ? 'coder “{coder}” → user {user} (new; set a password with "groundwork user passwd")' : 'coder “{coder}” → user {user}', { coder: c.coder, user: c.user })));
    }
    return 0;
  });
}

export async function downloadCommand(args: string[], io: Io, UsageError: UsageErrorClass): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { ...databaseOption, unit: { type: 'string' } } });
  const [project, out] = positionals;
  if (!project || !out || positionals.length > 2) throw new UsageError(say('download takes a server project (id or name) and a file to write.'));
  const ext = path.extname(out).toLowerCase();
  if (ext !== '.groundwork' && ext !== '.qdpx') throw new UsageError(say('download writes a .groundwork or a .qdpx file.'));
  if (values.unit !== undefined && (ext !== '.qdpx' || !['nvivo', 'standard'].includes(values.unit))) throw new UsageError(say('--unit nvivo|standard goes with a .qdpx file.'));
  if (fs.existsSync(out)) fail('conflict', 'There is already a file at {path}; nothing was written.', { path: path.resolve(out) });
  return withServer(databaseUrl(values.database, UsageError), async (server) => {
    const id = await projectByName(server, project);
    if (ext === '.groundwork') {
      const report = await exportProject(server, id, out);
      io.out(shown(io, say('Wrote project {id} to {path} ({rows} rows in {tables} tables).', { id, path: path.resolve(out), rows: report.rows, tables: report.tables })));
      return 0;
    }
    const backend = createBackend({ ...hostConfig('cli'), projects: postgresProjectHost(Promise.resolve(server)) });
    try {
      const api = createClient(localTransport(backend));
      await api.call('project.open', { path: String(id) });
      const file = await api.call('exchange.export', { format: 'qdpx', unit: values.unit === 'nvivo' ? 'nvivo' : 'standard' });
      const temp = `${out}.${process.pid}.tmp`;
      fs.writeFileSync(temp, Buffer.from(file.dataBase64, 'base64'));
      fs.renameSync(temp, out);
      for (const warning of file.warnings) io.err(`warning  ${warning}`);
      io.out(shown(io, say('Wrote project {id} to {path} (REFI-QDA).', { id, path: path.resolve(out) })));
      return 0;
    } finally {
      await backend.close();
    }
  });
}
