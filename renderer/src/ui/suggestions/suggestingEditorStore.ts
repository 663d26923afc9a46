import { create } from 'zustand';
import type { Editor } from '@tiptap/core';

// The editor of the document on screen, for the parts of the UI outside it that act on its text (the suggestions
// list, "Apply" of a proposed wording in a comment card). Set by DocumentScreen.
export const useSuggestingEditor = create<{ editor: Editor | null }>(() => ({ editor: null }));
