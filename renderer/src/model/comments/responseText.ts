// The rapporteur's response is rich text (ThreadKey.response, a Y.XmlFragment in the editor schema). These read it
// as plain text (writing it is model/bodyWrite.ts replaceFragment).
import * as Y from 'yjs';
import type { PMNode } from '../bodyJson';
import { ATOM_CHAR, atomText, isTextblockNode } from './schemaKinds';

/** Text of the inline content of one element (a paragraph or heading); atoms as in schemaKinds.atomText. */
export function inlineText(el: Y.XmlElement | Y.XmlFragment): string {
  let s = '';
  for (const child of el.toArray()) {
    if (child instanceof Y.XmlText) {
      for (const op of child.toDelta() as Array<{ insert: unknown }>) s += typeof op.insert === 'string' ? op.insert : ATOM_CHAR;
    } else if (child instanceof Y.XmlElement) s += atomText(child.nodeName);
  }
  return s;
}

/** One line per text block, in reading order; footnote markers dropped. */
export function fragmentPlainText(fragment: Y.XmlFragment): string {
  const lines: string[] = [];
  const walk = (type: Y.XmlFragment | Y.XmlElement) => {
    for (const child of type.toArray()) {
      if (child instanceof Y.XmlText) lines.push(String(child.toJSON()));
      else if (child instanceof Y.XmlElement) {
        if (isTextblockNode(child.nodeName)) lines.push(inlineText(child).split(ATOM_CHAR).join(''));
        else walk(child);
      }
    }
  };
  walk(fragment);
  return lines.join('\n');
}

/** Line endings unified, trailing whitespace and outer blank lines dropped: how responses are compared. */
export function normalizeResponseText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/\s+$/u, ''))
    .join('\n')
    .replace(/^\n+|\n+$/g, '');
}

/** A `doc` with one paragraph per line. */
export function textToDocJSON(text: string): PMNode {
  const lines = normalizeResponseText(text).split('\n');
  return {
    type: 'doc',
    content: lines.map((line) => (line ? { type: 'paragraph', content: [{ type: 'text', text: line }] } : { type: 'paragraph' })),
  };
}
