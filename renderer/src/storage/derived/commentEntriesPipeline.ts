// The comment entries of an open document (model/commentEntries.ts), kept in the local catalog (Dexie `comments`)
// and in the search index: after each settled change of its comments doc (typed here or received by sync), the
// document's rows are replaced by what the doc now holds. Opened and closed unchanged, it writes nothing.
import type * as Y from 'yjs';
import { deriveCommentEntries, type CommentEntry } from '../../model/commentEntries';
import { memoizeRegistry } from '../../model/comments/commentsDoc';
import { resolveStakeholder } from '../../model/stakeholders';

export interface CommentEntriesInput {
  workspaceId: string;
  docId: string;
  comments: Y.Doc;
  ws: Y.Doc;
}

export type CommentEntriesWriter = (workspaceId: string, docId: string, entries: CommentEntry[]) => Promise<void>;

/** The comment entries of a comments doc as the comments views read them (attribution from the live registry). */
export function commentEntriesOf({ workspaceId, docId, comments, ws }: CommentEntriesInput): CommentEntry[] {
  return deriveCommentEntries(workspaceId, docId, comments, memoizeRegistry({ resolveStakeholder: (id) => resolveStakeholder(ws, id) }));
}

export class CommentEntriesPipeline {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly cleanup: () => void;

  constructor(
    private readonly input: CommentEntriesInput,
    private readonly write: CommentEntriesWriter,
    private readonly settleMs = 300,
  ) {
    const onUpdate = () => {
      if (this.timer) clearTimeout(this.timer);
      this.timer = setTimeout(() => this.deriveNow(), this.settleMs);
    };
    input.comments.on('update', onUpdate);
    this.cleanup = () => input.comments.off('update', onUpdate);
  }

  deriveNow(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const { workspaceId, docId } = this.input;
    void this.write(workspaceId, docId, commentEntriesOf(this.input)).catch((e) => console.error('Comment entries not written', e));
  }

  /** Stops listening; a change not yet derived is written now. */
  destroy(): void {
    this.cleanup();
    if (this.timer) this.deriveNow();
  }
}
