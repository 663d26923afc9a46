// Draft consolidated reply and Publish (issue 11). The reply is a draft of subtype consolidated-reply whose
// metadata points at the query (replyTo). Its template is applied once, by the creator, like every template
// (templates.ts): the original query's question copied in, the usual sections, and the generated Contributors
// list (a `contributorsList` block, filled in wherever it is shown or exported).
import type * as Y from 'yjs';
import { newId } from '../../../../common/ids';
import type { PMNode } from '../bodyJson';
import { docFields } from '../documentDoc';
import { createDocument } from '../templates';
import { updateDocumentMeta, type DocumentMeta } from '../workspaceDoc';
import { QUERY_FIELD } from './query';
import { setDoNotName } from './doNotName';

export const REPLY_SECTIONS = ['reply.originalQuery', 'reply.summary', 'reply.experiences', 'reply.resources', 'reply.mentioned', 'reply.contributors'] as const;

const heading = (text: string): PMNode => ({ type: 'heading', attrs: { level: 1, bid: newId() }, content: [{ type: 'text', text }] });
const paragraph = (): PMNode => ({ type: 'paragraph', attrs: { bid: newId() } });

/** A copy of blocks with fresh block ids (the reply's blocks are its own, not the query's). */
function freshIds(nodes: PMNode[]): PMNode[] {
  return nodes.map((n) => ({
    ...n,
    ...(n.attrs && 'bid' in n.attrs ? { attrs: { ...n.attrs, bid: newId() } } : {}),
    ...(n.content ? { content: freshIds(n.content) } : {}),
  }));
}

export function replyTemplateBody(query: PMNode, t: (id: string) => string): PMNode {
  const question = (query.content ?? []).filter((n) => n.type !== 'paragraph' || (n.content?.length ?? 0) > 0);
  const [original, ...rest] = REPLY_SECTIONS;
  const contributors = rest.pop()!;
  return {
    type: 'doc',
    content: [
      heading(t(original)),
      ...(question.length ? freshIds(question) : [paragraph()]),
      ...rest.flatMap((id) => [heading(t(id)), paragraph()]),
      heading(t(contributors)),
      { type: 'contributorsList' },
    ],
  };
}

/** Creates the reply draft for a query; moves an open query to "drafting the reply". Returns the reply's id. */
export function draftConsolidatedReply(
  ws: Y.Doc,
  makeDoc: (docId: string) => Y.Doc,
  query: { meta: DocumentMeta; doc: Y.Doc; body: PMNode },
  opts: { t: (id: string) => string; createdBy: string; date: string; now?: number; id?: string },
): string {
  const { id, doc } = createDocument(
    ws,
    makeDoc,
    { kind: 'draft', subtype: 'consolidated-reply', title: opts.t('reply.titlePrefix').replace('{title}', query.meta.title), date: opts.date, replyTo: query.meta.id },
    { t: opts.t, createdBy: opts.createdBy, now: opts.now, id: opts.id, body: replyTemplateBody(query.body, opts.t) },
  );
  // The empty do-not-name map is created with the reply, so two replicas toggling later write into one map.
  setDoNotName(doc, '', false);
  const fields = docFields(query.doc);
  if (fields.get(QUERY_FIELD.status) === 'open' || fields.get(QUERY_FIELD.status) === undefined) fields.set(QUERY_FIELD.status, 'drafting');
  return id;
}

/** Publishing a reply: the reply and its query get publishedAt, and the query's status becomes published. */
export function publishReply(ws: Y.Doc, replyId: string, query: { id: string; doc: Y.Doc }, today: string): void {
  updateDocumentMeta(ws, replyId, { publishedAt: today });
  updateDocumentMeta(ws, query.id, { publishedAt: today });
  docFields(query.doc).set(QUERY_FIELD.status, 'published');
}
