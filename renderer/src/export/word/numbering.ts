import { AlignmentType, LevelFormat, type INumberingOptions } from 'docx';

// Real Word lists through docx's `numbering` option. One list definition (abstract numbering) per kind of list:
// bullets, ordered, an ordered list with an explicit HTML `type`, and an ordered list with its own `start`. Every
// list node of the body is an `instance` of its definition of its own, which docx writes as a w:num restarting every
// level, so every list (top level or nested, in any chapter of a compilation) restarts where it should and Word and
// LibreOffice agree on it.

/** 'lettered': UN style under numbered paragraphs, (a) (b), then (i) (ii), then 1. 2. (model/paragraphNumbers.ts) */
export type ListKind = 'bullet' | 'ordered' | 'lettered';
type NumberingConfig = INumberingOptions['config'][number];
type Format = (typeof LevelFormat)[keyof typeof LevelFormat];

const BULLETS = ['•', '–'];
const ORDERED_BY_LEVEL: Format[] = [LevelFormat.DECIMAL, LevelFormat.LOWER_LETTER, LevelFormat.LOWER_ROMAN];
const LETTERED_BY_LEVEL: Array<{ format: Format; text: (n: string) => string }> = [
  { format: LevelFormat.LOWER_LETTER, text: (n) => `(${n})` },
  { format: LevelFormat.LOWER_ROMAN, text: (n) => `(${n})` },
  { format: LevelFormat.DECIMAL, text: (n) => `${n}.` },
];
const HTML_TYPE: Record<string, Format> = {
  '1': LevelFormat.DECIMAL,
  a: LevelFormat.LOWER_LETTER,
  A: LevelFormat.UPPER_LETTER,
  i: LevelFormat.LOWER_ROMAN,
  I: LevelFormat.UPPER_ROMAN,
};

export const LIST_INDENT_TWIPS = 720;
export const LIST_HANGING_TWIPS = 360;

export interface ListRef {
  reference: string;
  instance: number;
}

export class ListNumbering {
  private readonly configs = new Map<string, NumberingConfig>();
  private instances = 0;

  /** A new list: the reference of its definition and an instance of its own. */
  newList(kind: ListKind, start = 1, htmlType?: unknown): ListRef {
    const fixed = kind === 'ordered' && typeof htmlType === 'string' ? (HTML_TYPE[htmlType] ?? null) : null;
    const first = kind === 'ordered' && Number.isInteger(start) && start >= 0 && start < 32768 ? start : 1;
    const reference = `${kind}${fixed ? `-${fixed}` : ''}${first !== 1 ? `-from-${first}` : ''}`;
    if (kind === 'lettered') return this.lettered(htmlType === 'bullet' ? 'lettered-bullet' : 'lettered');
    if (!this.configs.has(reference)) {
      this.configs.set(reference, {
        reference,
        levels: Array.from({ length: 9 }, (_, level) => ({
          level,
          format: kind === 'bullet' ? LevelFormat.BULLET : (fixed ?? ORDERED_BY_LEVEL[level % ORDERED_BY_LEVEL.length]),
          text: kind === 'bullet' ? BULLETS[level % BULLETS.length] : `%${level + 1}.`,
          alignment: AlignmentType.LEFT,
          start: first,
          style: { paragraph: { indent: { left: LIST_INDENT_TWIPS * (level + 1), hanging: LIST_HANGING_TWIPS } } },
        })),
      });
    }
    return { reference, instance: ++this.instances };
  }

  /** Two identical definitions, so a bullet list next to an ordered one stays its own list for readers that
   * group lists by definition (mammoth). */
  private lettered(reference: string): ListRef {
    if (!this.configs.has(reference)) {
      this.configs.set(reference, {
        reference,
        levels: Array.from({ length: 9 }, (_, level) => {
          const l = LETTERED_BY_LEVEL[Math.min(level, LETTERED_BY_LEVEL.length - 1)];
          return {
            level,
            format: l.format,
            text: l.text(`%${level + 1}`),
            alignment: AlignmentType.LEFT,
            start: 1,
            style: { paragraph: { indent: { left: LIST_INDENT_TWIPS * (level + 1), hanging: LIST_HANGING_TWIPS } } },
          };
        }),
      });
    }
    return { reference, instance: ++this.instances };
  }

  options(): INumberingOptions {
    return { config: [...this.configs.values()] };
  }
}
