// Deterministic fixtures for tests and `npm run bench`: a draft body of N paragraphs under numbered headings, a
// registry spread over stakeholder groups, regions and genders, and N comment threads anchored over the body
// (with replies, dispositions, duplicates and responses). Same seed, same content.
import * as Y from 'yjs';
import { appendJSONToBody, docBody, type PMNode } from '../bodyJson';
import { GENDERS, REGIONS, STAKEHOLDER_GROUPS, type StakeholderGroup } from '../kinds';
import { addStakeholder, type Stakeholder } from '../registry';
import { createAnchor } from './anchor';
import { buildBodyIndex } from './bodyIndex';
import { addReply, addThread, setDispositions, setResponse, type DispositionChange } from './commentsDoc';
import type { DispositionValue } from './dispositions';
import { seededRng, type Rng } from './prng';
import { COMMENT_TYPES, type Actor } from './threadTypes';

const WORDS = (
  'internet governance access inclusion policy data protection multistakeholder cooperation digital rights ' +
  'infrastructure capacity development security trust connectivity community network regional local open ' +
  'standards interoperability gender youth participation consultation forum framework sustainable'
).split(' ');

const sentence = (rng: Rng, min: number, max: number) => {
  const words = Array.from({ length: rng.int(min, max) }, () => rng.pick(WORDS));
  words[0] = words[0][0].toUpperCase() + words[0].slice(1);
  return words.join(' ') + '.';
};

export const FIXTURE_EDITOR: Actor = { id: 'rapporteur', name: 'Rapporteur', role: 'editor' };

/** Appends `paragraphs` paragraphs to the body, with an H1 every 12 and an H2 every 4 paragraphs. */
export function generateDraftBody(doc: Y.Doc, opts: { paragraphs: number; seed?: number }): void {
  const rng = seededRng(opts.seed ?? 1);
  const content: PMNode[] = [];
  for (let i = 0; i < opts.paragraphs; i++) {
    if (i % 12 === 0) content.push({ type: 'heading', attrs: { level: 1, bid: `h${i}` }, content: [{ type: 'text', text: sentence(rng, 2, 4) }] });
    else if (i % 4 === 0) content.push({ type: 'heading', attrs: { level: 2, bid: `s${i}` }, content: [{ type: 'text', text: sentence(rng, 2, 5) }] });
    const text = Array.from({ length: rng.int(2, 4) }, () => sentence(rng, 6, 16)).join(' ');
    content.push({ type: 'paragraph', attrs: { bid: `p${i}` }, content: [{ type: 'text', text }] });
  }
  appendJSONToBody(doc, { type: 'doc', content });
}

/** `count` stakeholders, round-robin over `groups` (default: all) and over regions and genders. */
export function generateStakeholders(ws: Y.Doc, opts: { count: number; seed?: number; groups?: readonly StakeholderGroup[] }): Stakeholder[] {
  const rng = seededRng(opts.seed ?? 2);
  const groups = opts.groups ?? STAKEHOLDER_GROUPS;
  const out: Stakeholder[] = [];
  ws.transact(() => {
    for (let i = 0; i < opts.count; i++) {
      const input = {
        name: `Person ${i + 1}`,
        organisation: `${rng.pick(WORDS)} ${rng.pick(['Institute', 'Network', 'Ministry', 'Foundation', 'University'])}`,
        group: groups[i % groups.length],
        region: REGIONS[(i * 5 + 1) % REGIONS.length],
        gender: i % 7 === 6 ? undefined : GENDERS[i % GENDERS.length],
        themes: [],
      };
      out.push(addStakeholder(ws, input, `sh${i + 1}`));
    }
  });
  return out;
}

const DECISIONS: DispositionValue[] = ['accepted', 'accepted-with-changes', 'not-accepted', 'noted', 'withdrawn'];

/**
 * Adds `count` threads to `comments`, anchored on words of `doc`'s body: 90% stakeholder comments entered on
 * behalf of `stakeholders`, 10% editors' annotations, 5% on the whole document; about half decided, some
 * duplicates of earlier threads, responses on decided ones, 0-2 replies. Returns the thread ids.
 */
export function generateComments(
  comments: Y.Doc,
  doc: Y.Doc,
  stakeholders: readonly Stakeholder[],
  opts: { count: number; seed?: number; now?: number; editor?: Actor },
): string[] {
  const rng = seededRng(opts.seed ?? 3);
  const editor = opts.editor ?? FIXTURE_EDITOR;
  const start = opts.now ?? Date.UTC(2025, 4, 1);
  const index = buildBodyIndex(docBody(doc));
  const blocks = index.blocks.filter((b) => b.type === 'paragraph' && b.text.length > 10);
  const ids: string[] = [];
  const decisions: DispositionChange[] = [];
  const responses: Array<[string, string]> = [];
  comments.transact(() => {
    for (let i = 0; i < opts.count; i++) {
      const annotation = rng.chance(0.1) || !stakeholders.length;
      let anchor = null;
      if (blocks.length && !rng.chance(0.05)) {
        const b = rng.pick(blocks);
        const from = rng.int(0, b.text.length - 6);
        anchor = createAnchor(index, b.contentStart + from, b.contentStart + Math.min(b.text.length, from + rng.int(5, 40)));
      }
      const stakeholder = annotation ? undefined : rng.pick(stakeholders);
      const id = addThread(
        comments,
        {
          anchor,
          type: rng.pick(COMMENT_TYPES),
          body: sentence(rng, 8, 30),
          proposedWording: rng.chance(0.3) ? sentence(rng, 5, 15) : '',
          purpose: annotation ? 'annotation' : 'stakeholder',
          stakeholder,
        },
        editor,
        { now: start + i * 60_000, id: `c${String(i + 1).padStart(5, '0')}` },
      );
      ids.push(id);
      for (let r = rng.int(0, 2); r > 0; r--) addReply(comments, id, sentence(rng, 4, 12), editor, { now: start + i * 60_000 + r * 1000 });
      const roll = rng.next();
      if (roll < 0.08 && i > 0) decisions.push({ threadId: id, choice: { value: 'duplicate', duplicateOf: ids[rng.int(0, i - 1)] } });
      else if (roll < 0.55) {
        let value = rng.pick(DECISIONS);
        if (value === 'withdrawn' && annotation) value = 'noted';
        decisions.push({ threadId: id, choice: { value } });
        if (value !== 'withdrawn') responses.push([id, sentence(rng, 6, 20)]);
      }
    }
    // Duplicates only ever point backwards, so no cycles; one batch validates them all in one pass.
    setDispositions(comments, decisions, editor, start + opts.count * 60_000);
    for (const [id, text] of responses) setResponse(comments, id, text, editor);
  });
  return ids;
}

export interface CommentsFixture {
  ws: Y.Doc;
  doc: Y.Doc;
  comments: Y.Doc;
  stakeholders: Stakeholder[];
  threadIds: string[];
}

export function generateCommentsFixture(opts: { threads: number; paragraphs?: number; stakeholders?: number; seed?: number }): CommentsFixture {
  const seed = opts.seed ?? 1;
  const ws = new Y.Doc();
  const doc = new Y.Doc({ gc: false });
  const comments = new Y.Doc();
  generateDraftBody(doc, { paragraphs: opts.paragraphs ?? Math.max(20, Math.ceil(opts.threads / 5)), seed });
  const stakeholders = generateStakeholders(ws, { count: opts.stakeholders ?? 60, seed: seed + 1 });
  const threadIds = generateComments(comments, doc, stakeholders, { count: opts.threads, seed: seed + 2 });
  return { ws, doc, comments, stakeholders, threadIds };
}
