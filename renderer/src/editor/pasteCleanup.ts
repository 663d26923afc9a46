import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { cleanPastedHtml } from './cleanPastedHtml';

// Pasted HTML (Word, web pages) goes through cleanPastedHtml and then the schema's own parser, which keeps only
// our nodes and marks; links outside http/https/mailto are dropped by the Link extension's isAllowedUri.
export const PasteCleanup = Extension.create({
  name: 'pasteCleanup',
  addProseMirrorPlugins() {
    return [new Plugin({ key: new PluginKey('pasteCleanup'), props: { transformPastedHTML: cleanPastedHtml } })];
  },
});
