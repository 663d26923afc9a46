// Shared by the export tests: read a DOCX back with python-docx (an independent reader), unzip every part, and
// the hand-built inputs that exercise every feature of the exporter.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync, strFromU8 } from 'fflate';
import type { PMNode } from '../../renderer/src/model/bodyJson';
import type { ExportDocument, ExportInput, ExportThread } from '../../renderer/src/export/exportInput';
import type { Stakeholder } from '../../renderer/src/model/stakeholders';
import { DEFAULT_HOUSE_STYLE } from '../../renderer/src/model/houseStyle';

export const PYTHON = '/usr/bin/python3';
const READER = fileURLToPath(new URL('./read_docx.py', import.meta.url));

export interface DocxReadback {
  xmlOk: boolean;
  badParts: string[];
  parts: string[];
  styles: {
    normal: { font: string | null; size: number | null };
    headings: Array<{ id: string; name: string; font: string | null; size: number | null }>;
    defaults: { font: string | null; halfPoints: number | null };
  };
  paragraphs: Array<{ style: string | null; text: string; numId?: string; ilvl?: number }>;
  tables: Array<{ rows: string[][]; headerRows: number; gridWidths: number[] }>;
  hyperlinks: Array<{ text: string; target: string; external: boolean }>;
  internalLinks: Array<{ text: string; anchor: string }>;
  bookmarks: string[];
  footnotes: Array<{ id: number; text: string }>;
  footnoteRefs: number[];
  comments: Array<{ id: number; author: string; initials: string; text: string; lastParaId: string | null }>;
  commentsExtended: Array<{ paraId: string; parent: string | null; done: string }>;
  commentRanges: { start: number[]; end: number[]; ref: number[] };
  sections: Array<{ orientation: string; width: number; height: number; header: string; footerFields: string[]; titlePg: boolean }>;
  numbering: { nums: Array<{ id: string; start: number | null }>; abstracts: number };
  updateFields: boolean;
}

export function tempDir(): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), 'rapporteur-export-'));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

export function readDocx(bytes: Uint8Array): DocxReadback {
  const dir = tempDir();
  try {
    const file = join(dir.path, 'file.docx');
    writeFileSync(file, bytes);
    return JSON.parse(execFileSync(PYTHON, [READER, file], { encoding: 'utf8', maxBuffer: 256 << 20 })) as DocxReadback;
  } finally {
    dir.remove();
  }
}

/** Every part of the package as text. */
export function unzipAll(bytes: Uint8Array): Record<string, string> {
  const files = unzipSync(bytes);
  return Object.fromEntries(Object.entries(files).map(([name, data]) => [name, strFromU8(data)]));
}

/** The visible text of a WordprocessingML part, one line per paragraph (runs joined, so split names show up whole). */
export function partText(xml: string): string {
  return xml
    .split(/<\/w:p>/)
    .map((p) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .join('\n');
}

const t = (text: string, marks?: PMNode['marks']): PMNode => (marks ? { type: 'text', text, marks } : { type: 'text', text });
const p = (bid: string, ...content: PMNode[]): PMNode => ({ type: 'paragraph', attrs: { bid }, content });
const h = (level: number, bid: string, text: string): PMNode => ({ type: 'heading', attrs: { level, bid }, content: [t(text)] });
const li = (...content: PMNode[]): PMNode => ({ type: 'listItem', content });
const cell = (type: 'tableCell' | 'tableHeader', text: string, attrs: Record<string, unknown> = {}): PMNode => ({
  type,
  attrs: { colspan: 1, rowspan: 1, colwidth: null, ...attrs },
  content: [{ type: 'paragraph', attrs: { bid: null }, content: text ? [t(text)] : [] }],
});

export const STAKEHOLDERS: Stakeholder[] = [
  { id: 's1', name: 'Jane Doe', organisation: 'ACME', group: 'private-sector', region: 'western-european-other', themes: [] },
  { id: 's2', name: 'Kofi Mensah', organisation: 'Ministry of Communications', group: 'government', region: 'african', themes: [] },
  { id: 's3', name: 'Lena Old', organisation: 'Gone Org', group: 'civil-society', region: 'global', themes: [], deleted: true },
];

/** A draft whose body uses every node and mark of the schema. */
export function richBody(): PMNode {
  return {
    type: 'doc',
    content: [
      h(1, 'h1', 'Introduction'),
      p(
        'p1',
        t('Plain '),
        t('bold', [{ type: 'bold' }]),
        t(' '),
        t('italic', [{ type: 'italic' }]),
        t(' '),
        t('under', [{ type: 'underline' }]),
        t(' '),
        t('struck', [{ type: 'strike' }]),
        t(' and '),
        t('safe link', [{ type: 'link', attrs: { href: 'https://www.intgovforum.org/' } }]),
        t(', '),
        t('bad link', [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }]),
        t(', '),
        t('mail us', [{ type: 'link', attrs: { href: 'mailto:bpf@example.org' } }]),
        t(', '),
        t('ftp link', [{ type: 'link', attrs: { href: 'ftp://example.org/x' } }]),
        t('.'),
        { type: 'footnote', attrs: { text: 'First note' } },
        { type: 'hardBreak' },
        t('After the break.'),
      ),
      h(2, 'h2', 'Lists'),
      {
        type: 'bulletList',
        content: [
          li(p('l1', t('Bullet one')), { type: 'orderedList', attrs: { start: 1, type: null }, content: [li(p('l2', t('Nested one'))), li(p('l3', t('Nested two')))] }),
          li(p('l4', t('Bullet two'))),
        ],
      },
      { type: 'orderedList', attrs: { start: 1, type: null }, content: [li(p('o1', t('First'))), li(p('o2', t('Second')))] },
      p('between', t('Between the lists.')),
      { type: 'orderedList', attrs: { start: 1, type: null }, content: [li(p('o3', t('Again one'))), li(p('o4', t('Again two')))] },
      { type: 'blockquote', content: [p('q1', t('Quoted text'))] },
      h(3, 'h3', 'Table'),
      {
        type: 'table',
        content: [
          { type: 'tableRow', content: [cell('tableHeader', 'Group'), cell('tableHeader', 'Count')] },
          { type: 'tableRow', content: [cell('tableCell', 'Government'), cell('tableCell', '3')] },
          { type: 'tableRow', content: [cell('tableCell', 'Spanning both', { colspan: 2 })] },
        ],
      },
      p('jane', t('As Jane '), t('Doe', [{ type: 'bold' }]), t(' and KOFI MENSAH noted, access matters.'), { type: 'footnote', attrs: { text: 'Said by Jane Doe.' } }),
      p('dirty', t('Control\u0001\u0008 chars\uD800 and \uFFFF gone, \u{1F600} kept.')),
      p('empty'),
      p('last', t('The end.')),
    ],
  };
}

