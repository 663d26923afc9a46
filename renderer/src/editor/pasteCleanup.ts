import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Fragment, Slice, type Node as PMNode } from '@tiptap/pm/model';
import { cleanPastedHtml } from './cleanPastedHtml';
import { cleanText } from '../schema/cleanText';

// Pasted HTML (Word, web pages) goes through cleanPastedHtml and then the schema's own parser, which keeps only
// our nodes and marks; links outside http/https/mailto are dropped by the Link extension's isAllowedUri. The
// parsed slice's text then goes through the schema's cleanText (the importer and the exporter use the same), so
// control characters, NUL and lone surrogates never enter the document, whether pasted as HTML or plain text.

/** The fragment with every text node cleaned (text nodes left empty are dropped). */
export function cleanFragment(fragment: Fragment): Fragment {
  const nodes: PMNode[] = [];
  let changed = false;
  fragment.forEach((node) => {
    if (node.isText) {
      const text = cleanText(node.text ?? '');
      if (text === node.text) nodes.push(node);
      else {
        changed = true;
        if (text) nodes.push(node.type.schema.text(text, node.marks));
      }
      return;
    }
    const content = cleanFragment(node.content);
    if (content === node.content) nodes.push(node);
    else {
      changed = true;
      nodes.push(node.copy(content));
    }
  });
  return changed ? Fragment.from(nodes) : fragment;
}

export const PasteCleanup = Extension.create({
  name: 'pasteCleanup',
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('pasteCleanup'),
        props: {
          transformPastedHTML: cleanPastedHtml,
          transformPasted: (slice) => {
            const content = cleanFragment(slice.content);
            return content === slice.content ? slice : new Slice(content, slice.openStart, slice.openEnd);
          },
        },
      }),
    ];
  },
});
