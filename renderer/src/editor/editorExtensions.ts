import type { Extensions } from '@tiptap/core';
import type * as Y from 'yjs';
import { schemaExtensions } from '../schema/extensions';
import { PasteCleanup } from './pasteCleanup';
import { collaboration } from './collaboration';
import { FootnoteNumbers } from './footnoteNumbers';

/** The editor's extensions: the shared schema plus the Yjs binding of the body (with a per-user UndoManager). */
export function editorExtensions(opts: { fragment: Y.XmlFragment; extra?: Extensions }): Extensions {
  return [...schemaExtensions(), ...collaboration(opts.fragment), PasteCleanup, FootnoteNumbers, ...(opts.extra ?? [])];
}
