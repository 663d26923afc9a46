import type { ExportInput } from './exportInput';
import type { Stakeholder } from '../model/stakeholders';
import type { ExportLabels } from './exportLabels';

// Chatham House rule: names of participants and speakers never appear; each becomes its stakeholder group.
// The redactor knows every registered stakeholder name (deleted and merged entries too), every free-text
// participant and every comment author, and finds them in any text, case-insensitively and only as whole words.

export interface Span {
  start: number;
  end: number;
  replacement: string;
}

export interface Redactor {
  /** Replacement spans in `text`, in order, not overlapping. */
  spans(text: string): Span[];
  redact(text: string): string;
  /** What a registered stakeholder is called in the export. */
  stakeholderLabel(s: Pick<Stakeholder, 'group'> | null | undefined): string;
}

const norm = (s: string) => s.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function chathamHouseRedactor(input: ExportInput, labels: ExportLabels): Redactor {
  const stakeholderLabel = (s: Pick<Stakeholder, 'group'> | null | undefined) =>
    s ? labels.chathamName(labels.groups[s.group] ?? labels.groups.other) : labels.participant;

  const byName = new Map<string, string>();
  const add = (name: string | undefined, label: string) => {
    const key = norm(name ?? '');
    // One- and two-letter "names" would shred ordinary words; nobody registers those as a person's name.
    if (key.length < 3 || byName.has(key)) return;
    byName.set(key, label);
  };
  for (const s of input.stakeholders) add(s.name, stakeholderLabel(s));
  for (const d of input.documents) {
    const participants = Array.isArray(d.fields.participants) ? d.fields.participants : [];
    for (const p of participants as Array<Record<string, unknown>>) if (typeof p?.name === 'string') add(p.name, labels.participant);
    for (const t of d.threads) {
      if (t.attribution) add(t.attribution.name, labels.chathamName(labels.groups[t.attribution.group as Stakeholder['group']] ?? labels.groups.other));
      add(t.author, labels.participant);
      for (const r of t.replies) add(r.author, labels.participant);
    }
  }

  // Longest names first, so "Ana Maria Lopez" wins over "Ana Maria".
  const names = [...byName.keys()].sort((a, b) => b.length - a.length);
  const pattern = names.length
    ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${names.map((n) => n.split(' ').map(escapeRe).join('\\s+')).join('|')})(?![\\p{L}\\p{N}])`, 'giu')
    : null;

  const spans = (text: string): Span[] => {
    if (!pattern || !text) return [];
    const out: Span[] = [];
    pattern.lastIndex = 0;
    for (const m of text.matchAll(pattern)) {
      const start = m.index ?? 0;
      out.push({ start, end: start + m[0].length, replacement: byName.get(norm(m[0])) ?? labels.participant });
    }
    return out;
  };

  const redact = (text: string) => {
    const found = spans(text);
    if (!found.length) return text;
    let out = '';
    let at = 0;
    for (const s of found) {
      out += text.slice(at, s.start) + s.replacement;
      at = s.end;
    }
    return out + text.slice(at);
  };

  return { spans, redact, stakeholderLabel };
}

/** The identity redactor when the rule is off. */
export const noRedaction: Redactor = {
  spans: () => [],
  redact: (t) => t,
  stakeholderLabel: () => '',
};
