// The window's own state: the open project, the open source's text, the focused item, the text
// selection, the view. What the backend holds is read through keyed answers (query-client.ts,
// project-data.ts), refreshed only where a change touched them; nothing here is saved by itself.

import { create } from 'zustand';
import type { AppInfo } from '../../shared/api/contract';
import type { Input, Method, Output } from '../../shared/api/contract';
import { GroundworkError } from '../../shared/api/errors';
import type { DocumentPage } from '../../shared/domain/model';
import type { DocumentSummary, ProjectInfo } from '../../shared/domain/model';
import type { CategoryId, ConceptId, DocumentId, SegmentId } from '../../shared/domain/ids';
import type { ComponentKey } from '../../shared/domain/paradigm';
import { splitParagraphs, type Paragraph } from '../../shared/domain/text';
import type { RecordId } from '../../shared/domain/records';
import { api } from '../api/client';
import { t } from '../i18n/t';
import { historyLabel } from '../features/history/history-label';
import { errorMessage } from '../features/workspace/error-message';
import { answerNow, refreshed, refreshFrom, resetAnswers } from './query-client';
import { unionTouched } from '../../shared/api/dependencies';
import type { TouchedWire } from '../../shared/api/wire';
import { heardUpTo, refreshDone, refreshStarts } from '../features/server/server-store';

export type Focus =
  | { kind: 'document'; id: DocumentId }
  | { kind: 'concept'; id: ConceptId; categoryId?: CategoryId | null }
  | { kind: 'category'; id: CategoryId }
  | { kind: 'component'; key: ComponentKey }
  | { kind: 'segment'; id: SegmentId }
  | { kind: 'unassigned' }
  | { kind: 'record'; id: RecordId };

export interface OpenDocument {
  /** As it was when opened (its id and text never change; read its live name with useDocumentSummary). */
  document: DocumentSummary;
  text: string;
  paragraphs: Paragraph[];
  /** Where each page starts (PDF sources); empty otherwise. */
  pages?: DocumentPage[];
}

export interface TextSelection {
  documentId: DocumentId;
  start: number;
  end: number;
  text: string;
  /** Where the selection is on screen, for placing the coding bar. */
  rect: { top: number; left: number; bottom: number; right: number };
}

export interface Toast {
  id: number;
  kind: 'error' | 'info';
  message: string;
}

export interface JumpTarget {
  documentId: DocumentId;
  start: number;
  end: number;
  segmentId?: SegmentId;
  nonce: number;
}

/** The workspace's views (the top bar lists them). */
export type View = 'coding' | 'table8' | 'diagrams' | 'table7' | 'words' | 'maturity' | 'screening' | 'evolution' | 'saturation' | 'analysis' | 'agreement';

interface State {
  info: AppInfo | null;
  project: ProjectInfo | null;
  view: View;
  openDoc: OpenDocument | null;
  focus: Focus | null;
  /** Concepts picked in the code tree (Ctrl/Shift-click) for moving several at once (a deleted one is ignored where used). */
  pickedConcepts: ConceptId[];
  /** The last concept coded with (it may have been deleted since: check before use). */
  lastConceptId: ConceptId | null;
  textSelection: TextSelection | null;
  jump: JumpTarget | null;
  toasts: Toast[];

  boot(): Promise<void>;
  setProject(project: ProjectInfo | null): Promise<void>;
  /**
   * Refetches every answer shown (after a break in hearing changes: a restarted server); a team
   * server's page has then seen every change mark known when it started.
   */
  refresh(): Promise<void>;
  /**
   * Others' changes (other users, another window or program), gathered for a moment: what they
   * touched is refetched where shown, at most twice a second.
   */
  refreshSoon(touched: TouchedWire): void;
  /**
   * Calls the backend, waits for the shown answers its change touched to be fetched again, and
   * shows any error as a toast. `paint` draws what the answer itself holds at once, before that.
   */
  run<M extends Method>(method: M, input: Input<M>, paint?: (answer: Output<M>) => void): Promise<Output<M> | undefined>;
  openDocument(id: DocumentId): Promise<void>;
  closeDocument(): void;
  setFocus(focus: Focus | null): void;
  setPickedConcepts(ids: ConceptId[]): void;
  setView(view: State['view']): void;
  setTextSelection(selection: TextSelection | null): void;
  rememberConcept(id: ConceptId): void;
  jumpTo(target: Omit<JumpTarget, 'nonce'>): Promise<void>;
  toast(kind: Toast['kind'], message: string): void;
  dismissToast(id: number): void;
  undo(): Promise<void>;
  redo(): Promise<void>;
}

const lastConceptKey = (project: ProjectInfo | null) => (project ? `groundwork.lastConcept:${project.path}` : '');

