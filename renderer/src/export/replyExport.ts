// A consolidated reply for the DOCX writer (issue 11): each citation is written (word/inline.ts) as its quoted
// passage followed by a footnote ("Contribution from <organisation>, <date>"); before planning, the contributors
// block becomes a table (Name, Organisation, Country or region) in house style, written and estimated like any
// body table.
import type { PMNode } from '../model/bodyJson';
import type { ContributorRow } from '../model/network/contributors';
import type { ExportLabels } from './exportLabels';
import { formatDate } from './word/dates';

export interface CitedSource {
  organisation: string;
  name: string;
  /** yyyy-mm-dd the contribution was received */
  date: string;
}

export interface ExportReplyInfo {
  /** contribution doc id -> who sent it, when */
  sources: Record<string, CitedSource>;
  contributors: ContributorRow[];
}

const text = (s: string): PMNode[] => (s ? [{ type: 'text', text: s }] : []);

export function citationNote(source: CitedSource | undefined, labels: ExportLabels): string {
  if (!source) return labels.citationNote(labels.citationUnknown, '');
  const who = source.organisation || source.name || labels.citationUnknown;
  return labels.citationNote(who, source.date ? formatDate(source.date, labels.locale) : '');
}

function contributorsTable(rows: ContributorRow[], labels: ExportLabels): PMNode {
  if (!rows.length) return { type: 'paragraph', content: text(labels.contributorsEmpty) };
  const widths = [34, 38, 28];
  const cell = (type: 'tableHeader' | 'tableCell', value: string, i: number): PMNode => ({ type, attrs: { colwidth: [widths[i]] }, content: [{ type: 'paragraph', content: text(value) }] });
  return {
    type: 'table',
    content: [
      { type: 'tableRow', content: labels.contributorColumns.map((c, i) => cell('tableHeader', c, i)) },
      ...rows.map((r) => ({
        type: 'tableRow',
        content: [r.name ?? labels.nameWithheld, r.organisation, labels.regions[r.region] ?? r.region].map((v, i) => cell('tableCell', v, i)),
      })),
    ],
  };
}

/** The body with the contributors block expanded into a table (other nodes are returned as they are). */
export function expandReplyNodes(body: PMNode, reply: ExportReplyInfo | undefined, labels: ExportLabels): PMNode {
  const walk = (node: PMNode): PMNode[] => {
    if (node.type === 'contributorsList') return [contributorsTable(reply?.contributors ?? [], labels)];
    if (!node.content) return [node];
    return [{ ...node, content: node.content.flatMap(walk) }];
  };
  return walk(body)[0];
}

/** Whether a body has anything expandReplyNodes changes (most documents do not: they are passed through). */
export function hasReplyNodes(body: PMNode): boolean {
  if (body.type === 'contributorsList') return true;
  return (body.content ?? []).some(hasReplyNodes);
}
