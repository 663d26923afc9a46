import type { Extensions } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { TableKit } from '@tiptap/extension-table';
import { Footnote } from './footnote';
import { BlockId } from './blockId';
import { NestingLimits } from './nestingLimits';
import { Citation } from './citation';
import { ContributorsList } from './contributorsList';
import { isAllowedLink } from './safeUrl';
import { Deletion, Insertion, Modification } from './suggestion';
import { BlockTypeSuggestionAttr } from './blockTypeSuggestion';

// The one schema of Rapporteur's rich text. The editor, the DOCX exporter and importer, the sync fuzz test and
// the server all build on this list. Collaboration is added by the editor only (editorExtensions.ts); with it
// on, StarterKit's own undo/redo is off and Yjs' UndoManager (per user) takes over.

export function schemaExtensions(): Extensions {
  return [
    StarterKit.configure({
      undoRedo: false,
      codeBlock: false,
      code: false,
      horizontalRule: false,
      // Opening a document must write nothing: the trailing-node plugin would append a paragraph to a body that
      // ends with a table or list on every replica that opens it.
      trailingNode: false,
      heading: { levels: [1, 2, 3] },
      link: {
        openOnClick: false,
        autolink: true,
        linkOnPaste: true,
        defaultProtocol: 'https',
        protocols: ['http', 'https', 'mailto'],
        isAllowedUri: (url) => isAllowedLink(url),
        HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: null },
      },
    }),
    // No table node view: the plain schema rendering avoids drawing a large document twice when the editor mounts.
    TableKit.configure({ table: { resizable: false, View: null } }),
    Footnote,
    BlockId,
    NestingLimits,
    Citation,
    ContributorsList,
    Insertion,
    Deletion,
    Modification,
    BlockTypeSuggestionAttr,
  ];
}
