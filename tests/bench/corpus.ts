// A deterministic generator of realistic Rapporteur documents (ProseMirror JSON in our schema), for the export
// calibration and benchmarks and for editor benchmarks. Same seed, same document, on every machine.
//
//   generateReport(words = 25000, seed = 1)  a draft output body: 50 sections (at 25k words), subsections, nested
//                                             lists, tables, quotes, footnotes, links
//   generateMeeting(seed)                     a meeting summary ExportDocument (fields + body)
//   generateCorpus()                          named ExportInputs covering short and long reports and meetings

import type { PMNode } from '../../renderer/src/model/bodyJson';
import type { ExportDocument, ExportInput, ExportThread } from '../../renderer/src/export/exportInput';
import type { Stakeholder } from '../../renderer/src/model/stakeholders';
import { DEFAULT_HOUSE_STYLE, type HouseStyle } from '../../renderer/src/model/houseStyle';
import { STAKEHOLDER_GROUPS, REGIONS } from '../../renderer/src/model/kinds';

/** mulberry32: small, fast, good enough for text. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NOUNS = (
  'governance access connectivity infrastructure capacity stakeholders framework policy regulation data privacy security resilience ' +
  'inclusion literacy skills community network standards interoperability innovation investment market competition platform content ' +
  'moderation accountability transparency cooperation dialogue consultation participation evidence research practice experience ' +
  'region country government sector society ecosystem spectrum broadband affordability gender youth education health environment ' +
  'sustainability energy cybersecurity trust identity rights freedom expression information misinformation algorithm intelligence ' +
  'automation labour economy development partnership initiative programme forum session workshop outcome recommendation'
).split(/\s+/);
const ADJECTIVES = (
  'digital global local regional national multistakeholder inclusive open secure meaningful sustainable affordable effective ' +
  'transparent accountable emerging critical responsible coordinated collaborative innovative resilient equitable significant ' +
  'practical comprehensive targeted shared public private technical legal social economic cross-border rural underserved'
).split(/\s+/);
const VERBS = (
  'strengthens supports requires enables improves addresses promotes reduces expands shapes informs guides underpins ensures ' +
  'complements reinforces highlights illustrates encourages facilitates'
).split(/\s+/);
const CONNECTORS = ['In particular,', 'However,', 'Moreover,', 'As a result,', 'At the same time,', 'Participants noted that', 'Several contributions stressed that', 'In many regions,', 'For example,', 'Consequently,'];
const FIRST = ['Amina', 'Carlos', 'Mei', 'Olusegun', 'Ingrid', 'Rahul', 'Sofia', 'Tomás', 'Leila', 'Kwame', 'Hana', 'Pedro', 'Yuki', 'Fatima', 'Lars', 'Nadia', 'Diego', 'Aisha', 'Jonas', 'Priya'];
const LAST = ['Okafor', 'Mendes', 'Chen', 'Adeyemi', 'Larsen', 'Sharma', 'García', 'Novák', 'Haddad', 'Mensah', 'Kim', 'Silva', 'Tanaka', 'Rahman', 'Berg', 'Petrova', 'Rojas', 'Diallo', 'Weber', 'Iyer'];
const ORGS = ['Ministry of ICT', 'Open Access Alliance', 'Global Telecom Ltd', 'Digital Rights Watch', 'Internet Society Chapter', 'University of the Coast', 'Regional Registry', 'Youth Coalition', 'Consumer Network', 'Standards Institute'];

class Gen {
  readonly r: () => number;
  private bid = 0;
  constructor(seed: number, private readonly prefix = 'b') {
    this.r = rng(seed);
  }
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.r() * list.length)];
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.r() * (hi - lo + 1));
  }
  id(): string {
    return `${this.prefix}${(++this.bid).toString(36).padStart(6, '0')}`;
  }
  words(n: number): string[] {
    const out: string[] = [];
    while (out.length < n) {
      const roll = this.r();
      out.push(roll < 0.45 ? this.pick(NOUNS) : roll < 0.7 ? this.pick(ADJECTIVES) : roll < 0.8 ? this.pick(VERBS) : this.pick(['the', 'of', 'and', 'in', 'for', 'to', 'with', 'on', 'a', 'by']));
    }
    return out;
  }
  sentence(): string {
    const lead = this.r() < 0.25 ? `${this.pick(CONNECTORS)} ` : '';
    const w = this.words(this.int(10, 24));
    const s = `${lead}the ${w.join(' ')}.`;
    return s[0].toUpperCase() + s.slice(1);
  }
  /** Inline content of about `n` words, with occasional marks, a link or a footnote. */
  inline(n: number, extras = true): PMNode[] {
    const out: PMNode[] = [];
    let count = 0;
    while (count < n) {
      const s = this.sentence();
      count += s.split(' ').length;
      const roll = this.r();
      if (extras && roll < 0.06) {
        const [a, ...rest] = s.split(' ');
        out.push({ type: 'text', text: `${a} ` }, { type: 'text', text: rest.slice(0, 3).join(' '), marks: [{ type: this.pick(['bold', 'italic', 'underline']) }] }, { type: 'text', text: ` ${rest.slice(3).join(' ')} ` });
      } else if (extras && roll < 0.09) {
        out.push({ type: 'text', text: `${s.slice(0, -1)} (see ` }, { type: 'text', text: 'the forum website', marks: [{ type: 'link', attrs: { href: `https://www.intgovforum.org/en/${this.pick(NOUNS)}` } }] }, { type: 'text', text: '). ' });
      } else if (extras && roll < 0.12) {
        out.push({ type: 'text', text: s }, { type: 'footnote', attrs: { text: this.sentence() } }, { type: 'text', text: ' ' });
      } else out.push({ type: 'text', text: `${s} ` });
    }
    // merge adjacent plain text nodes and trim the end, as an editor would store them
    const merged: PMNode[] = [];
    for (const node of out) {
      const last = merged[merged.length - 1];
      if (last && last.type === 'text' && node.type === 'text' && !last.marks && !node.marks) last.text += node.text ?? '';
      else merged.push({ ...node });
    }
    const tail = merged[merged.length - 1];
    if (tail?.type === 'text') tail.text = tail.text!.replace(/\s+$/, '');
    return merged.filter((n) => n.type !== 'text' || n.text);
  }
  paragraph(words: number): PMNode {
    return { type: 'paragraph', attrs: { bid: this.id() }, content: this.inline(words) };
  }
  heading(level: number, text: string): PMNode {
    return { type: 'heading', attrs: { level, bid: this.id() }, content: [{ type: 'text', text }] };
  }
  title(): string {
    const t = `${this.pick(ADJECTIVES)} ${this.pick(NOUNS)} and ${this.pick(NOUNS)}`;
    return t[0].toUpperCase() + t.slice(1);
  }
  list(depth: number, items: number): PMNode {
    const ordered = this.r() < 0.4;
    return {
      type: ordered ? 'orderedList' : 'bulletList',
      ...(ordered ? { attrs: { start: 1, type: null } } : {}),
      content: Array.from({ length: items }, () => {
        const content: PMNode[] = [this.paragraph(this.int(8, 30))];
        if (depth < 2 && this.r() < 0.3) content.push(this.list(depth + 1, this.int(2, 3)));
        return { type: 'listItem', content };
      }),
    };
  }
  table(rows: number, cols: number): PMNode {
    const cell = (type: string, words: number): PMNode => ({
      type,
      attrs: { colspan: 1, rowspan: 1, colwidth: null },
      content: [{ type: 'paragraph', attrs: { bid: this.id() }, content: [{ type: 'text', text: this.words(words).join(' ').replace(/^./, (c) => c.toUpperCase()) }] }],
    });
    return {
      type: 'table',
      content: [
        { type: 'tableRow', content: Array.from({ length: cols }, () => cell('tableHeader', this.int(1, 3))) },
        ...Array.from({ length: rows }, () => ({ type: 'tableRow', content: Array.from({ length: cols }, (_, c) => cell('tableCell', c === 0 ? this.int(1, 4) : this.int(3, 18))) })),
      ],
    };
  }
}

