// The digest draft of a month: its body, built from a DigestSelection by extraction only, and its creation.
//
// Idempotent and safe offline. A month's digest is created at most once per workspace view: if the workspace
// already lists a digest for the month, it is opened, never regenerated. Two replicas that generate the same
// month while offline cannot see each other's digest, so creation is made deterministic instead:
//   - the document id is derived from the workspace, the month and the generated content;
//   - the seed (fields, `seeded` flag and body, in ONE transaction) is written by a Yjs client id derived from
//     the same hash, with block ids derived from it too, so identical material yields byte-identical Yjs updates.
// When the replicas later sync, identical seeds are the same Yjs items (Yjs keeps one copy of each
// (client, clock)): one digest. Different material yields a different id: two separate digests, each intact,
// never one interleaved text. Pure: Y.Docs in and out, labels through the caller's translate function.
import * as Y from 'yjs';
import type { PMNode } from '../bodyJson';
import { appendJSONToBody } from '../bodyWrite';
import { docFields } from '../documentDoc';
import { fill, type Translate } from '../translate';
import { wsDocuments } from '../workspaceDoc';
import type { DigestSelection, FigureRow, Attribution } from './digestSelection';
import type { MonthKey } from './month';

/** 32-bit FNV-1a of a string. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

const BAR_WIDTH = 10;

/** A text bar for the figures table (the chart's fallback travels with the text into DOCX). */
export function textBar(value: number, max: number): string {
  if (value <= 0 || max <= 0) return '';
  return '█'.repeat(Math.max(1, Math.round((value / max) * BAR_WIDTH)));
}

type Block = PMNode;
const text = (s: string, marks?: PMNode['marks']): PMNode => ({ type: 'text', text: s, ...(marks ? { marks } : {}) });

/** Builds the body; block ids are filled in afterwards (see `withBlockIds`). */
export function digestBody(
  sel: DigestSelection,
  t: Translate,
  label: { group: (code: string) => string; region: (code: string) => string; /** an ISO date as the reader writes it */ date?: (iso: string) => string },
): PMNode {
  const blocks: Block[] = [];
  const day = label.date ?? ((iso: string) => iso);
  const h = (level: number, s: string) => blocks.push({ type: 'heading', attrs: { level }, content: s ? [text(s)] : [] });
  const p = (content: PMNode[]) => blocks.push({ type: 'paragraph', content: content.filter((c) => c.text !== '') });
  const list = (items: PMNode[][]) =>
    blocks.push({ type: 'bulletList', content: items.map((c) => ({ type: 'listItem', content: [{ type: 'paragraph', content: c.filter((x) => x.text !== '') }] })) });
  const section = <T,>(titleId: string, items: T[], render: (items: T[]) => void) => {
    h(1, t(titleId));
    if (items.length === 0) p([text(t('digest.none'))]);
    else render(items);
  };
  const attribution = (by: Attribution | null) =>
    by ? [by.name, by.organisation, [label.group(by.group), label.region(by.region)].filter(Boolean).join(', ')].filter(Boolean).join(' · ') : t('digest.unattributed');

  h(1, t('digest.themeOfMonth'));
  p([text(sel.themeOfMonth || t('digest.themeToChoose'))]);

  const contributionCount = sel.contributionsByTheme.reduce((n, g) => n + g.items.length, 0);
  section('digest.contributions', sel.contributionsByTheme, (groups) => {
    for (const g of groups) {
      h(2, g.theme || t('digest.otherTopics'));
      list(g.items.map((c) => [text(c.title, [{ type: 'bold' }]), text(c.extract ? ` — “${c.extract}”` : ''), text(` (${attribution(c.by)}, ${day(c.receivedOn)})`)]));
    }
  });
  section('digest.replies', sel.repliesPublished, (items) => list(items.map((r) => [text(r.title, [{ type: 'bold' }]), text(` — ${fill(t, 'digest.publishedOn', { date: day(r.publishedAt) })}`)])));
  section('digest.meetings', sel.meetings, (items) => {
    for (const m of items) {
      h(2, `${m.title} (${day(m.date)})`);
      if (m.keyMessages.length) list(m.keyMessages.map((k) => [text(k)]));
      else p([text(t('digest.noKeyMessages'))]);
    }
  });
  section('digest.actionPoints', sel.actionPoints, (items) =>
    list(items.map((a) => [text(a.task, [{ type: 'bold' }]), text(` — ${fill(t, 'digest.actionLine', { owner: a.owner || t('digest.noOwner'), due: day(a.due), status: t(`action.${a.status}`), meeting: a.meetingTitle })}`)])),
  );
  section('digest.consultations', sel.consultations, (items) =>
    list(
      items.map((c) => [
        text(c.title, [{ type: 'bold' }]),
        text(` — ${[c.opened ? fill(t, 'digest.opened', { date: day(c.opensOn) }) : '', c.closed ? fill(t, 'digest.closed', { date: day(c.closesOn) }) : ''].filter(Boolean).join('; ')}; ${t('digest.commentCount', { count: c.comments })}`),
      ]),
    ),
  );
  section('digest.joined', sel.joined, (items) => list(items.map((s) => [text(s.name, [{ type: 'bold' }]), text(` (${[s.organisation, label.group(s.group), label.region(s.region)].filter(Boolean).join(', ')})`)])));

  h(1, t('digest.figures'));
  p([text(fill(t, 'digest.figuresIntro', { contributions: contributionCount, comments: sel.byGroup.reduce((n, r) => n + r.comments, 0) }))]);
  const table = (head: string, rows: FigureRow[], name: (code: string) => string) => {
    const max = Math.max(0, ...rows.map((r) => r.contributions + r.comments));
    const cell = (type: 'tableHeader' | 'tableCell', s: string) => ({ type, content: [{ type: 'paragraph', content: s ? [text(s)] : [] }] });
    blocks.push({
      type: 'table',
      content: [
        { type: 'tableRow', content: [head, t('digest.colContributions'), t('digest.colComments'), t('digest.colChart')].map((s) => cell('tableHeader', s)) },
        ...rows.map((r) => ({
          type: 'tableRow',
          content: [cell('tableCell', name(r.key) || t('digest.unknown')), cell('tableCell', String(r.contributions)), cell('tableCell', String(r.comments)), cell('tableCell', textBar(r.contributions + r.comments, max))],
        })),
      ],
    });
  };
  if (sel.byGroup.length === 0) p([text(t('digest.none'))]);
  else {
    table(t('digest.colGroup'), sel.byGroup, label.group);
    table(t('digest.colRegion'), sel.byRegion, label.region);
  }
  return withBlockIds({ type: 'doc', content: blocks }, 0);
}

