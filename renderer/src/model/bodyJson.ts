import * as Y from 'yjs';
import { citationLabel } from '../schema/citationLabel';

// Reading the Yjs body (Y.XmlFragment `body`) as ProseMirror JSON, and plain-text views of it. Pure and light: the
// document list, the catalog and the search index read bodies at startup without loading the editor. Writing JSON
// into a body validates it against the editor schema: that is model/bodyWrite.ts.

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
  return fragmentToJSON(docBody(doc));
}

// y-prosemirror stores a mark that may occur twice on one text (a suggestion) under `name--<8-char hash>`.
const HASHED_MARK = /(.*)(--[a-zA-Z0-9+/=]{8})$/;

/**
 * A Y.XmlFragment as a ProseMirror `doc` in JSON: the same result as y-tiptap's yXmlFragmentToProsemirrorJSON
 * (a test compares them on the bench report), without loading ProseMirror, which that module's bundle imports.
 */
export function fragmentToJSON(fragment: Y.XmlFragment): PMNode {
  const serialize = (item: unknown): PMNode | PMNode[] => {
    if (item instanceof Y.XmlText) {
      return (item.toDelta() as Array<{ insert: string; attributes?: Record<string, Record<string, unknown>> }>).map((d) => {
        const text: PMNode = { type: 'text', text: d.insert };
        const attributes = d.attributes;
        if (attributes)
          text.marks = Object.keys(attributes).map((name) => {
            const attrs = attributes[name]!;
            const mark: { type: string; attrs?: Record<string, unknown> } = { type: HASHED_MARK.exec(name)?.[1] ?? name };
            if (Object.keys(attrs).length) mark.attrs = attrs;
            return mark;
          });
        return text;
      });
    }
    if (item instanceof Y.XmlElement) {
      const node: PMNode = { type: item.nodeName };
      const attrs = item.getAttributes();
      if (Object.keys(attrs).length) node.attrs = attrs;
      const children = item.toArray();
      if (children.length) node.content = children.flatMap(serialize);
      return node;
    }
    throw new Error('unexpected Yjs type in a document body');
  };
  return { type: 'doc', content: fragment.toArray().map(serialize) as PMNode[] };
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
