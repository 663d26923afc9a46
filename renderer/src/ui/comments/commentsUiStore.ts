import { create } from 'zustand';
import type { StoredAnchor } from '../../model/comments/threadTypes';

// UI state of the comments feature (never shared content): panel and margin toggles, the thread in focus, the
// comment being written, and a pending "show this thread in the text" request from the matrix.

export interface Composer {
  /** null: a comment on the whole document */
  anchor: StoredAnchor | null;
}

export interface CommentsUiState {
  panelOpen: boolean;
  paraNumbers: boolean;
  activeThreadId: string | null;
  composer: Composer | null;
  /** set by the matrix: once the text view shows, select and scroll to this thread's anchor */
  revealThreadId: string | null;
  /** bumped to ask the panel to bring the active thread into view */
  focusTick: number;
  setPanelOpen(open: boolean): void;
  setParaNumbers(on: boolean): void;
  activate(threadId: string | null, opts?: { scrollPanel?: boolean }): void;
  openComposer(composer: Composer): void;
  closeComposer(): void;
  reveal(threadId: string | null): void;
  reset(): void;
}

type CommentsUiData = Pick<CommentsUiState, 'panelOpen' | 'paraNumbers' | 'activeThreadId' | 'composer' | 'revealThreadId' | 'focusTick'>;

/** Wider than this, the panel is a column beside the text; narrower, a drawer over it, closed at first. */
export const PANEL_COLUMN_MIN_WIDTH = 1180;

export function initialCommentsUi(viewportWidth: number): CommentsUiData {
  return { panelOpen: viewportWidth > PANEL_COLUMN_MIN_WIDTH, paraNumbers: true, activeThreadId: null, composer: null, revealThreadId: null, focusTick: 0 };
}

export const createCommentsUiStore = (initial: CommentsUiData) =>
  create<CommentsUiState>()((set) => ({
    ...initial,
    setPanelOpen: (panelOpen) => set({ panelOpen }),
    setParaNumbers: (paraNumbers) => set({ paraNumbers }),
    activate: (activeThreadId, opts) => set((s) => ({ activeThreadId, focusTick: opts?.scrollPanel ? s.focusTick + 1 : s.focusTick })),
    openComposer: (composer) => set({ composer, panelOpen: true }),
    closeComposer: () => set({ composer: null }),
    reveal: (revealThreadId) => set({ revealThreadId, activeThreadId: revealThreadId ?? null }),
    // Toggles stay as the user left them when moving between documents; what belongs to a document is cleared.
    reset: () => set({ activeThreadId: null, composer: null, revealThreadId: null }),
  }));

export const useCommentsUi = createCommentsUiStore(initialCommentsUi(typeof window === 'undefined' ? Infinity : window.innerWidth));
