// The derived-data pipeline of one open document. It subscribes once to the document, its workspace metadata
// entry and the house style, and when they have been quiet for `settleMs` it derives everything from one settled
// snapshot of the body (model/derive.ts): stats and page estimate, catalog row, comments body index. Components
// read the result; none of them compute. Sinks (the catalog writer, later the search index) receive each result.
import type * as Y from 'yjs';
import { deriveDocument, type DerivedDocument } from '../../model/derive';
import { whenIdle } from '../../platform/idle';
import { quiet } from '../../platform/quiet';
import { readDocumentMeta, readHouseStyle, wsDocuments, wsSettings } from '../../model/workspaceDoc';

export interface PipelineInput {
  workspaceId: string;
  docId: string;
  doc: Y.Doc;
  ws: Y.Doc;
}

/** Receives each derived result; `changed` is false when the body has not changed since the pipeline opened. */
export interface DerivedSink {
  accept(derived: DerivedDocument, changed: boolean): void;
  /** the document closes: write what is pending */
  flush(): void;
}

/** the longest a derivation waits for idle time once due */
const IDLE_TIMEOUT_MS = 1000;

export class DocumentPipeline {
  private snapshot: DerivedDocument | null = null;
  private readonly listeners = new Set<() => void>();
  /** the derivation due once the inputs have been quiet (each change pokes it); then it waits for idle time */
  private readonly settled = quiet(() => {
    // Deriving a long document (page estimate, body index) takes tens of ms: in idle time, so that typing does
    // not wait for it (at most IDLE_TIMEOUT_MS later where the main thread is never idle).
    this.idle = whenIdle(() => {
      this.idle = null;
      this.deriveNow();
    }, IDLE_TIMEOUT_MS);
  });
  /** the derivation asked for in a task of its own (deriveSoon) */
  private soon: ReturnType<typeof setTimeout> | null = null;
  /** when the document last changed (for the catalog's updatedAt), null while unchanged since opening */
  private changedAt: number | null = null;
  private readonly cleanups: Array<() => void> = [];

  constructor(
    private readonly input: PipelineInput,
    private readonly sinks: readonly DerivedSink[],
    private readonly settleMs = 300,
  ) {
    const { doc, ws, docId } = input;
    const onUpdate = () => {
      this.changedAt = Date.now();
      this.schedule(this.settleMs);
    };
    doc.on('update', onUpdate);
    this.cleanups.push(() => doc.off('update', onUpdate));
    const documents = wsDocuments(ws);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const onMeta = (events: Array<Y.YEvent<any>>) => {
      if (events.some((e) => e.path[0] === docId || (e.target === documents && e.changes.keys.has(docId)))) this.schedule(this.settleMs);
    };
    documents.observeDeep(onMeta);
    this.cleanups.push(() => documents.unobserveDeep(onMeta));
    const onStyle = () => this.schedule(this.settleMs);
    const settings = wsSettings(ws);
    settings.observeDeep(onStyle);
    this.cleanups.push(() => settings.unobserveDeep(onStyle));
    // The first result comes once the opened text has painted (the frame after the next one), without waiting
    // for idle time: the comment highlights and paragraph numbers wait for it, and an open with thousands of
    // comments (decoding, panels rendering) leaves no idle time for up to IDLE_TIMEOUT_MS.
    if (typeof requestAnimationFrame === 'function') {
      let frame = requestAnimationFrame(() => (frame = requestAnimationFrame(() => this.deriveSoon())));
      this.cleanups.push(() => cancelAnimationFrame(frame));
    } else this.deriveSoon();
  }

  get docId(): string {
    return this.input.docId;
  }

  /** The latest result, null until the first one (or while the document has no metadata entry). */
  getSnapshot = (): DerivedDocument | null => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Derives now (tests, and callers that need the result exact at this moment). */
  deriveNow(): DerivedDocument | null {
    this.cancelPending();
    const entry = wsDocuments(this.input.ws).get(this.input.docId);
    const meta = entry ? readDocumentMeta(entry) : null;
    if (!meta) return null;
    const derived = deriveDocument({ workspaceId: this.input.workspaceId, meta, doc: this.input.doc, style: readHouseStyle(this.input.ws), updatedAt: this.changedAt ?? meta.createdAt });
    this.snapshot = derived;
    for (const sink of this.sinks) sink.accept(derived, this.changedAt !== null);
    for (const l of this.listeners) l();
    return derived;
  }

  /** Stops listening; a result not yet derived is derived now so that sinks write it. */
  destroy(): void {
    for (const c of this.cleanups) c();
    // A change still pending is derived now: a document closed (or left for the Due list) before idle time came
    // must still reach the catalog. (What a reload or crash cuts short, the next open repairs: catalogSink.ts.)
    if (this.settled.pending || this.soon !== null || this.idle !== null) this.deriveNow();
    this.cancelPending();
    for (const sink of this.sinks) sink.flush();
    this.listeners.clear();
  }

  /** Derives in a task of its own, without waiting for idle time. */
  private deriveSoon() {
    this.cancelPending();
    this.soon = setTimeout(() => {
      this.soon = null;
      this.deriveNow();
    }, 0);
  }

  /** Derives once the inputs have been quiet for `ms`, then in idle time (a change cancels the wait for idle). */
  private schedule(ms: number) {
    if (this.soon !== null) clearTimeout(this.soon);
    this.soon = null;
    this.cancelIdle();
    this.settled.poke(ms);
  }

  private cancelPending() {
    this.settled.cancel();
    if (this.soon !== null) clearTimeout(this.soon);
    this.soon = null;
    this.cancelIdle();
  }

  /** cancels the derivation waiting for idle time; null: none waits */
  private idle: (() => void) | null = null;

  private cancelIdle() {
    this.idle?.();
    this.idle = null;
  }
}
