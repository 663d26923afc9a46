import * as Y from 'yjs';
import { ThreadKey } from '../../../../common/commentsSchema';
import type { PMNode } from '../bodyJson';
import { replaceFragment } from '../bodyWrite';
import { getThreadMap, requireEditor } from './commentsDoc';
import type { Actor } from './threadTypes';
import { fragmentPlainText, normalizeResponseText, textToDocJSON } from './responseText';

// Writing a thread's response (rich text in the editor schema). Apart from commentsDoc.ts because it validates
// against the editor schema, which the start does not load.

/**
 * Replaces the response with plain text (one paragraph per line) or ProseMirror JSON (a `doc`). Plain text equal
 * to the current text (after normalizeResponseText) writes nothing. Returns whether it wrote.
 */
export function setResponse(doc: Y.Doc, threadId: string, content: string | PMNode, actor: Actor): boolean {
  requireEditor(actor);
  const t = getThreadMap(doc, threadId);
  const existing = t.get(ThreadKey.response);
  if (typeof content === 'string' && existing instanceof Y.XmlFragment && normalizeResponseText(fragmentPlainText(existing)) === normalizeResponseText(content))
    return false;
  if (typeof content === 'string' && !(existing instanceof Y.XmlFragment) && !normalizeResponseText(content)) return false;
  const json = typeof content === 'string' ? textToDocJSON(content) : content;
  doc.transact(() => {
    let fragment = existing;
    if (!(fragment instanceof Y.XmlFragment)) {
      // Created on first write by an editor: a commenter's thread never carries it (it is editor-only).
      fragment = new Y.XmlFragment();
      t.set(ThreadKey.response, fragment);
    }
    replaceFragment(fragment as Y.XmlFragment, json);
  });
  return true;
}
