import { XML_DECL, W_NS } from '../xml';

// numbering.xml: real Word lists. One abstract definition per list kind (bullet, ordered, or an ordered list
// with an explicit HTML `type`), and one w:num per list node with a start override, so every list (top level or
// nested, in any chapter of a compilation) restarts where it should and Word and LibreOffice agree on it.

export type ListKind = 'bullet' | 'ordered';

const BULLETS = ['•', '–'];
const ORDERED_BY_LEVEL = ['decimal', 'lowerLetter', 'lowerRoman'];
const HTML_TYPE: Record<string, string> = { '1': 'decimal', a: 'lowerLetter', A: 'upperLetter', i: 'lowerRoman', I: 'upperRoman' };

export const LIST_INDENT_TWIPS = 720;
export const LIST_HANGING_TWIPS = 360;

function levelXml(ilvl: number, kind: ListKind, fixedFormat: string | null): string {
  const ind = `<w:pPr><w:ind w:left="${LIST_INDENT_TWIPS * (ilvl + 1)}" w:hanging="${LIST_HANGING_TWIPS}"/></w:pPr>`;
  if (kind === 'bullet') {
    return `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="${BULLETS[ilvl % BULLETS.length]}"/><w:lvlJc w:val="left"/>${ind}</w:lvl>`;
  }
  const fmt = fixedFormat ?? ORDERED_BY_LEVEL[ilvl % ORDERED_BY_LEVEL.length];
  return `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="%${ilvl + 1}."/><w:lvlJc w:val="left"/>${ind}</w:lvl>`;
}

export class NumberingBuilder {
  private readonly abstracts = new Map<string, { id: number; xml: string }>();
  private readonly nums: string[] = [];

  /** A new list instance at nesting level `ilvl`; returns its numId. */
  newList(kind: ListKind, ilvl: number, start = 1, htmlType?: unknown): number {
    const fixed = kind === 'ordered' && typeof htmlType === 'string' ? (HTML_TYPE[htmlType] ?? null) : null;
    const key = `${kind}:${fixed ?? ''}`;
    let abs = this.abstracts.get(key);
    if (!abs) {
      const id = this.abstracts.size;
      const levels = Array.from({ length: 9 }, (_, l) => levelXml(l, kind, fixed)).join('');
      abs = { id, xml: `<w:abstractNum w:abstractNumId="${id}"><w:multiLevelType w:val="hybridMultilevel"/>${levels}</w:abstractNum>` };
      this.abstracts.set(key, abs);
    }
    const numId = this.nums.length + 1;
    const safeStart = Number.isInteger(start) && start >= 0 && start < 32768 ? start : 1;
    this.nums.push(
      `<w:num w:numId="${numId}"><w:abstractNumId w:val="${abs.id}"/><w:lvlOverride w:ilvl="${ilvl}"><w:startOverride w:val="${safeStart}"/></w:lvlOverride></w:num>`,
    );
    return numId;
  }

  get isEmpty(): boolean {
    return this.nums.length === 0;
  }

  xml(): string {
    const abstracts = [...this.abstracts.values()].map((a) => a.xml).join('');
    return `${XML_DECL}<w:numbering ${W_NS}>${abstracts}${this.nums.join('')}</w:numbering>`;
  }
}
