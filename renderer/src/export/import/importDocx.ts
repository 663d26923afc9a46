import mammoth from 'mammoth';
import type { PMNode } from '../../model/bodyJson';
import { newId as defaultNewId } from '../../../../common/ids';
import { rapporteurSchema } from '../../schema/schema';
import type { BlockPoint } from '../../model/comments/bodyIndex';
import { ImportError } from './importError';
import { DEFAULT_LIMITS, type UnzipLimits } from './safeUnzip';
import { vetPackage } from './vetPackage';
import { plainOf, walkDocument, type MDocument } from './fromMammoth';

// File > Import DOCX: a contribution or a draft from a Word file that came from outside. The bytes are vetted
// (size caps, bomb check while inflating, no entities, no external parts), read by mammoth's docx reader, and
// walked into our schema; comments come back anchored to their ranges in the new body. Nothing is created on
// failure: the caller gets an ImportError with a message for the user.

export interface ImportedComment {
  body: string;
  author: string;
  from: BlockPoint;
  to: BlockPoint;
  /** the commented text */
  quote: string;
}

export interface ImportResult {
  body: PMNode;
  comments: ImportedComment[];
  /** things the user should know (images dropped, ...) */
  notices: string[];
}

export interface ImportOptions {
  limits?: Partial<UnzipLimits>;
  /** block id factory (tests pass a deterministic one) */
  newId?: () => string;
}

/** Text between two block points, blocks separated by newlines (atoms count 1 and read as a space). */
function quoteBetween(body: PMNode, from: BlockPoint, to: BlockPoint): string {
  const parts: string[] = [];
  let inside = false;
  const walk = (n: PMNode): boolean => {
    if ((n.type === 'paragraph' || n.type === 'heading') && typeof n.attrs?.bid === 'string') {
      const isFrom = n.attrs.bid === from.bid;
      const isTo = n.attrs.bid === to.bid;
      if (!inside && !isFrom) return false;
      inside = true;
      let text = '';
      for (const c of n.content ?? []) text += c.type === 'text' ? (c.text ?? '') : ' ';
      parts.push(text.slice(isFrom ? from.offset : 0, isTo ? to.offset : undefined));
      return isTo;
    }
    for (const c of n.content ?? []) if (walk(c)) return true;
    return false;
  };
  walk(body);
  return parts.join('\n').trim();
}

function blockOrder(body: PMNode): Map<string, number> {
  const order = new Map<string, number>();
  const walk = (n: PMNode) => {
    if ((n.type === 'paragraph' || n.type === 'heading') && typeof n.attrs?.bid === 'string') order.set(n.attrs.bid, order.size);
    n.content?.forEach(walk);
  };
  walk(body);
  return order;
}

export async function importDocx(bytes: Uint8Array, options: ImportOptions = {}): Promise<ImportResult> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const vetted = vetPackage(bytes, limits);
  let captured: MDocument | null = null;
  try {
    const arrayBuffer = vetted.zip.buffer.slice(vetted.zip.byteOffset, vetted.zip.byteOffset + vetted.zip.byteLength) as ArrayBuffer;
    // mammoth's browser build reads `arrayBuffer`, its Node build `buffer` (any Uint8Array will do): give both.
    const input = { arrayBuffer, buffer: vetted.zip } as unknown as Parameters<typeof mammoth.convertToHtml>[0];
    await mammoth.convertToHtml(
      input,
      {
        // We only want the document model: keep it, and let mammoth convert an empty document to HTML.
        transformDocument: (doc: MDocument) => {
          captured = doc;
          return { ...doc, children: [] };
        },
      },
    );
  } catch (e) {
    if (e instanceof ImportError) throw e;
    throw new ImportError('not-docx', e instanceof Error ? `(${e.message.split('\n')[0]})` : undefined);
  }
  if (!captured) throw new ImportError('not-docx');
  const doc: MDocument = captured;
  const newId = options.newId ?? (() => defaultNewId());
  const { body, ranges, counts } = walkDocument(doc, newId);

  const notices = [...vetted.notices];
  if (counts.images) notices.push(counts.images === 1 ? '1 image was dropped: Rapporteur documents hold text only.' : `${counts.images} images were dropped: Rapporteur documents hold text only.`);
  if (counts.endnotes) notices.push(`${counts.endnotes} endnote${counts.endnotes === 1 ? ' was' : 's were'} converted to footnotes.`);
  if (counts.toc) notices.push('The table of contents was left out; the export creates a fresh one.');

  const order = blockOrder(body);
  const first = [...order.keys()][0];
  const comments: ImportedComment[] = [];
  let unplaced = 0;
  for (const c of doc.comments ?? []) {
    const r = ranges.get(String(c.commentId)) ?? {};
    let from = r.from ?? r.ref;
    let to = r.to ?? r.ref ?? from;
    if (!from || !to || !order.has(from.bid) || !order.has(to.bid)) {
      unplaced++;
      from = to = { bid: first, offset: 0 };
    }
    const a = order.get(from.bid)!;
    const b = order.get(to.bid)!;
    if (b < a || (a === b && to.offset < from.offset)) [from, to] = [to, from];
    comments.push({ body: plainOf(c.body), author: (c.authorName ?? '').trim(), from, to, quote: quoteBetween(body, from, to) });
  }
  if (unplaced) notices.push(`${unplaced} comment${unplaced === 1 ? '' : 's'} could not be placed on the text and ${unplaced === 1 ? 'was' : 'were'} attached to the start.`);

  try {
    rapporteurSchema().nodeFromJSON(body).check();
  } catch (e) {
    throw new ImportError('not-docx', `(${e instanceof Error ? e.message : String(e)})`);
  }
  return { body, comments, notices };
}
