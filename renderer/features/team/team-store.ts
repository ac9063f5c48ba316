// What this window knows of team coding: the project's coders, who is coding here (and whether to
// ask), which coders' passages the reader and the segment lists show, and which team dialog is
// open. The backend holds the coders and remembers the coder per machine; the filter is the
// window's own.

import { useCallback } from 'react';
import { create } from 'zustand';
import type { Coder, CoderSession } from '../../../shared/domain/team';
import type { CoderId } from '../../../shared/domain/ids';
import { api } from '../../api/client';
import { useStore } from '../../state/store';
import './team.css';

/** Whose passages are shown: everyone's, this window's coder's only (blind coding), or one coder's. */
export type CoderFilter = { kind: 'all' } | { kind: 'mine' } | { kind: 'coder'; id: CoderId };

export type TeamDialog = 'who' | 'copies' | 'merge' | null;

interface TeamState {
  coders: Coder[];
  session: CoderSession | null;
  filter: CoderFilter;
  dialog: TeamDialog;
  /** The ask for this project was answered or dismissed in this window. */
  asked: string | null;
  /** The project whose coders were last loaded (asking happens on its first load only). */
  opened: string | null;
  load(): Promise<void>;
  use(choice: { coderId: CoderId | null } | { name: string }): Promise<boolean>;
  setFilter(filter: CoderFilter): void;
  openDialog(dialog: TeamDialog): void;
}

export const useTeam = create<TeamState>()((set, get) => ({
  coders: [],
  session: null,
  filter: { kind: 'all' },
  dialog: null,
  asked: null,
  opened: null,

  async load() {
    const project = useStore.getState().project;
    if (!project) return set({ coders: [], session: null, dialog: null, opened: null });
    try {
      const [coders, session] = await Promise.all([api.call('coder.list', {}), api.call('coder.session', {})]);
      // Asked when the project is opened, not later: coders arriving with an import or a merge do
      // not interrupt the work in this window.
      const first = get().opened !== project.path;
      set({ coders, session, opened: project.path });
      if (first && session.ask && get().asked !== project.path && get().dialog === null) set({ dialog: 'who' });
    } catch {
      // A project closing meanwhile: nothing to show.
    }
  },

  async use(choice) {
    const session = await useStore.getState().run('coder.use', choice);
    if (!session) return false;
    set({ session, asked: useStore.getState().project?.path ?? null });
    await get().load();
    return true;
  },

  setFilter: (filter) => set({ filter }),
  openDialog: (dialog) => {
    if (dialog === null && get().dialog === 'who') set({ asked: useStore.getState().project?.path ?? null });
    set({ dialog });
  },
}));

/** The one coder whose passages the window shows (null: passages of no coder), or undefined for everyone's. */
export function useCoderOnly(): CoderId | null | undefined {
  const filter = useTeam((s) => s.filter);
  const me = useTeam((s) => s.session?.coder?.id ?? null);
  return filter.kind === 'all' ? undefined : filter.kind === 'mine' ? me : filter.id;
}

/** Whether a passage of this coder is shown under the window's filter. */
export function useCoderShown(): (coderId: CoderId | null | undefined) => boolean {
  const only = useCoderOnly();
  // The same function while the filter stays: views memoise what they draw on it.
  return useCallback((coderId: CoderId | null | undefined) => only === undefined || (coderId ?? null) === only, [only]);
}
