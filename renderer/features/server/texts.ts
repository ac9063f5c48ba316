// The names of the team server's roles in the interface (their Persian in fa/server.catalog.ts).

import type { RoleName } from '../../../shared/api/server-contract';

export const ROLE_LABEL: Record<RoleName, string> = { owner: 'Owner', coder: 'Coder', viewer: 'Viewer' };

export const ROLE_HINT: Record<RoleName, string> = {
  owner: 'Everything, members and roles included',
  coder: 'Codes, writes memos and (if allowed) changes the codebook',
  viewer: 'Reads, searches and exports',
};