const countWords = (nodes: PMNode[]): number => {
  let n = 0;
  const walk = (x: PMNode) => {
    if (x.type === 'text') n += (x.text ?? '').split(/\s+/).filter(Boolean).length;
    x.content?.forEach(walk);
  };
  nodes.forEach(walk);
  return n;
};

export interface ReportShape {
  sections?: number;
  /** 0..1: how much of the text goes into lists and tables */
  structure?: number;
}

/** A draft output report body of about `words` words. 25,000 words gives 50 sections. */
export function generateReport(words = 25000, seed = 1, shape: ReportShape = {}): PMNode {
  const g = new Gen(seed);
  const sections = shape.sections ?? Math.max(2, Math.min(50, Math.round(words / 500)));
  const structure = shape.structure ?? 0.3;
  const perSection = words / sections;
  const content: PMNode[] = [];
  for (let s = 0; s < sections; s++) {
    content.push(g.heading(1, `${s + 1}. ${g.title()}`));
    const start = countWords(content);
    const target = perSection * (s + 1);
    let sub = 0;
    while (countWords(content) < target) {
      const roll = g.r();
      const written = countWords(content) - start;
      if (written > perSection * 0.3 && sub < 2 && roll < 0.12) content.push(g.heading(2, `${s + 1}.${++sub} ${g.title()}`));
      else if (roll < 0.12 * structure * 3) content.push(g.list(0, g.int(3, 6)));
      else if (roll < 0.16 * structure * 3 && s % 2 === 0) content.push(g.table(g.int(4, 10), g.int(3, 4)));
      else if (roll < 0.18) content.push({ type: 'blockquote', content: [g.paragraph(g.int(25, 50))] });
      else if (roll < 0.2 && sub > 0) content.push(g.heading(3, g.title()));
      else content.push(g.paragraph(g.int(40, 140)));
    }
  }
  return { type: 'doc', content };
}

