// What this window knows of team coding: which coders' passages the reader and the segment lists
// show, and which team dialog is open (the window's own), beside the project's coders and who is
// coding here, which are keyed answers (coder.list, coder.session) refreshed when a change touches
// them; choosing a coder paints the session from coder.use's answer at once.

import { useCallback, useEffect } from 'react';
import { create } from 'zustand';
import type { Coder, CoderSession } from '../../../shared/domain/team';
import type { CoderId } from '../../../shared/domain/ids';
import { updateAnswer } from '../../state/query-client';
import { useProjectQuery } from '../../state/use-project-query';
import { useStore } from '../../state/store';
import './team.css';

/** Whose passages are shown: everyone's, this window's coder's only (blind coding), or one coder's. */
export type CoderFilter = { kind: 'all' } | { kind: 'mine' } | { kind: 'coder'; id: CoderId };

export type TeamDialog = 'who' | 'copies' | 'merge' | null;

interface TeamState {
  filter: CoderFilter;
  dialog: TeamDialog;
  /** The ask for this project was answered or dismissed in this window. */
  asked: string | null;
  /** The project whose session was first heard of (asking happens then only). */
  opened: string | null;
  /** The session of the open project arrived: asks "Who is coding?" if this is its first and the backend says to. */
  sessionArrived(project: string, session: CoderSession): void;
  use(choice: { coderId: CoderId | null } | { name: string }): Promise<boolean>;
  setFilter(filter: CoderFilter): void;
  openDialog(dialog: TeamDialog): void;
}

/** Holds who is coding now as coder.use answered it, before anything is fetched again. */
export const paintSession = (session: CoderSession) => updateAnswer('coder.session', {}, () => session);

export const useTeam = create<TeamState>()((set, get) => ({
  filter: { kind: 'all' },
  dialog: null,
  asked: null,
  opened: null,

  sessionArrived(project, session) {
    // Asked when the project is opened, not later: coders arriving with an import or a merge do
    // not interrupt the work in this window.
    if (get().opened === project) return;
    set({ opened: project });
    if (session.ask && get().asked !== project && get().dialog === null) set({ dialog: 'who' });
  },

  async use(choice) {
    const session = await useStore.getState().run('coder.use', choice, paintSession);
    if (!session) return false;
    set({ asked: useStore.getState().project?.path ?? null });
    return true;
  },

  setFilter: (filter) => set({ filter }),
  openDialog: (dialog) => {
    if (dialog === null && get().dialog === 'who') set({ asked: useStore.getState().project?.path ?? null });
    set({ dialog });
  },
}));

const NO_CODERS: Coder[] = [];

/**
 * The project's coders (the consensus coder among them, once there is one), with their counts of
 * passages: held only while `shown` (coding a passage changes them).
 */
export const useCoders = (shown = true): Coder[] => useProjectQuery('coder.list', {}, { enabled: shown }) ?? NO_CODERS;

/** Who is coding in this window, and whether to ask; null until it answers. */
export const useCoderSession = (): CoderSession | null => useProjectQuery('coder.session', {}) ?? null;

/** Asks "Who is coding?" once the open project's session first arrives (mounted with the top bar). */
export function useAskWhoIsCoding(): void {
  const project = useStore((s) => s.project?.path ?? null);
  const session = useCoderSession();
  const sessionArrived = useTeam((s) => s.sessionArrived);
  useEffect(() => {
    if (!project) useTeam.setState({ opened: null, dialog: null });
    else if (session) sessionArrived(project, session);
  }, [project, session, sessionArrived]);
}

/** The one coder whose passages the window shows (null: passages of no coder), or undefined for everyone's. */
export function useCoderOnly(): CoderId | null | undefined {
  const filter = useTeam((s) => s.filter);
  const me = useProjectQuery('coder.session', {}, { select: mineOf }) ?? null;
  return filter.kind === 'all' ? undefined : filter.kind === 'mine' ? me : filter.id;
}

/** Whether a passage of this coder is shown under the window's filter. */
export function useCoderShown(): (coderId: CoderId | null | undefined) => boolean {
  const only = useCoderOnly();
  // The same function while the filter stays: views memoise what they draw on it.
  return useCallback((coderId: CoderId | null | undefined) => only === undefined || (coderId ?? null) === only, [only]);
}

const mineOf = (session: CoderSession): CoderId | null => session.coder?.id ?? null;
