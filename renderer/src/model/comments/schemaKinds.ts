// What the body walkers need to know about node types. A mirror of the one editor schema (schema/schema.ts), kept
// here so that reading a body needs no editor at startup; schemaKinds.test.ts fails when the schema and it differ.

/** Inline atoms: size 1 in ProseMirror positions. */
export const LEAF_NODES: ReadonlySet<string> = new Set(['citation', 'contributorsList', 'footnote', 'hardBreak']);

/** Nodes holding inline content directly. */
export const TEXTBLOCK_NODES: ReadonlySet<string> = new Set(['heading', 'paragraph']);

/** Inline atoms (footnote, hardBreak): size 1 in ProseMirror positions. */
export const isLeafNode = (name: string): boolean => LEAF_NODES.has(name);

/** Nodes holding inline content directly (paragraph, heading). */
export const isTextblockNode = (name: string): boolean => TEXTBLOCK_NODES.has(name);

/** Stands for an inline atom in block text, so offsets stay aligned with ProseMirror's. */
export const ATOM_CHAR = '\uFFFC';

/** The text an inline atom contributes to block text: a hard break is a line break, others are ATOM_CHAR. */
export const atomText = (name: string): string => (name === 'hardBreak' ? '\n' : ATOM_CHAR);
