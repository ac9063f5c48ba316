// The team server's part of the contract (spread into `methods` in contract.ts): who is signed in
// and what they may do in the open project, its members and their roles, whether coders may change
// its codebook, publishing a project file to the server and downloading a project as one. Outside
// a team server these methods answer that they belong to it.

import { z } from 'zod';
import type { ProjectInfo } from '../domain/model';

export const ROLE_NAMES = ['owner', 'coder', 'viewer'] as const;
export type RoleName = (typeof ROLE_NAMES)[number];

export interface SignedInUser {
  name: string;
  displayName: string;
  admin: boolean;
}

export interface Access {
  user: SignedInUser;
  /** The role in the open project (null: no project open). */
  role: RoleName | null;
  /** Whether the project lets its coders change the codebook. */
  codersEditCodebook: boolean;
  /** Whether this user may change the codebook (owner, or coder where allowed). */
  canEditCodebook: boolean;
}

export interface Member {
  name: string;
  displayName: string;
  role: RoleName;
}

export interface PublishedCoder {
  /** The coder's name in the file. */
  coder: string;
  /** The user it became or was mapped to. */
  user: string;
  /** A new user (who signs in once an administrator sets a password), or an existing one. */
  created: boolean;
}

const UserName = z.string().trim().min(1, 'Name a user.').max(64);

export const serverMethods = {
  'access.get': { input: z.object({}).strict(), mutates: false },
  'access.members': { input: z.object({}).strict(), mutates: false },
  /** Gives a user a role in the open project, changes it, or (null) takes it away. */
  'access.setRole': { input: z.object({ user: UserName, role: z.enum(ROLE_NAMES).nullable() }).strict(), mutates: false },
  'access.setCodebookRule': { input: z.object({ codersEditCodebook: z.boolean() }).strict(), mutates: false },
  /** A .groundwork file becomes a new server project; its coders become users or are mapped to them. */
  'project.publish': {
    input: z.object({ name: z.string().min(1).max(1000), dataBase64: z.string(), title: z.string().trim().min(1).max(200).optional() }).strict(),
    mutates: false,
  },
  /** The open project as a .groundwork file (history included). */
  'project.download': { input: z.object({}).strict(), mutates: false },
} as const;

export interface ServerOutputs {
  'access.get': Access | null;
  'access.members': Member[];
  'access.setRole': Member[];
  'access.setCodebookRule': Access;
  'project.publish': { project: ProjectInfo; coders: PublishedCoder[] };
  'project.download': { filename: string; dataBase64: string };
}