let toastIds = 0;
/**
 * Others' changes are gathered: a page refreshes for them at most twice a second (each is shown
 * within about half a second plus the refresh), so twenty busy coders cost each page two refreshes
 * a second rather than one per change, and the server's time goes to the changes themselves.
 */
const HEARD_GAP_MS = 500;
let heardTimer: ReturnType<typeof setTimeout> | null = null;
let lastHeardRefresh = 0;
/** What the changes gathered so far touched. */
let heardTouched: TouchedWire | null = null;
/** Anything may have changed. */
const EVERYTHING: TouchedWire = { tables: null, documents: null };

export const useStore = create<State>()((set, get) => ({
  info: null,
  project: null,
  view: 'coding',
  openDoc: null,
  focus: null,
  pickedConcepts: [],
  lastConceptId: null,
  textSelection: null,
  jump: null,
  toasts: [],

  async boot() {
    try {
      const [info, project] = await Promise.all([api.call('app.info', {}), api.call('project.current', {})]);
      set({ info });
      await get().setProject(project);
    } catch (error) {
      get().toast('error', (error as Error).message);
    }
  },

  async setProject(project) {
    const remembered = project ? Number(localStorage.getItem(lastConceptKey(project))) : 0;
    // Every answer held belongs to the project before: views fetch the new project's as they mount.
    resetAnswers();
    set({
      project,
      openDoc: null,
      focus: null,
      pickedConcepts: [],
      textSelection: null,
      view: 'coding',
      lastConceptId: remembered > 0 ? (remembered as ConceptId) : null,
    });
    // Every answer shown is fetched afresh from here: at least as new as the marks known now.
    if (project) refreshDone(refreshStarts());
  },

  async refresh() {
    if (!get().project) return;
    const upTo = refreshStarts();
    await refreshFrom(EVERYTHING);
    refreshDone(upTo);
  },

  refreshSoon(touched) {
    heardTouched = unionTouched(heardTouched, touched);
    if (heardTimer) return;
    heardTimer = setTimeout(
      () => {
        heardTimer = null;
        lastHeardRefresh = Date.now();
        const gathered = heardTouched;
        heardTouched = null;
        // Every other's change heard so far is in this round or an earlier one (rounds run in
        // turn): once it is done, the page has seen them all.
        const upTo = heardUpTo();
        if (gathered) void refreshFrom(gathered).then(() => refreshDone(upTo));
      },
      Math.max(50, lastHeardRefresh + HEARD_GAP_MS - Date.now()),
    );
  },

  async run(method, input, paint) {
    try {
      const value = await api.call(method, input);
      paint?.(value);
      if (method.startsWith('project.')) return value;
      await refreshed();
      return value;
    } catch (error) {
      get().toast('error', error instanceof GroundworkError ? errorMessage(error.message) : String(error));
      return undefined;
    }
  },

  async openDocument(id) {
    try {
      // The text and its highlights arrive together, so the source is drawn once, highlighted.
      const [{ document, text, pages, directions }] = await Promise.all([
        api.call('document.get', { id }),
        answerNow('segment.forDocument', { documentId: id }),
      ]);
      set({
        openDoc: { document, text, paragraphs: splitParagraphs(text, directions), pages: pages ?? [] },
        textSelection: null,
        view: 'coding',
      });
    } catch (error) {
      get().toast('error', (error as Error).message);
    }
  },

  closeDocument: () => set({ openDoc: null, textSelection: null }),
  setFocus: (focus) => set({ focus }),
  setPickedConcepts: (ids) => set({ pickedConcepts: ids }),
  setView: (view) => set({ view }),
  setTextSelection: (textSelection) => set({ textSelection }),

  rememberConcept(id) {
    set({ lastConceptId: id });
    // Kept for the next session once the frame is drawn (it is called as a coded passage is painted).
    const key = lastConceptKey(get().project);
    setTimeout(() => localStorage.setItem(key, String(id)), 0);
  },

  async jumpTo(target) {
    if (get().openDoc?.document.id !== target.documentId) await get().openDocument(target.documentId);
    set({ view: 'coding', jump: { ...target, nonce: Date.now() } });
  },

  toast(kind, message) {
    const id = ++toastIds;
    set({ toasts: [...get().toasts, { id, kind, message }] });
    if (kind === 'info') setTimeout(() => get().dismissToast(id), 5000);
  },
  dismissToast: (id) => set({ toasts: get().toasts.filter((t) => t.id !== id) }),

  async undo() {
    const state = await get().run('history.undo', {});
    if (state?.redo) get().toast('info', t('Undone: {label}', { label: historyLabel(state.redo.label, state.redo.said) }));
  },
  async redo() {
    const state = await get().run('history.redo', {});
    if (state?.undo) get().toast('info', t('Redone: {label}', { label: historyLabel(state.undo.label, state.undo.said) }));
  },
}));