export function generateStakeholders(n = 24, seed = 7): Stakeholder[] {
  const g = new Gen(seed, 's');
  return Array.from({ length: n }, (_, i) => ({
    id: `st${i + 1}`,
    name: `${FIRST[i % FIRST.length]} ${LAST[(i * 7 + 3) % LAST.length]}`,
    organisation: g.pick(ORGS),
    group: STAKEHOLDER_GROUPS[i % STAKEHOLDER_GROUPS.length],
    region: REGIONS[i % REGIONS.length],
    themes: [],
  }));
}

/** Comment threads anchored in `body` (and one on deleted text), attributed to `stakeholders`. */
export function generateThreads(body: PMNode, stakeholders: Stakeholder[], n: number, seed = 3): ExportThread[] {
  const g = new Gen(seed, 't');
  const paras: Array<{ bid: string; length: number }> = [];
  const walk = (x: PMNode) => {
    if (x.type === 'paragraph' && typeof x.attrs?.bid === 'string') {
      const length = (x.content ?? []).reduce((s, c) => s + (c.type === 'text' ? (c.text ?? '').length : 1), 0);
      if (length > 20) paras.push({ bid: x.attrs.bid as string, length });
    }
    x.content?.forEach(walk);
  };
  walk(body);
  return Array.from({ length: n }, (_, i) => {
    const s = stakeholders[i % stakeholders.length];
    const p = paras[Math.floor((i / Math.max(1, n)) * paras.length)];
    const deleted = i === n - 1 && n > 2;
    const from = deleted || !p ? null : { bid: p.bid, offset: g.int(0, 10) };
    return {
      id: `th${i + 1}`,
      number: i + 1,
      from,
      to: from && p ? { bid: p.bid, offset: Math.min(p.length, from.offset + g.int(5, 20)) } : null,
      quote: g.words(4).join(' '),
      author: s.name,
      attribution: { name: s.name, organisation: s.organisation, group: s.group, region: s.region },
      type: g.pick(['general', 'substantive', 'editorial'] as const),
      body: `${g.sentence()} ${g.sentence()}`,
      proposedWording: g.r() < 0.5 ? g.sentence() : '',
      createdAt: Date.UTC(2025, 4, 1 + (i % 28), 9, 30),
      resolved: i % 4 === 0,
      replies: i % 3 === 0 ? [{ id: `r${i}`, author: 'Rapporteur Team', body: g.sentence(), createdAt: Date.UTC(2025, 5, 1 + (i % 28)) }] : [],
      disposition: g.pick(['accepted', 'partially-accepted', 'noted', '']),
      response: g.r() < 0.5 ? g.sentence() : '',
      para: null,
      section: '',
    };
  });
}