export function thread(o: Partial<ExportThread> & Pick<ExportThread, 'id' | 'number'>): ExportThread {
  return {
    from: null,
    to: null,
    quote: '',
    author: 'Jane Doe',
    attribution: { name: 'Jane Doe', organisation: 'ACME', group: 'private-sector', region: 'western-european-other' },
    type: 'substantive',
    body: 'Please strengthen this.',
    proposedWording: '',
    createdAt: Date.UTC(2025, 5, 1, 10),
    resolved: false,
    replies: [],
    disposition: '',
    response: '',
    para: null,
    section: '',
    ...o,
  };
}

export function richThreads(): ExportThread[] {
  return [
    thread({
      id: 't1',
      number: 1,
      from: { bid: 'p1', offset: 0 },
      to: { bid: 'p1', offset: 5 },
      quote: 'Plain',
      resolved: true,
      disposition: 'accepted',
      response: 'Done in the next draft.',
      replies: [{ id: 'r1', author: 'Kofi Mensah', body: 'Agreed with Jane Doe.', createdAt: Date.UTC(2025, 5, 2) }],
    }),
    thread({
      id: 't2',
      number: 2,
      from: { bid: 'p1', offset: 10 },
      to: { bid: 'jane', offset: 6 },
      quote: 'spans two paragraphs',
      author: 'Kofi Mensah',
      attribution: { name: 'Kofi Mensah', organisation: 'Ministry of Communications', group: 'government', region: 'african' },
      type: 'editorial',
      proposedWording: 'Jane Doe suggests new words.',
    }),
    thread({ id: 't3', number: 3, from: null, to: null, quote: 'text that was deleted', body: 'This part is gone.', type: 'general' }),
  ];
}

export function draft(body: PMNode, threads: ExportThread[] = [], title = 'Output report'): ExportDocument {
  return {
    meta: { id: 'd1', kind: 'draft', subtype: 'output-report', title, themes: [], date: '2025-06-12', createdAt: 0, createdBy: 'me' },
    body,
    fields: { kind: 'draft', subtype: 'output-report', status: 'in-progress', phase: 'consultation' },
    threads,
  };
}

export function meeting(): ExportDocument {
  return {
    meta: { id: 'm1', kind: 'meeting', title: 'Session with Jane Doe', themes: [], date: '2025-06-12', createdAt: 0, createdBy: 'me' },
    body: {
      type: 'doc',
      content: [
        p('m-p1', t('Jane Doe opened the session; '), t('Kofi', [{ type: 'italic' }]), t(' Mensah replied. Walk-in Guest asked about funding.')),
        h(1, 'm-h1', 'Discussion of Lena Old proposal'),
        p('m-p2', t('Participants discussed access.'), { type: 'footnote', attrs: { text: 'Note by Kofi Mensah' } }),
      ],
    },
    fields: {
      kind: 'meeting',
      date: '2025-06-12',
      format: 'hybrid',
      location: 'Geneva',
      participants: [
        { id: 'a', stakeholderId: 's1' },
        { id: 'b', stakeholderId: 's2' },
        { id: 'c', stakeholderId: 's3' },
        { id: 'd', name: 'Walk-in Guest', organisation: 'Independent' },
      ],
      agenda: '1. Opening by Jane Doe\n2. Discussion',
      keyMessages: '- Access matters, said Kofi Mensah.\n- Funding is needed.',
      actionPoints: [{ id: 'x', owner: 'Jane Doe', task: 'Circulate notes to Kofi Mensah', due: '2025-07-01', status: 'open' }],
    },
    threads: [
      thread({ id: 'mt1', number: 1, from: { bid: 'm-p1', offset: 0 }, to: { bid: 'm-p1', offset: 8 }, body: 'Jane Doe should be quoted.', replies: [{ id: 'mr', author: 'Walk-in Guest', body: 'Agree', createdAt: 1 }] }),
      thread({ id: 'mt2', number: 2, from: null, to: null, author: 'Lena Old', attribution: undefined, body: 'Deleted text comment by Lena Old' }),
    ],
  };
}

export function inputOf(documents: ExportDocument[], style = {}): ExportInput {
  return { workspace: { name: 'BPF Cybersecurity', houseStyle: { ...DEFAULT_HOUSE_STYLE, ...style } }, stakeholders: STAKEHOLDERS, documents };
}
