// What the team server lends the backend of each signed-in user: who they are, their role in the
// open project, the project's members, and publishing a project file. The handlers of
// shared/api/server-contract.ts call it; outside a team server there is none, and they say so.

import type { Access, Member, PublishedCoder, RoleName } from '../../shared/api/server-contract';
import type { Backend } from './backend';

export interface TeamAccess {
  access(backend: Backend): Promise<Access | null>;
  members(backend: Backend): Promise<Member[]>;
  setRole(backend: Backend, user: string, role: RoleName | null): Promise<Member[]>;
  setCodebookRule(backend: Backend, allowed: boolean): Promise<Access>;
  /** Publishes a project file as a new server project the user owns; returns where it is. */
  publish(backend: Backend, file: string, title?: string): Promise<{ location: string; coders: PublishedCoder[] }>;
}