export function meta(id: string, kind: 'meeting' | 'draft' | 'contribution', title: string, date = '2025-06-12'): ExportDocument['meta'] {
  return { id, kind, title, themes: [], date, createdAt: Date.UTC(2025, 5, 1), createdBy: 'bench', ...(kind === 'draft' ? { subtype: 'output-report' as const } : {}) };
}

/** A meeting summary with registered and free-text participants, agenda, discussion, key messages, actions. */
export function generateMeeting(seed = 11, stakeholders = generateStakeholders(), words = 1500): ExportDocument {
  const g = new Gen(seed, 'm');
  const body = generateReport(words, seed + 100, { sections: Math.max(2, Math.round(words / 600)), structure: 0.15 });
  // Speakers are named in the discussion, as rapporteurs write it.
  const speakers = stakeholders.slice(0, 4);
  body.content!.splice(1, 0, { type: 'paragraph', attrs: { bid: g.id() }, content: [{ type: 'text', text: `${speakers[0].name} opened the session and invited ${speakers[1].name} to present the findings. ` }, { type: 'text', text: speakers[2].name, marks: [{ type: 'bold' }] }, { type: 'text', text: ` and ${speakers[3].name} responded.` }] });
  return {
    meta: meta(`meeting${seed}`, 'meeting', `${g.title()}: session ${seed}`),
    body,
    fields: {
      kind: 'meeting',
      date: '2025-06-12',
      format: 'hybrid',
      location: 'Riyadh and online',
      participants: [...stakeholders.slice(0, 8).map((s, i) => ({ id: `p${i}`, stakeholderId: s.id })), { id: 'px', name: 'Walk-in Guest', organisation: 'Independent' }],
      agenda: '1. Opening remarks\n2. Presentation of findings\n3. Open discussion\n4. Next steps',
      keyMessages: `- ${g.sentence()}\n- ${g.sentence()}\n- ${speakers[0].name} called for ${g.words(6).join(' ')}.`,
      actionPoints: [
        { id: 'a1', owner: speakers[1].name, task: g.sentence(), due: '2025-07-01', status: 'open' },
        { id: 'a2', owner: 'Secretariat', task: g.sentence(), due: '2025-07-15', status: 'done' },
      ],
    },
    threads: [],
  };
}

export function draftDocument(id: string, title: string, body: PMNode, threads: ExportThread[] = []): ExportDocument {
  return { meta: meta(id, 'draft', title), body, fields: { kind: 'draft', subtype: 'output-report', status: 'in-progress', phase: 'consultation' }, threads };
}

export function input(documents: ExportDocument[], style: Partial<HouseStyle> = {}, stakeholders = generateStakeholders()): ExportInput {
  return { workspace: { name: 'Best Practice Forum on Cybersecurity', houseStyle: { ...DEFAULT_HOUSE_STYLE, ...style } }, stakeholders, documents };
}

/** The calibration and smoke-test corpus: varied lengths, structures, paper sizes. */
export function generateCorpus(): Array<{ name: string; input: ExportInput }> {
  const st = generateStakeholders();
  return [
    { name: 'report-25k', input: input([draftDocument('r25', 'Output report', generateReport(25000, 1))]) },
    { name: 'report-10k', input: input([draftDocument('r10', 'Output report (short)', generateReport(10000, 2))]) },
    { name: 'report-6k-lists', input: input([draftDocument('r6', 'Policy options', generateReport(6000, 3, { structure: 0.9 }))]) },
    { name: 'report-5k-letter', input: input([draftDocument('r5', 'Executive summary', generateReport(5000, 4))], { paper: 'Letter' }) },
    { name: 'report-15k-prose', input: input([draftDocument('r15', 'Background paper', generateReport(15000, 5, { structure: 0 }))]) },
    { name: 'report-3k', input: input([draftDocument('r3', 'Messages', generateReport(3000, 6))]) },
    { name: 'meeting-1500', input: input([generateMeeting(11, st, 1500)], {}, st) },
    { name: 'meeting-4000', input: input([generateMeeting(12, st, 4000)], {}, st) },
  ];
}
