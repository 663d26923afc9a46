// What a commenter may change on their own threads and replies once they exist (the sync server enforces it;
// the UI can use it to decide which fields to offer). Everything else of an existing thread is editors' only.
import { ReplyKey, ThreadKey } from './commentsSchema';

/** Keys a commenter may overwrite on a thread whose `authorId` is their token's `sub`. */
export const COMMENTER_EDITABLE_THREAD_KEYS: readonly string[] = [
  ThreadKey.body,
  ThreadKey.proposedWording,
  ThreadKey.type,
  ThreadKey.editedAt,
];

/** Keys a commenter may overwrite on a reply whose `authorId` is their token's `sub`. */
export const COMMENTER_EDITABLE_REPLY_KEYS: readonly string[] = [ReplyKey.body, ReplyKey.editedAt];
