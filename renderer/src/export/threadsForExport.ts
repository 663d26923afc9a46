// Threads as the DOCX exporter takes them (export/exportInput.ts ExportThread): resolved against the body once,
// with block points, "para N" and "§ 3.2". A thread on deleted text (or whose text has not synced) has null
// points and keeps its quote; a comment on the whole document has null points and an empty quote.
// Dispositions are codes ("accepted-with-changes"), a duplicate reads "duplicate of #12"; the exporter labels them.
import type { ExportThread } from './exportInput';
import { anchorLocation, resolveAnchor } from '../model/comments/anchor';
import type { BodyIndex } from '../model/comments/bodyIndex';
import type { Thread } from '../model/comments/threadTypes';
import { threadNumbers } from '../model/comments/threadNumbers';

export function threadsForExport(threads: readonly Thread[], index: BodyIndex | null, opts: { annotations?: boolean; resolved?: boolean } = {}): ExportThread[] {
  const { numberOf } = threadNumbers(threads);
  return threads
    .filter((t) => (opts.annotations ?? true) || t.purpose !== 'annotation')
    .filter((t) => (opts.resolved ?? true) || !t.resolved)
    .map((t) => {
      const loc = t.anchor && index ? anchorLocation(index, resolveAnchor(index, t.anchor), { text: false }) : null;
      const d = t.disposition;
      const dup = d.value === 'duplicate' && d.duplicateOf ? numberOf(d.duplicateOf) : null;
      const out: ExportThread = {
        id: t.id,
        number: t.number,
        from: loc?.from ?? null,
        to: loc?.to ?? null,
        quote: t.anchor?.quote ?? '',
        author: t.attribution?.name || t.authorName,
        type: t.type,
        body: t.body,
        proposedWording: t.proposedWording,
        createdAt: t.createdAt,
        resolved: t.resolved,
        replies: t.replies.map((r) => ({ id: r.id, author: r.authorName, body: r.body, createdAt: r.createdAt })),
        disposition: d.value === 'duplicate' ? (dup ? `duplicate of #${dup}` : 'duplicate') : d.value,
        response: t.response,
        para: loc?.para ?? null,
        section: loc?.section ?? '',
      };
      if (t.attribution) {
        const { name, organisation, group, region, gender } = t.attribution;
        out.attribution = gender ? { name, organisation, group, region, gender } : { name, organisation, group, region };
      }
      return out;
    });
}
