// The renderer's state: a copy of what the backend holds (read through the contract, refreshed
// after every change) plus what only the window knows (the open source, the focused item, the
// text selection). The backend stays the one source of truth; nothing here is saved by itself.

import { create } from 'zustand';
import type { AppInfo } from '../../shared/api/contract';
import type { Input, Method, Output } from '../../shared/api/contract';
import { GroundworkError } from '../../shared/api/errors';
import type { DocumentPage } from '../../shared/domain/model';
import type {
  Codebook,
  DocumentSummary,
  HistoryState,
  ParadigmCounts,
  ProjectInfo,
  SegmentMark,
} from '../../shared/domain/model';
import type { CategoryId, ConceptId, DocumentId, SegmentId } from '../../shared/domain/ids';
import type { ComponentKey } from '../../shared/domain/paradigm';
import { splitParagraphs, type Paragraph } from '../../shared/domain/text';
import type { RecordId } from '../../shared/domain/records';
import { api } from '../api/client';
import { t } from '../i18n/t';
import { historyLabel } from '../features/history/history-label';
import { errorMessage } from '../features/workspace/error-message';
import { refreshDone, refreshStarts } from '../features/server/server-store';

export type Focus =
  | { kind: 'document'; id: DocumentId }
  | { kind: 'concept'; id: ConceptId; categoryId?: CategoryId | null }
  | { kind: 'category'; id: CategoryId }
  | { kind: 'component'; key: ComponentKey }
  | { kind: 'segment'; id: SegmentId }
  | { kind: 'unassigned' }
  | { kind: 'record'; id: RecordId };

export interface OpenDocument {
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

const EMPTY_CODEBOOK: Codebook = { components: [], categories: [], concepts: [], filings: [] };

/** The workspace's views (the top bar lists them). */
export type View = 'coding' | 'table8' | 'diagrams' | 'table7' | 'words' | 'maturity' | 'screening' | 'evolution' | 'saturation' | 'analysis' | 'agreement';

interface State {
  info: AppInfo | null;
  project: ProjectInfo | null;
  documents: DocumentSummary[];
  codebook: Codebook;
  counts: ParadigmCounts | null;
  history: HistoryState | null;
  /** Bumped after every refresh, so views that fetch their own data know to fetch again. */
  revision: number;
  view: View;
  openDoc: OpenDocument | null;
  docSegments: SegmentMark[];
  focus: Focus | null;
  /** Concepts picked in the code tree (Ctrl/Shift-click) for moving several at once. */
  pickedConcepts: ConceptId[];
  lastConceptId: ConceptId | null;
  textSelection: TextSelection | null;
  jump: JumpTarget | null;
  toasts: Toast[];

  boot(): Promise<void>;
  setProject(project: ProjectInfo | null): Promise<void>;
  refresh(): Promise<void>;
  /** A refresh for changes made elsewhere (other users, another program), gathered for a moment. */
  refreshSoon(): void;
  /** Calls the backend, refreshes after a change, and shows any error as a toast. */
  run<M extends Method>(method: M, input: Input<M>): Promise<Output<M> | undefined>;
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
/** The refresh running, and the one asked for while it runs (refresh()). */
let refreshing: Promise<void> | null = null;
let queuedRefresh: Promise<void> | null = null;
/**
 * Others' changes are gathered: a page refreshes for them at most twice a second (each is shown
 * within about half a second plus the refresh), so twenty busy coders cost each page two refreshes
 * a second rather than one per change, and the server's time goes to the changes themselves.
 */
const HEARD_GAP_MS = 500;
let heardTimer: ReturnType<typeof setTimeout> | null = null;
let lastHeardRefresh = 0;

export const useStore = create<State>()((set, get) => ({
  info: null,
  project: null,
  documents: [],
  codebook: EMPTY_CODEBOOK,
  counts: null,
  history: null,
  revision: 0,
  view: 'coding',
  openDoc: null,
  docSegments: [],
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
    set({
      project,
      openDoc: null,
      docSegments: [],
      focus: null,
      pickedConcepts: [],
      textSelection: null,
      view: 'coding',
      lastConceptId: remembered > 0 ? (remembered as ConceptId) : null,
      documents: [],
      codebook: EMPTY_CODEBOOK,
      counts: null,
      history: null,
    });
    if (project) await get().refresh();
  },

  async refresh() {
    if (!get().project) return;
    // One refresh at a time: a change heard while one runs asks for one more after it, so many
    // users' changes arriving together cost one more refresh, not one each.
    if (refreshing) {
      queuedRefresh ??= refreshing.then(() => {
        queuedRefresh = null;
        return get().refresh();
      });
      return queuedRefresh;
    }
    let finish = () => {};
    refreshing = new Promise<void>((resolve) => (finish = resolve));
    // Whatever this reads is at least as new as the change marks heard so far (a team server).
    const upTo = refreshStarts();
    try {
      const openId = get().openDoc?.document.id;
      const [documents, codebook, counts, history, docSegments] = await Promise.all([
        api.call('document.list', {}),
        api.call('codebook.get', {}),
        api.call('counts.paradigm', {}),
        api.call('history.get', {}),
        openId ? api.call('segment.forDocument', { documentId: openId }).catch(() => []) : Promise.resolve([]),
      ]);
      const state = get();
      const stillOpen = state.openDoc && documents.find((d) => d.id === state.openDoc!.document.id);
      const lastConceptId = state.lastConceptId && codebook.concepts.some((c) => c.id === state.lastConceptId) ? state.lastConceptId : null;
      set({
        documents,
        codebook,
        counts,
        history,
        docSegments: stillOpen ? docSegments : [],
        openDoc: stillOpen && state.openDoc ? { ...state.openDoc, document: stillOpen } : null,
        lastConceptId,
        pickedConcepts: state.pickedConcepts.filter((id) => codebook.concepts.some((c) => c.id === id)),
        revision: state.revision + 1,
      });
      refreshDone(upTo);
    } finally {
      refreshing = null;
      finish();
    }
  },

  refreshSoon() {
    if (heardTimer) return;
    heardTimer = setTimeout(
      () => {
        heardTimer = null;
        lastHeardRefresh = Date.now();
        void get().refresh();
      },
      Math.max(50, lastHeardRefresh + HEARD_GAP_MS - Date.now()),
    );
  },

  async run(method, input) {
    try {
      const value = await api.call(method, input);
      if (method.startsWith('project.')) return value;
      await get().refresh();
      return value;
    } catch (error) {
      get().toast('error', error instanceof GroundworkError ? errorMessage(error.message) : String(error));
      return undefined;
    }
  },

  async openDocument(id) {
    try {
      const [{ document, text, pages, directions }, segments] = await Promise.all([
        api.call('document.get', { id }),
        api.call('segment.forDocument', { documentId: id }),
      ]);
      set({
        openDoc: { document, text, paragraphs: splitParagraphs(text, directions), pages: pages ?? [] },
        docSegments: segments,
        textSelection: null,
        view: 'coding',
      });
    } catch (error) {
      get().toast('error', (error as Error).message);
    }
  },

  closeDocument: () => set({ openDoc: null, docSegments: [], textSelection: null }),
  setFocus: (focus) => set({ focus }),
  setPickedConcepts: (ids) => set({ pickedConcepts: ids }),
  setView: (view) => set({ view }),
  setTextSelection: (textSelection) => set({ textSelection }),

  rememberConcept(id) {
    localStorage.setItem(lastConceptKey(get().project), String(id));
    set({ lastConceptId: id });
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
