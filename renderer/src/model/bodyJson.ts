import * as Y from 'yjs';
import { yXmlFragmentToProsemirrorJSON, prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import { rapporteurSchema } from '../schema/schema';
import { citationLabel } from '../schema/citation';

// Conversions between the Yjs body (Y.XmlFragment `body`) and ProseMirror JSON, plus plain-text views of it.

export interface PMNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: PMNode[];
  text?: string;
  marks?: Array<{ type: string; attrs?: Record<string, unknown> }>;
}

export const BODY = 'body';
export const docBody = (doc: Y.Doc) => doc.getXmlFragment(BODY);

export function bodyToJSON(doc: Y.Doc): PMNode {
  return yXmlFragmentToProsemirrorJSON(docBody(doc)) as PMNode;
}

/** Appends the content of `json` (a `doc` node) to the body. Validates it against the schema first. */
export function appendJSONToBody(doc: Y.Doc, json: PMNode): void {
  const schema = rapporteurSchema();
  schema.nodeFromJSON(json).check();
  const scratch = new Y.Doc();
  const fragment = prosemirrorJSONToYXmlFragment(schema, json, scratch.getXmlFragment(BODY));
  const target = docBody(doc);
  const clones = fragment.toArray().map((item) => (item as Y.XmlElement | Y.XmlText).clone());
  doc.transact(() => target.insert(target.length, clones));
}

const BLOCK_SEPARATED = new Set(['paragraph', 'heading', 'listItem', 'blockquote', 'tableRow', 'tableCell', 'tableHeader']);

/** Plain text of a ProseMirror JSON tree, blocks separated by newlines; footnote text included in brackets. */
export function plainText(node: PMNode): string {
  const parts: string[] = [];
  const walk = (n: PMNode) => {
    if (n.type === 'text') parts.push(n.text ?? '');
    else if (n.type === 'hardBreak') parts.push('\n');
    else if (n.type === 'footnote') parts.push(` [${String(n.attrs?.text ?? '')}]`);
    else if (n.type === 'citation') parts.push(citationLabel(String(n.attrs?.quote ?? '')));
    n.content?.forEach(walk);
    if (BLOCK_SEPARATED.has(n.type)) parts.push('\n');
  };
  walk(node);
  return parts.join('').replace(/\n{2,}/g, '\n').trim();
}

/** Word count as a word processor counts it: runs of letters/digits (with inner apostrophes and hyphens). */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}
