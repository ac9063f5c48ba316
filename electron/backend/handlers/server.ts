// Handlers of the team server's methods (shared/api/server-contract.ts): access and roles go to the
// server's accounts (backend.config.team); downloading a project as a .groundwork file works on
// any engine (a consistent copy through Store.backup, read back and sent as base64).

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fail } from '../../../shared/api/errors';
import { PROJECT_EXTENSION } from '../../../db/sqlite/open';
import { requireStore, type Backend } from '../backend';
import type { TeamAccess } from '../team-access';
import { projectFileName } from '../recent';
import { switchTo } from './project';
import type { HandlerGroup } from './types';

function team(backend: Backend): TeamAccess {
  if (!backend.config.team) fail('invalid-input', 'Accounts, roles and publishing belong to a team server (groundwork serve).');
  return backend.config.team;
}

/** A temporary folder for one call, removed afterwards whatever happens. */
async function inTempDir<T>(use: (dir: string) => Promise<T>): Promise<T> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'groundwork-transfer-'));
  try {
    return await use(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export const serverHandlers = {
  'access.get': (_input, backend) => (backend.config.team ? backend.config.team.access(backend) : null),
  'access.members': (_input, backend) => team(backend).members(backend),
  'access.setRole': ({ user, role }, backend) => team(backend).setRole(backend, user, role),
  'access.setCodebookRule': ({ codersEditCodebook }, backend) => team(backend).setCodebookRule(backend, codersEditCodebook),
  'project.publish': ({ name, dataBase64, title }, backend) =>
    inTempDir(async (dir) => {
      const host = team(backend);
      if (!backend.config.projects) fail('invalid-input', 'Publishing needs a team server.');
      const file = path.join(dir, `published${PROJECT_EXTENSION}`);
      fs.writeFileSync(file, Buffer.from(dataBase64, 'base64'));
      const published = await host.publish(backend, file, title);
      const project = await switchTo(backend, await backend.config.projects.open(published.location));
      return { project, coders: published.coders };
    }),
  'project.download': async (_input, backend) => {
    const store = requireStore(backend);
    const name = (await store.info()).name;
    return inTempDir(async (dir) => {
      const file = path.join(dir, 'download.groundwork');
      await store.backup(file);
      return { filename: projectFileName(name), dataBase64: fs.readFileSync(file).toString('base64') };
    });
  },
} satisfies HandlerGroup<'access.get' | 'access.members' | 'access.setRole' | 'access.setCodebookRule' | 'project.publish' | 'project.download'>;
