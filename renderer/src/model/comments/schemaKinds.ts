// What the body walkers need to know about node types, read once from the one editor schema.
import { rapporteurSchema } from '../../schema/schema';

let leaves: Set<string> | null = null;
let textblocks: Set<string> | null = null;

function load(): void {
  const nodes = Object.values(rapporteurSchema().nodes);
  leaves = new Set(nodes.filter((n) => n.isLeaf && !n.isText).map((n) => n.name));
  textblocks = new Set(nodes.filter((n) => n.isTextblock).map((n) => n.name));
}

/** Inline atoms (footnote, hardBreak): size 1 in ProseMirror positions. */
export function isLeafNode(name: string): boolean {
  if (!leaves) load();
  return leaves!.has(name);
}

/** Nodes holding inline content directly (paragraph, heading). */
export function isTextblockNode(name: string): boolean {
  if (!textblocks) load();
  return textblocks!.has(name);
}

/** Stands for an inline atom in block text, so offsets stay aligned with ProseMirror's. */
export const ATOM_CHAR = '\uFFFC';

/** The text an inline atom contributes to block text: a hard break is a line break, others are ATOM_CHAR. */
export const atomText = (name: string): string => (name === 'hardBreak' ? '\n' : ATOM_CHAR);