/** Deterministic block ids: same body, same ids (so two replicas' seeds are identical). */
export function withBlockIds(doc: PMNode, seed: number): PMNode {
  let n = 0;
  const base = fnv1a(JSON.stringify(doc) + seed).toString(36);
  const walk = (node: PMNode): PMNode => {
    const next: PMNode = { ...node, ...(node.content ? { content: node.content.map(walk) } : {}) };
    if (node.type === 'paragraph' || node.type === 'heading') next.attrs = { ...node.attrs, bid: `d${base}${(n++).toString(36)}` };
    return next;
  };
  return walk(doc);
}

/** The fields of a digest draft, as written by the seed. */
function seedDigestFields(fields: Y.Map<unknown>, month: MonthKey): void {
  fields.set('kind', 'draft');
  fields.set('subtype', 'digest');
  fields.set('status', 'outline');
  fields.set('targetMin', null);
  fields.set('targetMax', null);
  fields.set('phase', 'drafting');
  fields.set('digestMonth', month);
  fields.set('seeded', true);
}

/** The Yjs update that seeds a digest: fields, `seeded` and body in one transaction, by a content-derived client. */
export function digestSeedUpdate(month: MonthKey, body: PMNode): { hash: number; update: Uint8Array } {
  const hash = fnv1a(JSON.stringify({ month, body })) || 1;
  const scratch = new Y.Doc({ gc: false });
  scratch.clientID = hash;
  scratch.transact(() => {
    seedDigestFields(docFields(scratch), month);
    appendJSONToBody(scratch, body);
  });
  return { hash, update: Y.encodeStateAsUpdate(scratch) };
}

export const digestDocId = (month: MonthKey, hash: number): string => `digest-${month}-${hash.toString(36)}`;

/** The live digest the workspace lists for `month` (the earliest created, if replicas made several). */
export function findDigestForMonth(ws: Y.Doc, month: MonthKey): string | null {
  let found: { id: string; createdAt: number } | null = null;
  wsDocuments(ws).forEach((entry, id) => {
    if (entry.get('digestMonth') !== month || entry.get('deleted') === true) return;
    const createdAt = Number(entry.get('createdAt') ?? 0);
    if (!found || createdAt < found.createdAt || (createdAt === found.createdAt && id < found.id)) found = { id, createdAt };
  });
  return (found as { id: string } | null)?.id ?? null;
}

export interface DraftDigestOptions {
  month: MonthKey;
  title: string;
  body: PMNode;
  createdBy: string;
  /** yyyy-mm-dd the digest is dated (the month's last day, usually) */
  date: string;
  now?: number;
}

/**
 * Create-or-open: returns the month's existing digest, or creates it from `body` (see the file header).
 * `makeDoc` opens the document's Y.Doc by id (its persisted state loaded).
 */
export function draftDigest(ws: Y.Doc, makeDoc: (docId: string) => Y.Doc, opts: DraftDigestOptions): { id: string; created: boolean } {
  const existing = findDigestForMonth(ws, opts.month);
  if (existing) return { id: existing, created: false };
  const { hash, update } = digestSeedUpdate(opts.month, opts.body);
  const id = digestDocId(opts.month, hash);
  const doc = makeDoc(id);
  // Already seeded (the same material, seeded earlier here or by another replica): applying it again is a no-op
  // for Yjs anyway, but there is nothing to write.
  if (docFields(doc).get('seeded') !== true) Y.applyUpdate(doc, update);
  ws.transact(() => {
    const entry = new Y.Map<unknown>();
    wsDocuments(ws).set(id, entry);
    entry.set('id', id);
    entry.set('kind', 'draft');
    entry.set('subtype', 'digest');
    entry.set('title', opts.title.trim());
    entry.set('themes', []);
    entry.set('date', opts.date);
    entry.set('createdAt', opts.now ?? Date.now());
    entry.set('createdBy', opts.createdBy);
    entry.set('digestMonth', opts.month);
  });
  return { id, created: true };
}
